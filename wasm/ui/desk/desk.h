// certportal ui: the simulated PC the seeds' steps happen on — a desk with a browser window that
// holds the bank's pages, a taskbar that says which PC this is (管理者のパソコン / 利用者のパソコン)
// and switches it, the sample-data panels, and the OS dialogs on top. On a narrow screen (phone)
// the browser fills the screen and its chrome shrinks; the taskbar takes two rows.
#pragma once

#include "bank/pki_authority.h"
#include "screen.h"

namespace cp::ui {

void draw_desk(const Ui& ui);

// The bank's host as the simulated browser shows it (address bar) and the OS names it (証明書の選択):
// the login server's name, the one its TLS certificate and the handshake's SNI carry.
inline constexpr const char* kSimulatedSite = kLoginServerHostName;

// Parts (one file each).
struct Rect {
    float x, y, w, h;
};
// The browser window: title bar, address bar with the ツール and 「…」 menus, the page inside.
// Narrow: no title bar (the browser fills a phone's screen).
void draw_browser_window(const Ui& ui, const Rect& r, bool narrow);
// The height of the browser's title bar and toolbar above the page (the toolbar grows for touch):
// IE mode's banner and Edge's download flyout hang from there.
float browser_chrome_height(bool narrow);
// The 「…」 menu (Internet Explorer モード) and IE mode's banner below the toolbar at `top`
// (desk/browser_menu.cpp).
void draw_browser_more_menu(const Ui& ui);
void draw_ie_banner(const Ui& ui, const Rect& browser, float top);
// Chrome's download shelf under the page while it shows a download (user/downloads.cpp): the
// page is that much shorter.
float download_shelf_height(const Ui& ui);
// The bank's page inside the browser (pages/bank_page.cpp).
void draw_bank_page(const Ui& ui);
// Its height at this width: one row, or more when the groups must wrap.
float taskbar_height(const Ui& ui, float width);
void draw_taskbar(const Ui& ui, const Rect& r);
// The desk's panels (desk/sample_panels.cpp): サンプルデータ, お客様カード, and inside the same frame
// the mailbox and the branch counter.
void draw_panels(const Ui& ui, float taskbar_height);
// The bank's mail: the list with unread marks, a mail opened (desk/mailbox.cpp).
void draw_mailbox(const Ui& ui, const BankView& bank);
// お取引店: the paper forms and their status on the simulated clock (desk/branch_counter.cpp).
void draw_branch_counter(const Ui& ui, const BankView& bank);
// The user's one-time password token (desk/token_device.cpp), inside its panel.
void draw_token_device(const Ui& ui, const BankView& bank);

}  // namespace cp::ui
