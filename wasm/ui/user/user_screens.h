// certportal ui: the user's screens (seed 001 part 2, and 電子証明書方式 利用者ログイン), one file each:
//   pickup_ids.cpp        ID・暗証番号の入力 (①②③, the seed's three footnotes, software keyboard)
//   pickup_otp.cpp        暗証番号の入力: ワンタイムパスワード and the seed's token instructions
//   ca_page.cpp           しんきん電子証明書認証局: ダウンロード, 電子証明書取得開始, 取得
//   downloads.cpp         the browser's download UI (Edge: 「開く」 top right; Chrome: the file,
//                         bottom left)
//   acquisition_app.cpp   the acquisition app's own window on the desk: progress, 取得完了, 閉じる
//   pickup_end.cpp        IE mode's 電子証明書発行処理中, 取得完了, and the failure page
//   user_dialogs.cpp      OS dialogs: 「Webアクセスの確認」, 証明書の選択, key access, unlocking
//   user_login.cpp        利用者暗証番号 → ログオン, then the user's landing page (重要なお知らせ
//                         and 証明書更新 inside the renewal window)
//   (the user's own 証明書更新 is the shared renewal screens: renewal/)
// user_screens.cpp holds the draw table: one row per UserFlow::Screen (its page, its dialog),
// beside the flow's kUserScreens (page or dialog, name); a screen without a row does not compile.
#pragma once

#include "desk/desk.h"
#include "portal/flows/user_flow.h"
#include "screen.h"

namespace cp::ui {

// The OS dialog of the current screen, if any (UserFlow::dialog_open() says whether there is
// one, and the desk behind it is then disabled).
void draw_user_dialog(const Ui& ui, UserFlow& flow);
// The bank page of the current screen, or false for a dialog screen (the page under it stays).
bool draw_user_page(const Ui& ui, UserFlow& flow);
// What the flow puts on the desk outside the page: the browser's download UI and the app window.
void draw_user_desk(const Ui& ui, UserFlow& flow, const Rect& browser, bool narrow);

void draw_pickup_ids(const Ui& ui, UserFlow& flow);
void draw_pickup_otp(const Ui& ui, UserFlow& flow);
void draw_ca_page(const Ui& ui, UserFlow& flow);
void draw_downloads(const Ui& ui, const UserFlow& flow, const Rect& browser, bool narrow);
void draw_acquisition_app(const Ui& ui, const UserFlow& flow, const Rect& browser);
// How much of the browser's bottom the app's window covered when last drawn: on a phone it sits
// over the page, which leaves that much room below its last line so that 取得 can be scrolled
// above it (0 on a wide screen, where it stands beside 取得, or with the app closed).
float acquisition_app_covered_bottom();
void draw_pickup_issuing(const Ui& ui, UserFlow& flow);
void draw_pickup_done(const Ui& ui, UserFlow& flow);
void draw_user_failure(const Ui& ui, UserFlow& flow);
void draw_user_login_pin(const Ui& ui, UserFlow& flow);
void draw_user_landing(const Ui& ui, UserFlow& flow);
void draw_user_web_access(const Ui& ui, UserFlow& flow);
void draw_user_chooser(const Ui& ui, UserFlow& flow);
void draw_user_key_access(const Ui& ui, UserFlow& flow);
void draw_user_unlocking(const Ui& ui, UserFlow& flow);
// A link of the seed that leads to a page the simulator does not have (ca_page.cpp).
void disabled_link(const char* label, const char* why);
// 利用者ID and 取得期限 above the pickup's pages once the bank knows the user.
void draw_pickup_deadline(const Ui& ui, const UserFlow& flow);

}  // namespace cp::ui
