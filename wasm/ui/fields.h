// certportal ui: form fields of the bank's pages — a labelled text field (masked for secrets,
// with a show toggle), its rule and its error under it, the software keyboard (ソフトウェア
// キーボード入力), and the message box that explains the last result.
//
// Text fields edit a buffer of the flow's View in place (portal/text_field.h); the submit command
// carries the text (docs/architecture.md, "Where state lives"). The widget registry's
// name for a field is its label: the InputText is given "##" + label, which ImGui does not draw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bank/result.h"
#include "bank/validation.h"
#include "imgui.h"
#include "portal/text_field.h"
#include "text/catalogue.h"

namespace cp::ui {

struct FieldSpec {
    const char* label = "";        // shown above the field; also its name in the widget registry
    const char* rule = nullptr;    // the format, shown under the field (nullptr: none)
    InputError error = InputError::None;
    bool secret = false;           // masked unless *reveal
    bool* reveal = nullptr;        // secret fields: the 入力内容を表示 toggle (nullptr: no toggle)
    bool keyboard = false;         // offer ソフトウェアキーボード入力
    bool digits = false;           // digits only (card answers, one-time passwords)
    bool half_width = true;        // ASCII only (every field so far): full-width ASCII typed through an
                                   // IME is converted to half-width, and the field says so
    bool hide_label = false;       // the label is on screen elsewhere (a table's header): not drawn again
    float width = 260.0f;
};

// Returns true when Enter was pressed in the field (the screen submits).
bool input_field(const char* id, char* buffer, std::size_t capacity, const FieldSpec& spec, Language language);
template <std::size_t N>
bool input_field(const char* id, TextField<N>& field, const FieldSpec& spec, Language language) {
    return input_field(id, field.data(), field.capacity(), spec, language);
}

// A paste into the field ImGui edits now. The platform hands over the clipboard's whole text, its
// length with it (a NUL inside is seen), before it asks ImGui to paste (Ctrl+V) — and asks only on
// Accept. Left to itself, ImGui's InputText drops a paste that does not fit the field whole, after
// deleting the selection (a field whose text was selected is left empty), and a C string ends at
// a NUL. A refusal other than RefuseSecret is said under the field, whose content is unchanged,
// until that field or another one is edited.
enum class PasteVerdict : unsigned char {
    Accept,         // also when no field is edited (ImGui pastes nowhere)
    RefuseSecret,   // a PIN or password is typed, never pasted: the clipboard is not read (silent)
    RefuseTooLong,  // more than the field's buffer holds, counted as ImGui would insert it
    RefuseNul,      // a NUL inside
};
PasteVerdict offer_paste(std::string_view text);

// A contract secret (ご契約先暗証番号, ご契約先確認暗証番号): masked, its rule, the show toggle and the
// software keyboard. Returns true on Enter.
template <std::size_t N>
bool contract_secret_field(const char* id, TextField<N>& field, const char* label, InputError error, bool* reveal,
                           Language language) {
    FieldSpec spec;
    spec.label = label;
    spec.rule = text(TextId::ContractPinRule, language);
    spec.error = error;
    spec.secret = true;
    spec.reveal = reveal;
    spec.keyboard = true;
    return input_field(id, field, spec, language);
}

// The on-screen keyboard: each key appends to the field; 1文字削除 and クリア. Key order random
// when asked (a new order each time the option is switched on).
void software_keyboard(const char* id, char* buffer, std::size_t capacity, Language language);

// A red-bordered box with the catalogue text of `result` (nothing for Ok), plus the tries left
// before the lock when `tries_left` > 0.
void result_message(FlowResult result, std::uint32_t tries_left, Language language);
// An error line in the error colour.
void error_line(const char* message);

// A screen's title bar inside the bank page: the seeds' green bar, or for a page that says a
// procedure failed the theme's error colour (a failure never wears the success pages' green).
enum class TitleTone : unsigned char { Normal, Error };
void page_title(const char* title, TitleTone tone = TitleTone::Normal);
// A bank page's body: its title bar, then the full-width card under it (call end_card()).
void begin_bank_page(const char* id, const char* title, TitleTone tone = TitleTone::Normal);
void section_title(const char* title, TitleTone tone = TitleTone::Normal);

}  // namespace cp::ui
