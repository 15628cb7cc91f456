// certportal ui: the administrator's screens (seed 001 part 1, seed 000's login), one file each:
//   login_dialogs.cpp   証明書の選択, key access, unlocking (the shared OS dialogs, os/)
//   contract_pin.cpp    ご契約先暗証番号 → ログオン
//   card_challenge.cpp  確認用パスワード (お客様カード)
//   notices.cpp         重要なお知らせ
//   menu.cpp            メイン | ご契約先認証情報変更 | ご契約先管理情報変更, status, audit log
//   user_grid.cpp       利用者情報選択 / 利用者情報の編集
//   user_edit.cpp       利用者情報変更: 再発行・失効 + ご契約先確認暗証番号
//   user_done.cpp       the completion: what the user needs, the pickup deadline
//   failure.cpp         the end of a failed login or procedure
//   (証明書更新's pages and dialogs are shared with the user's own renewal: renewal/)
//   enrollment_progress.cpp  電子証明書発行処理中 (renewal and pickup)
//   admin_pickup.cpp    管理者電子証明書取得 after a branch reissue (its own flow)
// admin_screens.cpp holds the draw table: one row per AdminFlow::Screen (its page, its dialog),
// beside the flow's kAdminScreens (page or dialog, name); a screen without a row does not compile.
#pragma once

#include "portal/flows/admin_flow.h"
#include "portal/flows/admin_pickup_flow.h"
#include "screen.h"

namespace cp::ui {

// The OS dialog of the current screen, if any (drawn over the desk, after it; AdminFlow::
// dialog_open() says whether there is one, and the desk behind it is then disabled).
void draw_admin_dialog(const Ui& ui, AdminFlow& flow);
// The bank page of the current screen (inside the browser), or nothing for a dialog screen (the
// page under it stays the top page).
bool draw_admin_page(const Ui& ui, AdminFlow& flow);

// One file each (see above).
void draw_admin_chooser(const Ui& ui, AdminFlow& flow);
void draw_admin_key_access(const Ui& ui, AdminFlow& flow);
void draw_admin_unlocking(const Ui& ui, AdminFlow& flow);
void draw_admin_contract_pin(const Ui& ui, AdminFlow& flow);
void draw_admin_card_challenge(const Ui& ui, AdminFlow& flow);
void draw_admin_notices(const Ui& ui, AdminFlow& flow);
void draw_admin_menu(const Ui& ui, AdminFlow& flow);
void draw_admin_user_grid(const Ui& ui, AdminFlow& flow);
void draw_admin_user_edit(const Ui& ui, AdminFlow& flow);
void draw_admin_user_done(const Ui& ui, AdminFlow& flow);
void draw_admin_failure(const Ui& ui, AdminFlow& flow);
void draw_admin_renewal(const Ui& ui, AdminFlow& flow);
void draw_enrollment_progress(const Ui& ui, EnrollmentStage stage, bool finished);
// 管理者電子証明書取得: the page of its step, and its OS dialog (the web access confirmation).
void draw_admin_pickup_page(const Ui& ui, AdminPickupFlow& flow);
bool admin_pickup_dialog_open(const AdminPickupFlow& flow);
void draw_admin_pickup_dialog(const Ui& ui, AdminPickupFlow& flow);
// The bar above every logged-in page: the company, the bank's time, ログオフ.
void draw_admin_session_bar(const Ui& ui, const AdminFlow& flow);

}  // namespace cp::ui
