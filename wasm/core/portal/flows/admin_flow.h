// certportal portal: the administrator's flow — seed 001 part 1 (利用者の電子証明書を再発行する,
// 管理者の操作) and the login of seed 000, from 電子証明書方式 管理者ログイン to the reissue's
// completion. It owns the procedures (procedures/admin_login.h, and once in the menu
// procedures/user_certificate_maintenance.h), the View the screens edit (what is being typed,
// how it shows: docs/architecture.md, "Where state lives"), and the errors of the last command:
// one per field, and the bank's result.
//
//   screen()          what the person sees now, derived from the procedures' steps: a switch
//                     over each Step with no default, so a step that no screen draws does not
//                     compile. kAdminScreens (below) gives each screen's kind and name.
//   apply(command)    validates what the command carries (bank/validation.h), calls the
//                     procedure, keeps the result; never throws. A submitted secret's field in
//                     the View is wiped once the command is applied.
//
// Screens are OS dialogs (証明書の選択, key access) or bank pages: see ui/admin/.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "portal/commands.h"
#include "portal/flows/holder_flow.h"
#include "portal/text_field.h"
#include "procedures/admin_login.h"
#include "procedures/admin_renewal.h"
#include "procedures/user_certificate_maintenance.h"

namespace cp {

// The audit log's word for a RevokeReason (portal/commands.h).
const char* revoke_reason_name(RevokeReason reason);

// The administrator's form fields, each with its own error (FormOutcome).
enum class AdminField : std::uint8_t { ContractPin, CardFirst, CardSecond, KeyPassword, ConfirmationPin, RevokeReason, Count_ };

class AdminFlow : public HolderFlow<AdminField> {
public:
    enum class Screen : std::uint8_t {
        ChooseCertificate,  // OS dialog over the top page
        KeyAccess,          // OS dialog: 許可 / 拒否 (中) or the key's password (高)
        UnlockingKey,       // OS dialog: waiting for the device key
        ContractPin,        // ご契約先暗証番号
        CardChallenge,      // 確認用パスワード
        Notices,            // 重要なお知らせ
        Menu,               // メイン | ご契約先認証情報変更 | ご契約先管理情報変更
        UserGrid,           // 利用者情報選択 / 利用者情報の編集
        UserEdit,           // 利用者情報変更: 再発行・失効
        UserDone,           // completion: what the user needs to pick up
        Failed,             // the login or the procedure ended: the reason and the way out
        Renewal,            // 証明書更新 (seed 000 (6)-(12)): renewal_flow()->screen() says which step
        Count_
    };
    using Field = AdminField;

    // Written by the screens only: the fields being typed (their submit carries the text) and
    // pure view details.
    struct View {
        PinField contract_pin;
        ShortField card_first;
        ShortField card_second;
        PinField key_password;
        PinField confirmation_pin;
        bool reveal_contract_pin = false;       // the show toggle beside a masked field
        bool reveal_confirmation_pin = false;
        std::string highlighted_certificate;    // 証明書の選択: the row the person clicked (OK carries it)
        void wipe_secrets();
    };

    // `store`: the certificates of the PC the administrator sits at (the chooser lists them; a
    // renewal installs the new certificate there).
    AdminFlow(Bank& bank, PcServices pc, PcCertificateStore& store);
    ~AdminFlow();  // wipes the View; a renewal not finished is cancelled (nothing half-installed)

    Screen screen() const;
    // The current screen is an OS dialog (kAdminScreens below; during 証明書更新, the renewal's).
    bool dialog_open() const;
    FlowResult apply(const AdminCommand& command);
    // 証明書更新 (flows/renewal_flow.h): OpenRenewal inside the window, then the renewal's steps.
    FlowResult apply(const RenewalCommand& command);

