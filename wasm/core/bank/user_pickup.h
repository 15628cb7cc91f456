// certportal bank: a user obtains (取得) a certificate after the admin's issue or reissue (the
// seed's 利用者の電子証明書を取得する). Two paths, as in the seed:
//   Edge / Chrome (acquisition app ShinkinIBCertTool):
//     EnterIds → OneTimePassword → StartApp (ダウンロード, run the app) → AppReady (取得)
//     → Acquiring → Installed (取得完了) — or Failed when the app is closed mid-way
//   Edge IE mode:
//     EnterIds → OneTimePassword → ConfirmWebAccess (「Webアクセスの確認」 はい / いいえ)
//     → Installed — or Failed on 「いいえ」
// Failures that need the admin (no token, window passed, nothing pending, app closed, いいえ)
// end in Failed; typing mistakes keep the step. Once the CA has issued, a failed install
// revokes that certificate: the seed says the admin must reissue.
#pragma once

#include "bank/bank.h"
#include "bank/pc_certificate_store.h"

namespace cp {

enum class AcquisitionPath : std::uint8_t { AcquisitionApp = 0, InternetExplorerMode = 1 };

class UserPickup {
public:
    enum class Step : std::uint8_t {
        EnterIds, OneTimePassword, StartApp, AppReady, Acquiring, ConfirmWebAccess, Installed, Failed
    };

    // `pc` is the store of the PC the user works on; the certificate is installed there.
    UserPickup(Bank& bank, PcCertificateStore& pc, AcquisitionPath path = AcquisitionPath::AcquisitionApp)
        : bank_(bank), pc_(pc), path_(path) {}

    Step step() const { return step_; }
    BankResult failure() const { return failure_; }
    const std::string& user_id() const { return user_id_; }
    // The certificate installed at the end (empty before).
    const std::string& installed_serial() const { return installed_serial_; }

    BankResult enter_ids(std::string_view contract_id, std::string_view user_id, std::string_view user_pin);
    BankResult enter_one_time_password(std::string_view code);
    BankResult start_app();         // the app is downloaded and running
    BankResult close_app();         // the person closes the app window
    BankResult acquire();           // 取得 in the browser while the app runs
    BankResult finish();            // the app completes the installation (取得完了)
    BankResult confirm_web_access(bool yes);  // IE mode

private:
    BankResult fail(BankResult why);
    BankResult issue();
    void install();

    Bank& bank_;
    PcCertificateStore& pc_;
    AcquisitionPath path_;
    Step step_ = Step::EnterIds;
    BankResult failure_ = BankResult::Ok;
    std::string user_id_;
    InstalledCertificate issued_;
    std::string installed_serial_;
};

}  // namespace cp
