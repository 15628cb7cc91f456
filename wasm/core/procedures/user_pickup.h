// certportal procedures: a user obtains (取得) a certificate after the admin's issue or reissue (the
// seed's 利用者の電子証明書を取得する). Two paths, as in the seed:
//   Edge / Chrome (acquisition app ShinkinIBCertTool):
//     EnterIds → OneTimePassword → StartApp (ダウンロード, run the app) → AppReady (取得)
//     → WaitingForKey → Acquiring → Installed (取得完了) — or Failed when the app is closed mid-way
//   Edge IE mode:
//     EnterIds → OneTimePassword → ConfirmWebAccess (「Webアクセスの確認」 はい / いいえ)
//     → WaitingForKey → Installed — or Failed on 「いいえ」
// WaitingForKey: 電子証明書発行処理中 — the PC is finishing the key pair (started speculatively
// once the IDs are accepted), the CSR and the key's protection, then the bank issues; the UI keeps
// drawing and polls step(). The private key is made on the user's PC (PcServices) and never
// leaves it. Failures that need the admin (no token, window passed, nothing pending, app closed,
// いいえ) end in Failed; typing mistakes keep the step. A failed install after 取得 uses the
// pickup up (the issued certificate, if any, is revoked): the seed says the admin must reissue.
// Nothing is stored on the PC unless the whole installation succeeds. The bank records the issue as
// awaiting installation on this PC; the record becomes 有効 only when the PC's saved store holds the
// certificate (Bank::confirm_installation, called by the Session or at the next start).
#pragma once

#include <memory>

#include "bank/bank.h"
#include "pc/certificate_enrollment.h"
#include "pc/pc_certificate_store.h"

namespace cp {

enum class AcquisitionPath : std::uint8_t { AcquisitionApp = 0, InternetExplorerMode = 1 };

class UserPickup {
public:
    enum class Step : std::uint8_t {
        EnterIds, OneTimePassword, StartApp, AppReady, WaitingForKey, Acquiring, ConfirmWebAccess, Installed, Failed
    };

    // `pc` is the store of the PC the user works on; the certificate is installed there.
    UserPickup(Bank& bank, PcCertificateStore& pc, PcServices services,
               AcquisitionPath path = AcquisitionPath::AcquisitionApp);

    Step step() const { return step_; }
    FlowResult failure() const { return failure_; }
    const std::string& user_id() const { return user_id_; }
    // The certificate installed at the end (empty before).
    const std::string& installed_serial() const { return installed_serial_; }
    // Whether the key pair is still being generated (for a progress hint while waiting).
    bool key_generation_pending() const { return enrollment_->key_generation_pending(); }
    // WaitingForKey: how far the PC and the CA are (the app's progress display).
    EnrollmentStage enrollment_stage() const { return enrollment_->stage(); }
    AcquisitionPath path() const { return path_; }

    // The seed shows no protection dialog at pickup: 中 unless changed before 取得 / はい.
    FlowResult set_key_choice(KeyChoice choice);

    FlowResult enter_ids(std::string_view contract_id, std::string_view user_id, std::string_view user_pin);
    FlowResult enter_one_time_password(std::string_view code);
    FlowResult start_app();         // the app is downloaded and running
    FlowResult close_app();         // the person closes the app window (or the browser tab)
    FlowResult acquire();           // 取得 in the browser while the app runs
    FlowResult finish();            // the app completes the installation (取得完了)
    FlowResult confirm_web_access(bool yes);  // IE mode

private:
    FlowResult fail(FlowResult why);
    void start_issuing();
    void issued(FlowResult result);
    void install();

    Bank& bank_;
    AcquisitionPath path_;
    std::unique_ptr<CertificateEnrollment> enrollment_;
    KeyChoice key_choice_;
    Step step_ = Step::EnterIds;
    FlowResult failure_ = FlowResult::Ok;
    std::string pc_name_;  // where the bank expects the certificate installed
    std::string user_id_;
    std::string installed_serial_;
};

}  // namespace cp
