// certportal ui: the browser's certificate manager (seed 000 (13)-(15)) as OS dialogs, one at a
// time over the desk: インターネット オプション (tabs; コンテンツ → 証明書(C)), 証明書 (tabs 個人 /
// ほかの人 / 中間証明機関 / 信頼されたルート証明機関; 発行先, 発行者, 有効期限, フレンドリ名; 表示, 削除,
// エクスポート disabled), and from it 証明書の詳細 and 「証明書を削除しますか？」
// (certificate_manager_details.cpp). The model is portal/flows/certificate_manager_flow.h.
#pragma once

#include "portal/flows/certificate_manager_flow.h"
#include "screen.h"

namespace cp::ui {

void draw_certificate_manager(const Ui& ui, const CertificateManagerFlow& flow);
// Parts (certificate_manager_details.cpp).
void draw_certificate_details(const Ui& ui, const CertificateDetails& details);
void draw_certificate_delete_confirmation(const Ui& ui, const CertificateManagerFlow& flow);

}  // namespace cp::ui
