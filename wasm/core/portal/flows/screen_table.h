// certportal portal: a flow's screen table — one row per value of the flow's Screen enum, in the
// enum's order, so that "which screen is this" is answered by a lookup, not by a switch:
//   kind   Page (a bank page inside the browser), Dialog (an OS dialog over the desk, which is
//          then disabled) or Renewal (証明書更新 nested in the flow: the running RenewalFlow's own
//          row says page or dialog)
//   name   the screen's name in test messages and traces
// The flows' tables: kAdminScreens (admin_flow.h), kUserScreens (user_flow.h), kRenewalScreens
// (renewal_flow.h). The UI keeps a twin table of draw functions beside the screens (ui/admin/
// admin_screens.cpp, ui/user/user_screens.cpp). Both are checked at compile time with
// rows_in_screen_order(): a screen added without its row does not compile.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cp {

enum class ScreenKind : std::uint8_t { Page, Dialog, Renewal };

template <class Screen>
struct ScreenRow {
    Screen screen;
    ScreenKind kind;
    const char* name;
};

// True when `table` (rows with a `screen` member) has one row per screen, row i for screen i.
template <class Row, std::size_t N>
constexpr bool rows_in_screen_order(const Row (&table)[N]) {
    using Screen = decltype(table[0].screen);
    if (N != static_cast<std::size_t>(Screen::Count_)) return false;
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(table[i].screen) != i) return false;
    return true;
}

// The row of `screen` in a table that rows_in_screen_order() accepted.
template <class Row, std::size_t N, class Screen>
constexpr const Row& screen_row(const Row (&table)[N], Screen screen) {
    return table[static_cast<std::size_t>(screen)];
}

}  // namespace cp
