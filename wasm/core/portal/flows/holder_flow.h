// certportal portal: what the flows of a certificate holder share — the administrator's (AdminFlow)
// and a user's (UserFlow). Each runs at one PC (its key services and certificate store) against
// the bank, keeps the outcome of its last command (FormOutcome), offers 証明書の選択 with its
// 証明書のプロパティ, and once logged on nests 証明書更新 the same way: one screen of the holder's
// (Screen::Renewal, ScreenKind::Renewal in its table) while a RenewalFlow runs, whose own screen()
// says the step (flows/renewal_flow.h).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bank/bank.h"
#include "pc/pc_certificate_store.h"
#include "pc/pc_services.h"
#include "portal/bank_view.h"
#include "portal/flows/form_outcome.h"
#include "portal/flows/renewal_flow.h"

namespace cp {

template <class Field>
class HolderFlow : public FormOutcome<Field> {
public:
    HolderFlow(const HolderFlow&) = delete;
    HolderFlow& operator=(const HolderFlow&) = delete;

    // The certificates of the PC the holder sits at (the chooser lists them; a pickup or a renewal
    // installs there).
    const PcCertificateStore& store() const { return store_; }
    BankView bank_view() const { return BankView(bank_); }  // what the screens read of the bank
    // The running 証明書更新 (nullptr when none): the holder's screen is then Screen::Renewal.
    RenewalFlow* renewal_flow() { return renewal_.get(); }
    const RenewalFlow* renewal_flow() const { return renewal_.get(); }
    // 証明書のプロパティ open over the chooser for this serial ("" none).
    const std::string& properties_serial() const { return properties_serial_; }
    // 前回ログオン日時: the holder's logon before this one (0: none).
    SimTime previous_logon() const { return previous_logon_; }

protected:
    HolderFlow(Bank& bank, PcServices pc, PcCertificateStore& store) : bank_(bank), pc_(pc), store_(store) {}
    ~HolderFlow() = default;  // the derived flow ends the renewal first: it runs under its login

    // 証明書の選択's list: the PC's certificates whose issuer the login's CertificateRequest accepts
    // (CertificateLoginStep::accepts), in the store's order; none without a login.
    template <class Login>
    std::vector<const InstalledCertificate*> offered_by(const Login* login) const {
        std::vector<const InstalledCertificate*> out;
        if (login == nullptr) return out;
        for (const InstalledCertificate& c : store_.certificates)
            if (login->accepts(c)) out.push_back(&c);
        return out;
    }
    // The serial the chooser highlights when it opens: the first listed, as Windows' does ("" none).
    template <class Login>
    std::string first_certificate(const Login* login) const {
        const std::vector<const InstalledCertificate*> listed = offered_by(login);
        return listed.empty() ? std::string() : listed.front()->serial;
    }
    // The chooser's OK (ChooseCertificate): the properties close and `login` takes the certificate.
    template <class Login>
    FlowResult choose_certificate(Login& login, const std::string& serial) {
        const InstalledCertificate* chosen = store_.find(serial);
        if (chosen == nullptr) return PcResult::NoSuchInstalledCertificate;
        properties_serial_.clear();
        return login.choose_certificate(*chosen);
    }
    // A RenewalCommand (apply_renewal_command: OpenRenewal inside the holder's window once logged
    // on, then the renewal's steps), applied as a submit of the holder's form.
    FlowResult apply_renewal(const RenewalCommand& command, bool logged_in, bool in_window,
                             const std::function<std::unique_ptr<CertificateRenewal>()>& make) {
        return this->outcome_of(FormEffect::Submit, [&] {
            return apply_renewal_command(renewal_, command, logged_in, in_window, make);
        });
    }
    // Whether a screen of `kind` (its row in the holder's table) is an OS dialog now.
    bool dialog_of(ScreenKind kind) const { return screen_is_dialog(kind, renewal_.get()); }

    Bank& bank_;
    PcServices pc_;
    PcCertificateStore& store_;
    std::unique_ptr<RenewalFlow> renewal_;
    std::string properties_serial_;
    SimTime previous_logon_ = 0;
};

}  // namespace cp