    View& view() { return view_; }
    const View& view() const { return view_; }
    const AdminLogin& login() const { return *login_; }
    // What 証明書の選択 lists: the certificates the login's CertificateRequest accepts.
    std::vector<const InstalledCertificate*> chooser_certificates() const { return offered_by(login_.get()); }
    const UserCertificateMaintenance* maintenance() const { return maintenance_ ? &*maintenance_ : nullptr; }
    // The running renewal's procedure (nullptr when none; renewal_flow(): its screens).
    const CertificateRenewal* renewal() const;
    // 証明書更新 is offered (menu, お知らせ): logged in and inside the renewal window.
    bool renewal_offered() const;
    // The protection the renewal's key gets (RenewalProtection shows it): 中 unless the settings
    // dialog changed it.
    KeyProtection renewal_protection() const { return renewal_ ? renewal_->protection() : KeyProtection::Medium; }

    // last_result(), field_error(), tries_left() (FormOutcome): tries left before the lock, after
    // a wrong ご契約先暗証番号 / 確認暗証番号 / card answer.
    // The failure that ended the flow (Screen::Failed).
    FlowResult failure() const;

    // Screen state that is not the bank's.
    MenuTab tab() const { return tab_; }
    bool section_open(MenuSection s) const { return s == MenuSection::Status ? status_open_ : audit_open_; }
    // Result of 検証 on the audit log, found once when the person asked: nullopt before.
    const std::optional<AuditCheck>& audit_check() const { return audit_check_; }
    std::size_t visible_users() const { return visible_users_; }  // the grid shows this many, then もっと見る
    bool user_actions_open() const { return user_actions_open_; }
    UserCertificateAction certificate_action() const { return certificate_action_; }
    RevokeReason revoke_reason() const { return revoke_reason_; }  // 失効's reason as chosen
    bool hide_notices() const { return hide_notices_; }  // 全てのお知らせをしばらく表示しない
    // The reissue's completion: the pickup deadline of the selected user (0 otherwise).
    SimTime pickup_deadline() const;

    static constexpr std::size_t kUsersPerPage = 20;

private:
    FlowResult apply_one(const AdminCommand& command);
    void end_renewal() { renewal_.reset(); }

    std::unique_ptr<AdminLogin> login_;  // ~AdminFlow ends the renewal first (it runs under this login)
    std::optional<UserCertificateMaintenance> maintenance_;
    View view_;
    MenuTab tab_ = MenuTab::Main;
    bool status_open_ = true;
    bool audit_open_ = false;
    std::optional<AuditCheck> audit_check_;
    std::size_t visible_users_ = kUsersPerPage;
    bool user_actions_open_ = false;
    UserCertificateAction certificate_action_ = UserCertificateAction::Continue;
    RevokeReason revoke_reason_ = RevokeReason::None;
    bool hide_notices_ = false;
};

// The administrator's screens (flows/screen_table.h).
inline constexpr ScreenRow<AdminFlow::Screen> kAdminScreens[] = {
    {AdminFlow::Screen::ChooseCertificate, ScreenKind::Dialog, "ChooseCertificate"},
    {AdminFlow::Screen::KeyAccess, ScreenKind::Dialog, "KeyAccess"},
    {AdminFlow::Screen::UnlockingKey, ScreenKind::Dialog, "UnlockingKey"},
    {AdminFlow::Screen::ContractPin, ScreenKind::Page, "ContractPin"},
    {AdminFlow::Screen::CardChallenge, ScreenKind::Page, "CardChallenge"},
    {AdminFlow::Screen::Notices, ScreenKind::Page, "Notices"},
    {AdminFlow::Screen::Menu, ScreenKind::Page, "Menu"},
    {AdminFlow::Screen::UserGrid, ScreenKind::Page, "UserGrid"},
    {AdminFlow::Screen::UserEdit, ScreenKind::Page, "UserEdit"},
    {AdminFlow::Screen::UserDone, ScreenKind::Page, "UserDone"},
    {AdminFlow::Screen::Failed, ScreenKind::Page, "Failed"},
    {AdminFlow::Screen::Renewal, ScreenKind::Renewal, "Renewal"},
};
static_assert(rows_in_screen_order(kAdminScreens));

inline const char* admin_screen_name(AdminFlow::Screen screen) { return screen_row(kAdminScreens, screen).name; }

}  // namespace cp
