// certportal portal: the user's flow — seed 001 part 2 (利用者の電子証明書を取得する, 利用者の操作)
// on 利用者のパソコン, by either path of the seed, and 電子証明書方式 利用者ログイン with the
// certificate obtained. One flow runs one procedure: a UserPickup (procedures/user_pickup.h) or
// a UserLogin (procedures/user_login.h), chosen when the flow starts. Once logged on, inside the
// user's renewal window, the user renews their own certificate (seed 000 A3): a RenewalFlow
// (flows/renewal_flow.h) nested as one screen, as in the administrator's flow (flows/holder_flow.h),
// installing on this PC.
//
//   screen()          what the person sees now, derived from the procedure's step (a switch with
//                     no default, as AdminFlow does), plus what only the screens know: whether the
//                     browser has shown the app's download, whether the app window was closed
//                     after 取得完了. kUserScreens (below) gives each screen's kind and name.
//   apply(command)    validates what the command carries (bank/validation.h, one error per
//                     field), calls the procedure, keeps the result; never throws. A submitted
//                     secret's field in the View is wiped once the command is applied.
//   poll()            called by the Session at every update: the acquisition app completes the
//                     installation once the CA has issued (UserPickup::finish), and the flow hands
//                     the installed certificate to the Session, which saves it on the PC
//                     (certificate and key in one transaction) before 取得完了 shows.
//
// Screens: ui/user/ (bank pages, the CA's page, the acquisition app's window, OS dialogs).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "portal/commands.h"
#include "portal/flows/holder_flow.h"
#include "portal/text_field.h"
#include "procedures/user_login.h"
#include "procedures/user_pickup.h"
#include "procedures/user_renewal.h"

namespace cp {

// The user's form fields, each with its own error (FormOutcome).
enum class UserField : std::uint8_t { ContractId, UserId, UserPin, OneTimePassword, KeyPassword, LoginPin, Count_ };

class UserFlow : public HolderFlow<UserField> {
public:
    enum class Mode : std::uint8_t { Pickup, Login };
    enum class Screen : std::uint8_t {
        // 電子証明書取得 (both paths)
        PickupIds,           // ID・暗証番号の入力
        PickupOneTimePassword,  // 暗証番号の入力: ワンタイムパスワード
        PickupCaPage,        // しんきん電子証明書認証局: ダウンロード, 取得 (the app's window beside it)
        PickupWebAccess,     // IE mode: the OS dialog 「Webアクセスの確認」 over the page
        PickupIssuing,       // IE mode: 電子証明書発行処理中 (the page waits for the PC and the CA)
        PickupDone,          // 電子証明書 取得完了 (IE mode; the app path once its window is closed)
        // 電子証明書方式 利用者ログイン
        LoginChooseCertificate,  // OS dialog 証明書の選択
        LoginKeyAccess,          // OS dialog: 許可 / 拒否 (中) or the key's password (高)
        LoginUnlockingKey,       // OS dialog: the device key is unsealing the key
        LoginPin,                // 利用者暗証番号 → ログオン
        LoginLanding,            // the user's first page: 利用者名, 前回ログオン日時, 有効期限,
                                 // 重要なお知らせ and 証明書更新 inside the renewal window, ログオフ
        Renewal,                 // 証明書更新: renewal_flow()->screen() says which step
        Failed,                  // the procedure ended: the seed's reason and the way back
        Count_
    };
    // The acquisition app's window on the desk (app path only).
    enum class AppWindow : std::uint8_t {
        Closed,   // not started (or closed before 取得: start it again)
        Ready,    // running: the browser's 取得 is enabled
        Working,  // 電子証明書発行処理中
        Done,     // 電子証明書 取得完了 → 閉じる
    };
    // 電子証明書発行処理中, as the PC and the bank really progress.
    enum class Progress : std::uint8_t { KeyPair, Request, Protection, Issuing, Installing, Done };
    using Field = UserField;

    // Written by the screens only: the fields being typed (their submit carries the text) and
    // pure view details (docs/architecture.md, "Where state lives").
    struct View {
        IdField contract_id;      // ① 契約者ID(利用者番号)
        IdField user_id;          // ② 利用者ID
        PinField user_pin;        // ③ 利用者暗証番号 (pickup)
        ShortField one_time_password;
        PinField key_password;    // 保護レベル 高 at login
        PinField login_pin;       // 利用者暗証番号 (login)
        bool reveal_user_pin = false;
        std::string highlighted_certificate;  // 証明書の選択: the row the person clicked (OK carries it)
        void wipe_secrets();
    };

