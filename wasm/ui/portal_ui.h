// certportal ui: the portal as a function of its state.
//
// draw_portal() draws the simulated PC (desk/desk.h: the browser with the bank's page, the
// taskbar, the sample-data panels, the OS dialogs) and the permanent simulator marker over
// everything. It changes nothing but the active flow's View and the desk's DeskView (text being
// typed, how it shows: docs/architecture.md, "Where state lives");
// everything else it wants done it appends to `out`, which the caller applies after the frame
// (cp::apply for page actions, Session::apply for commands, DemoConsole::apply for the console's).
// With a `console` (demo/console.h), the demo console is drawn beside or over the desk.
#pragma once

#include "screen.h"

namespace cp::ui {

void draw_portal(const PortalState& state, Session& session, UiOut& out, DemoConsole* console = nullptr);

// The bank's pages before a login (pages/top_page.cpp): the top page, or 利用者ログイン's or 管理者ログイン's page
// (Session::site_page()).
void draw_top_page(const Ui& ui);

}  // namespace cp::ui
