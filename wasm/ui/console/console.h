// certportal ui: the demo console — a collapsible panel beside the simulated desk (over it on a
// narrow screen) for the people who run demos and training: scenarios, the simulated clock and
// what it set off, the PCs and their certificates, the browser kind, shortcuts to the desk's
// panels, the audit log, and files to keep progress. A function of the DemoConsole's state
// (demo/console.h) and the session: it emits console commands and session commands.
//
//   console_layout.cpp    where the console goes; shrinks the desk's work area when beside it
//   console_panel.cpp     the panel's window, the order of its sections, kiosk mode's opener
//                         and countdown (collapsed, the taskbar's デモコンソールを開く opens it)
//   console_sections.cpp  one function per section
//   console_guide.cpp     the guide section and its outline
#pragma once

#include "screen.h"

namespace cp::ui {

// Below this width the console opens over the desk instead of beside it.
inline constexpr float kConsoleBesideMinWidth = 1000.0f;
inline constexpr float kConsoleWidth = 380.0f;

// Before the desk is drawn: when the console is open beside the desk, the main viewport's work
// area (what the desk, its panels and the OS dialogs fill) leaves the console's strip free.
void reserve_console_area(const DemoConsole& console);
void draw_console(const Ui& ui, DemoConsole& console);

// The guide (console_guide.cpp): the seed's steps for the running scenario, the current one
// marked, and "show me": an outline around what that step clicks.
void draw_console_guide(const Ui& ui, const DemoConsole& console);

// The sections (console_sections.cpp).
void draw_console_scenarios(const Ui& ui, const DemoConsole& console);
void draw_console_clock(const Ui& ui, DemoConsole& console);
void draw_console_pcs(const Ui& ui);
void draw_console_shortcuts(const Ui& ui);
void draw_console_audit(const Ui& ui);
void draw_console_progress(const Ui& ui, const DemoConsole& console);
// What the page's link asked for that could not be used, and the default taken instead.
void draw_console_link_problems(const Ui& ui, const DemoConsole& console);
// Starting a scenario would replace progress: the question, at the console's top (a link's
// scenario asks it as the page opens).
void draw_console_confirmation(const Ui& ui, const DemoConsole& console);
// The console's last message (busy, refused, exported, ...), or nothing.
void draw_console_message(const Ui& ui, const DemoConsole& console);

}  // namespace cp::ui
