// certportal ui: what every screen function receives. Screens read the session, write only the
// active flow's View (the fields being typed, how they show) and emit commands; they never call
// the bank (docs/architecture.md, "Where state lives").
#pragma once

#include <utility>
#include <vector>

#include "demo/console.h"
#include "portal/portal.h"
#include "portal/session.h"

namespace cp::ui {

// What a frame produced: page actions (language, notices) and session commands, applied by the
// caller after the frame (cp::apply, Session::apply).
struct UiOut {
    std::vector<Action> actions;
    std::vector<Command> commands;
    std::vector<ConsoleCommand> console;  // the demo console's own (DemoConsole::apply)
    // The page renders on demand: a screen that shows time passing (the token's countdown) asks
    // for the next frame within this many seconds (0: none asked). The shortest request wins.
    double redraw_in = 0.0;
    template <class T>
    void command(T c) { commands.push_back(make_command(std::move(c))); }
    void redraw_within(double seconds) {
        if (redraw_in <= 0.0 || seconds < redraw_in) redraw_in = seconds;
    }
    void clear() {
        actions.clear();
        commands.clear();
        console.clear();
        redraw_in = 0.0;
    }
};

struct Ui {
    const PortalState& state;
    Session& session;
    UiOut& out;
    const DemoConsole* console = nullptr;  // the demo console, when the page has one (its taskbar toggle)
    Language lang() const { return state.language; }
    const char* t(TextId id) const { return text(id, state.language); }
    template <class T>
    void emit(T c) const { out.command(std::move(c)); }
    template <class T>
    void emit_console(T c) const { out.console.push_back(make_console_command(std::move(c))); }
};

}  // namespace cp::ui