    // Pickup: `store` is the PC's store the certificate is installed into; `path` the browser's
    // (IE mode or not). Login: `store` lists the certificates the chooser offers.
    UserFlow(Mode mode, Bank& bank, PcServices pc, PcCertificateStore& store,
             AcquisitionPath path = AcquisitionPath::AcquisitionApp);
    ~UserFlow();  // wipes the View

    Mode mode() const { return mode_; }
    AcquisitionPath path() const { return path_; }
    Screen screen() const;
    // The current screen is an OS dialog (kUserScreens below; during 証明書更新, the renewal's).
    bool dialog_open() const;
    AppWindow app_window() const;
    Progress progress() const;
    FlowResult apply(const UserCommand& command);
    // The user's own 証明書更新: OpenRenewal from the landing page inside the window, then its steps.
    FlowResult apply(const RenewalCommand& command);
    bool renewal_offered() const;
    // The app finishes what the CA issued; see above. True when the screens may have changed.
    bool poll();
    // The certificate the Session must save on the PC now (nullptr when none), and its outcome: a
    // failed save ends the pickup with the storage's reason (the bank has revoked the certificate
    // as not installed), never 取得完了.
    const InstalledCertificate* certificate_to_save() const;
    void certificate_saved(FlowResult result);

    View& view() { return view_; }
    const View& view() const { return view_; }
    const UserPickup* pickup() const { return pickup_.get(); }
    const UserLogin* login() const { return login_.get(); }
    // What 証明書の選択 lists (login only): the certificates the login's CertificateRequest accepts.
    std::vector<const InstalledCertificate*> chooser_certificates() const { return offered_by(login_.get()); }

    // last_result(), field_error(), tries_left() (FormOutcome): tries left before 利用中止, after a
    // wrong 利用者暗証番号 or one-time password.
    FlowResult failure() const;
    // The user the procedure is for, once the bank knows (after the IDs, after the certificate).
    const User* user() const;
    // 取得期限 of the pending certificate (0 when none).
    SimTime pickup_deadline() const;
    // The browser has downloaded ShinkinIBCertTool.exe (ダウンロード): its download UI shows it.
    bool downloaded() const { return downloaded_; }
    // The landing page (with previous_logon()): the certificate the person logged on with.
    const InstalledCertificate* login_certificate() const { return store_.find(login_serial_); }

private:
    FlowResult apply_one(const UserCommand& command);
    bool pickup_step(UserPickup::Step s) const { return pickup_ && pickup_->step() == s; }

    Mode mode_;
    AcquisitionPath path_;
    std::unique_ptr<UserPickup> pickup_;
    std::unique_ptr<UserLogin> login_;  // ~UserFlow ends the renewal first (it runs under this login)
    View view_;
    bool downloaded_ = false;
    bool app_dismissed_ = false;   // the app window closed after 取得完了
    // The pickup's certificate on the PC: None until installed, Due until the Session's save of it
    // ends, then Done, or Failed with the storage's reason (save_failure_), the pickup's failure.
    enum class Save : std::uint8_t { None, Due, Done, Failed } save_ = Save::None;
    FlowResult save_failure_ = FlowResult::Ok;
    std::string login_serial_;
};

// The user's screens (flows/screen_table.h).
inline constexpr ScreenRow<UserFlow::Screen> kUserScreens[] = {
    {UserFlow::Screen::PickupIds, ScreenKind::Page, "PickupIds"},
    {UserFlow::Screen::PickupOneTimePassword, ScreenKind::Page, "PickupOneTimePassword"},
    {UserFlow::Screen::PickupCaPage, ScreenKind::Page, "PickupCaPage"},
    {UserFlow::Screen::PickupWebAccess, ScreenKind::Dialog, "PickupWebAccess"},
    {UserFlow::Screen::PickupIssuing, ScreenKind::Page, "PickupIssuing"},
    {UserFlow::Screen::PickupDone, ScreenKind::Page, "PickupDone"},
    {UserFlow::Screen::LoginChooseCertificate, ScreenKind::Dialog, "LoginChooseCertificate"},
    {UserFlow::Screen::LoginKeyAccess, ScreenKind::Dialog, "LoginKeyAccess"},
    {UserFlow::Screen::LoginUnlockingKey, ScreenKind::Dialog, "LoginUnlockingKey"},
    {UserFlow::Screen::LoginPin, ScreenKind::Page, "LoginPin"},
    {UserFlow::Screen::LoginLanding, ScreenKind::Page, "LoginLanding"},
    {UserFlow::Screen::Renewal, ScreenKind::Renewal, "Renewal"},
    {UserFlow::Screen::Failed, ScreenKind::Page, "Failed"},
};
static_assert(rows_in_screen_order(kUserScreens));

inline const char* user_screen_name(UserFlow::Screen screen) { return screen_row(kUserScreens, screen).name; }

}  // namespace cp
