// certportal ui: the OS dialogs of a certificate operation a web site starts on the PC (renewal,
// pickup in IE mode) — seed 000 (8), (9), (11):
//   web_access_dialog        「この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。」 はい / いいえ
//   protected_item_dialog    「アプリケーションは保護されたアイテムを作成しています。」 with the
//                            セキュリティレベル and セキュリティレベルの設定...; OK / キャンセル
//   security_level_dialog    セキュリティレベルの選択: 高 (a password typed twice) / 中 / 低; OK / キャンセル
// They return what the person chose; the calling screen turns it into its flow's command.
#pragma once

#include "bank/certificate_authority.h"
#include "bank/validation.h"
#include "portal/text_field.h"
#include "text/catalogue.h"

namespace cp::ui {

enum class YesNo { None, Yes, No };
// `site`: the host asking (the address bar's).
// escape_answers_no: false where いいえ cannot be taken back (the user's pickup in IE mode loses the
// pickup), so only a deliberate click says it.
// `step`: which of the same prompts this is (「確認 2/2：…」), shown under the question and announced
// (polite live region): the prompts look alike, and a person who cannot see the screen hears that
// the はい before was taken. nullptr: a prompt asked once.
YesNo web_access_dialog(const char* site, Language language, bool escape_answers_no = true, const char* step = nullptr);

enum class ProtectedItemChoice { None, Ok, Cancel, Settings };
ProtectedItemChoice protected_item_dialog(KeyProtection level, Language language);

struct SecurityLevelView {
    KeyProtection choice = KeyProtection::Medium;  // the radio that is on
    PinField* password = nullptr;                  // 高: typed twice
    PinField* password_again = nullptr;
    InputError password_error = InputError::None;
    InputError password_again_error = InputError::None;
};
struct SecurityLevelChoice {
    enum class Kind { None, Choose, Ok, Cancel } kind = Kind::None;
    KeyProtection level = KeyProtection::Medium;  // Choose
};
SecurityLevelChoice security_level_dialog(const SecurityLevelView& view, Language language);

// The catalogue word of a protection level (低 / 中 / 高).
TextId protection_level_text(KeyProtection level);

}  // namespace cp::ui
