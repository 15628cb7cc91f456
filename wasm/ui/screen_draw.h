// certportal ui: a flow's draw table — one row per value of the flow's Screen enum, in the enum's
// order, beside the flow's kind-and-name table in core (portal/flows/screen_table.h):
//   page    the bank page inside the browser; nullptr: the top page stays under the dialog
//   dialog  the OS dialog over the desk; nullptr: none
// The tables: ui/admin/admin_screens.cpp, ui/user/user_screens.cpp, each checked with
// rows_in_screen_order() so that a screen without a row does not compile.
#pragma once

#include <cstddef>

#include "portal/flows/screen_table.h"
#include "renewal/renewal_screens.h"
#include "screen.h"

namespace cp::ui {

template <class Flow>
struct ScreenDraw {
    using Draw = void (*)(const Ui&, Flow&);
    typename Flow::Screen screen;
    Draw page;
    Draw dialog;
};

// The current screen's page; false when it has none (a dialog over the top page).
template <class Flow, std::size_t N>
bool draw_screen_page(const ScreenDraw<Flow> (&table)[N], const Ui& ui, Flow& flow) {
    const auto page = screen_row(table, flow.screen()).page;
    if (page == nullptr) return false;
    page(ui, flow);
    return true;
}

// The current screen's OS dialog, if any.
template <class Flow, std::size_t N>
void draw_screen_dialog(const ScreenDraw<Flow> (&table)[N], const Ui& ui, Flow& flow) {
    if (const auto dialog = screen_row(table, flow.screen()).dialog) dialog(ui, flow);
}

// A Renewal row (証明書更新 nested in a holder's flow: portal/flows/holder_flow.h): the running
// renewal's page and its dialog (renewal/), whoever holds the certificate.
template <class Flow>
void draw_nested_renewal_page(const Ui& ui, Flow& flow) {
    draw_renewal_page(ui, *flow.renewal_flow(), flow.bank_view());
}
template <class Flow>
void draw_nested_renewal_dialog(const Ui& ui, Flow& flow) {
    draw_renewal_dialog(ui, *flow.renewal_flow());
}

}  // namespace cp::ui
