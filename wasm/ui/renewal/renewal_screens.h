// certportal ui: 証明書更新's screens (seed 000 (6)-(12)), one set for the administrator's renewal
// and a user's own (seed 000 A3) — both run a RenewalFlow (portal/flows/renewal_flow.h):
//   renewal_page.cpp     the bank's pages: 電子証明書の更新 with 更新 (under the OS dialogs),
//                        電子証明書発行処理中, 電子証明書のインストールが完了しました, the stop after
//                        いいえ / キャンセル
//   renewal_dialogs.cpp  the OS dialogs: the web access confirmation (before issuing and before
//                        installing), the protected item and its セキュリティレベルの設定
// What differs between the holders is a few sentences, chosen by whose certificate it renews
// (CertificateRenewal::holder()).
#pragma once

#include "portal/bank_view.h"
#include "portal/flows/renewal_flow.h"
#include "screen.h"

namespace cp::ui {

// The page of the renewal's current screen (its dialogs' page underneath); `bank` gives the
// expiry of the certificate being renewed.
void draw_renewal_page(const Ui& ui, RenewalFlow& flow, const BankView& bank);
// The OS dialog of the current screen, if any (drawn over the desk, after it; RenewalFlow::
// dialog_open() says whether there is one).
void draw_renewal_dialog(const Ui& ui, RenewalFlow& flow);

}  // namespace cp::ui
