// certportal ui: the OS dialogs of a certificate login, shared by every login that uses a client
// certificate — 証明書の選択 (with 証明書のプロパティ), the private key's access prompt
// (保護レベル 中: 許可 / 拒否; 高: the key's password) and the wait while the PC unseals the key.
// They return what the person chose; the calling screen turns it into its flow's command.
#pragma once

#include <string>
#include <vector>

#include "bank/result.h"
#include "bank/validation.h"
#include "pc/pc_certificate_store.h"
#include "portal/text_field.h"
#include "text/catalogue.h"

namespace cp::ui {

struct ChooserChoice {
    enum class Kind { None, Ok, Cancel, Properties, CloseProperties } kind = Kind::None;
    std::string serial;  // Ok, Properties
};
struct ChooserView {
    // The certificates the server's CertificateRequest accepts (the flow's chooser_certificates()).
    std::vector<const InstalledCertificate*> certificates;
    std::string* highlighted = nullptr;        // the clicked row (the flow's form)
    const std::string* properties = nullptr;   // serial whose properties are open ("" none)
    const char* issuer = "";                   // the CA's name (brand)
    const char* hint = nullptr;                // the seed's hint under the list (nullptr: none)
    const char* site = "";                     // the site asking (address bar host)
};
ChooserChoice certificate_chooser(const ChooserView& view, Language language);

enum class KeyAccessChoice { None, Allow, Deny };
// `key_name`: the certificate's display name. needs_password: 高 (a password field and OK /
// キャンセル) instead of 中 (許可 / 拒否).
KeyAccessChoice key_access_dialog(const std::string& key_name, bool needs_password, PinField& password,
                                  InputError password_error, FlowResult last_result, Language language);
void key_unlocking_dialog(Language language);

}  // namespace cp::ui
