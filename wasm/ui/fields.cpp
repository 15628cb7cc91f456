#include "fields.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "format.h"
#include "imgui_internal.h"
#include "text/half_width.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

// What a field lets through as it is typed: full-width ASCII (an IME left in its usual mode)
// becomes half-width, noted in *converted so that the field can say so; a digits field then drops
// anything but 0-9.
struct CharFilter {
    bool half_width = false;
    bool digits = false;
    bool* converted = nullptr;
};

int filter_char(ImGuiInputTextCallbackData* data) {
    const CharFilter& filter = *static_cast<const CharFilter*>(data->UserData);
    if (filter.half_width && is_full_width_ascii(data->EventChar)) {
        data->EventChar = static_cast<ImWchar>(to_half_width(data->EventChar));
        *filter.converted = true;
    }
    if (filter.digits && !(data->EventChar >= '0' && data->EventChar <= '9')) return 1;
    return 0;
}

// A paste is decided between frames, for the field ImGui edits (its ID is the InputText's): what
// the field lets through and a refusal to say are kept in that window's storage, under keys seeded
// with the InputText's ID.
ImGuiID paste_key(const char* what, ImGuiID input_id) { return ImGui::GetIDWithSeed(what, nullptr, input_id); }
constexpr int kPasteRulesHalfWidth = 1, kPasteRulesDigits = 2;

// The bytes ImGui's InputText inserts for a paste into a single-line field: ImTextCharFromUtf8
// decodes it (U+FFFD for what ImWchar cannot hold or is not UTF-8), InputTextFilterCharacter turns
// '\n' into a space and drops the other control characters, then the field's own filter_char.
int pasted_bytes(std::string_view text, CharFilter filter) {
    bool converted = false;
    filter.converted = &converted;
    int bytes = 0;
    const char* const end = text.data() + text.size();
    for (const char* s = text.data(); s < end;) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        if (n <= 0) break;
        s += n;
        if (c < 0x20) {
            if (c != '\n') continue;
            c = ' ';
        }
        if (filter.half_width || filter.digits) {
            ImGuiInputTextCallbackData data;
            data.EventChar = static_cast<ImWchar>(c);
            data.UserData = &filter;
            if (filter_char(&data) != 0 || data.EventChar == 0) continue;
            c = data.EventChar;
        }
        char utf8[5];
        bytes += ImTextCharToUtf8(utf8, c);
    }
    return bytes;
}

// Called by input_field after its InputText: notes what the field lets through while it is edited,
// and returns the refused paste to say under it. A refusal is said until the next edit of this
// field or of another one, and not when the page is shown again later.
PasteVerdict paste_refusal(ImGuiID input_id, const FieldSpec& spec) {
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    if (ImGui::IsItemActive())
        storage.SetInt(paste_key("paste_rules", input_id),
                       (spec.half_width ? kPasteRulesHalfWidth : 0) | (spec.digits ? kPasteRulesDigits : 0));
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID refused_key = paste_key("paste_refused", input_id), drawn_key = paste_key("paste_drawn", input_id);
    const int drawn = storage.GetInt(drawn_key, -1);
    storage.SetInt(drawn_key, g.FrameCount);
    if (ImGui::IsItemEdited() || (g.ActiveId != 0 && g.ActiveId != input_id && g.ActiveIdHasBeenEditedBefore) ||
        (drawn != g.FrameCount - 1 && drawn != g.FrameCount)) {
        storage.SetInt(refused_key, static_cast<int>(PasteVerdict::Accept));
        return PasteVerdict::Accept;
    }
    return static_cast<PasteVerdict>(storage.GetInt(refused_key, static_cast<int>(PasteVerdict::Accept)));
}

TextId paste_refusal_text(PasteVerdict verdict) {
    return verdict == PasteVerdict::RefuseNul ? TextId::PasteRefusedNul : TextId::PasteRefusedTooLong;
}

void append_char(char* buffer, std::size_t capacity, char c) {
    const std::size_t n = std::strlen(buffer);
    if (n + 1 < capacity) {
        buffer[n] = c;
        buffer[n + 1] = '\0';
    }
}

}  // namespace

PasteVerdict offer_paste(std::string_view text) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiInputTextState* field = g.ActiveId != 0 ? ImGui::GetInputTextState(g.ActiveId) : nullptr;
    if (field == nullptr || g.ActiveIdWindow == nullptr) return PasteVerdict::Accept;
    // The existing rule: ImGui never lets a masked field be copied or cut, and the portal never pastes into one.
    if ((field->Flags & ImGuiInputTextFlags_Password) != 0) return PasteVerdict::RefuseSecret;
    ImGuiStorage& storage = g.ActiveIdWindow->StateStorage;
    PasteVerdict verdict = PasteVerdict::Accept;
    if (text.find('\0') != std::string_view::npos) {
        verdict = PasteVerdict::RefuseNul;
    } else {
        const int rules = storage.GetInt(paste_key("paste_rules", g.ActiveId), 0);
        const CharFilter filter{(rules & kPasteRulesHalfWidth) != 0, (rules & kPasteRulesDigits) != 0, nullptr};
        // ImGui deletes the selection, then inserts the whole paste or nothing.
        const int a = std::clamp(field->GetSelectionStart(), 0, field->TextLen);
        const int b = std::clamp(field->GetSelectionEnd(), 0, field->TextLen);
        const int room = field->BufCapacity - 1 - (field->TextLen - std::abs(b - a));
        if (pasted_bytes(text, filter) > room) verdict = PasteVerdict::RefuseTooLong;
    }
    storage.SetInt(paste_key("paste_refused", g.ActiveId), static_cast<int>(verdict));
    return verdict;
}

void error_line(const char* message) { text_wrapped_sized(message, size::kSmall + 0.5f, color::kError, TextKind::Error); }

bool input_field(const char* id, char* buffer, std::size_t capacity, const FieldSpec& spec, Language language) {
    ImGui::PushID(id);
    if (!spec.hide_label) text_wrapped_sized(spec.label, size::kDetail, color::kText);  // long English labels on a phone
    const bool masked = spec.secret && (spec.reveal == nullptr || !*spec.reveal);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll;
    if (masked) flags |= ImGuiInputTextFlags_Password;
    // (A copy, written back: a reference into the storage would move when another key is inserted.)
    const ImGuiID converted_id = ImGui::GetID("converted");
    bool converted = ImGui::GetStateStorage()->GetBool(converted_id, false) && buffer[0] != '\0';  // the note goes with what it was about
    CharFilter filter{spec.half_width, spec.digits, &converted};
    if (spec.half_width || spec.digits) flags |= ImGuiInputTextFlags_CallbackCharFilter;
    if (spec.error != InputError::None) ImGui::PushStyleColor(ImGuiCol_FrameBg, color::kErrorBg);
    const float field_w = std::min(spec.width, ImGui::GetContentRegionAvail().x);
    ImGui::SetNextItemWidth(field_w);
    const std::string name = std::string("##") + spec.label;
    const bool entered = ImGui::InputText(name.c_str(), buffer, capacity, flags,
                                          (flags & ImGuiInputTextFlags_CallbackCharFilter) != 0 ? filter_char : nullptr, &filter);
    ImGui::GetStateStorage()->SetBool(converted_id, converted);
    const PasteVerdict refused = paste_refusal(ImGui::GetItemID(), spec);
    // A secret is a password to the mirror even while shown (its value never leaves the canvas).
    widget_registry_describe_last(spec.secret ? WidgetRole::Password : WidgetRole::TextField, spec.secret ? "" : buffer);
    if (spec.error != InputError::None) ImGui::PopStyleColor();
    if (spec.reveal != nullptr) {
        // Beside the field when it fits, under it otherwise (phones).
        const char* show = text(TextId::ShowSecret, language);
        const float toggle_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(show).x;
        if (field_w + ImGui::GetStyle().ItemSpacing.x + toggle_w <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();
        checkbox(show, spec.reveal);
    }
    if (spec.rule != nullptr) text_wrapped_sized(spec.rule, size::kSmall, color::kTextMuted);
    if (converted) text_wrapped_sized(text(TextId::ConvertedToHalfWidth, language), size::kSmall, color::kTextMuted, TextKind::Status);
    if (spec.error != InputError::None) error_line(text(input_error_text(spec.error), language));
    if (refused == PasteVerdict::RefuseTooLong || refused == PasteVerdict::RefuseNul)
        error_line(formatf(text(paste_refusal_text(refused), language), static_cast<unsigned>(capacity - 1)).c_str());
    if (spec.keyboard) {
        bool& open = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("keyboard_open"), false);
        checkbox(text(TextId::SoftwareKeyboard, language), &open);
        if (open) software_keyboard("keyboard", buffer, capacity, language);
    }
    ImGui::PopID();
    return entered;
}

void software_keyboard(const char* id, char* buffer, std::size_t capacity, Language language) {
    static const char* const kRows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "().-/{},#<>*%@+;=?_"};
    ImGui::PushID(id);
    // Copies, written back at the end: a reference into the storage moves when a key is inserted
    // (the first frame inserts all three).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID random_id = ImGui::GetID("random"), shift_id = ImGui::GetID("shift"), seed_id = ImGui::GetID("seed");
    bool random = storage->GetBool(random_id, false);
    bool shift = storage->GetBool(shift_id, false);
    int seed = storage->GetInt(seed_id, 0);
    if (checkbox(text(TextId::SoftwareKeyboardRandom, language), &random) && random)
        seed = static_cast<int>(static_cast<unsigned>(ImGui::GetFrameCount()) * 2654435761u >> 8);  // a new order each time
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_padding(ImVec2(0, 8)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, 4));
    const float key = std::max(30.0f, std::min(40.0f, (ImGui::GetContentRegionAvail().x - 4 * 18) / 19));
    int row_index = 0;
    for (const char* row : kRows) {
        std::string keys(row);
        if (random) {  // a small deterministic shuffle per row (layout only: not a secret)
            unsigned s = static_cast<unsigned>(seed) + 977u * static_cast<unsigned>(row_index);
            for (std::size_t i = keys.size(); i > 1; --i) {
                s = s * 1103515245u + 12345u;
                std::swap(keys[i - 1], keys[(s >> 16) % i]);
            }
        }
        float x = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            char c = keys[i];
            if (shift && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            const char label[2] = {c, '\0'};
            if (i > 0 && x + key > ImGui::GetContentRegionAvail().x) x = 0;
            else if (i > 0) ImGui::SameLine();
            ImGui::PushID(row_index * 64 + static_cast<int>(i));
            ImGui::PushStyleColor(ImGuiCol_Button, color::kKey);
            ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
            if (ImGui::Button(label, ImVec2(key, 0))) append_char(buffer, capacity, c);
            ImGui::PopStyleColor(2);
            ImGui::PopID();
            x += key + 4;
        }
        ++row_index;
    }
    ImGui::PopStyleVar(2);
    if (button(text(TextId::KeyboardShift, language))) shift = !shift;
    ImGui::SameLine();
    if (button(text(TextId::KeyboardBackspace, language))) {
        const std::size_t n = std::strlen(buffer);
        if (n > 0) buffer[n - 1] = '\0';
    }
    ImGui::SameLine();
    if (button(text(TextId::Clear, language))) std::memset(buffer, 0, capacity);
    storage = ImGui::GetStateStorage();
    storage->SetBool(random_id, random);
    storage->SetBool(shift_id, shift);
    storage->SetInt(seed_id, seed);
    ImGui::PopID();
}

void result_message(FlowResult result, std::uint32_t tries_left, Language language) {
    if (result == FlowResult::Ok) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kErrorBg);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kError);
    begin_card("##result", ImVec2(-FLT_MIN, 0));
    text_wrapped_sized(text(result_text(result), language), size::kDetail, color::kError, TextKind::Error);
    // Part of the error: announced with it (the mirror announces every error shown, whole).
    if (tries_left > 0)
        text_wrapped_sized(formatf(text(TextId::TriesLeftFormat, language), tries_left).c_str(), size::kSmall + 0.5f, color::kText, TextKind::Error);
    end_card();
    ImGui::PopStyleColor(2);
}

namespace {
ImU32 title_bar_color(TitleTone tone) { return tone == TitleTone::Error ? color::kError : color::kTitleBar; }
}  // namespace

void page_title(const char* title, TitleTone tone) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = size::kHeading + 18;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), title_bar_color(tone), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 9));
    text_sized(title, size::kHeading, IM_COL32_WHITE, TextKind::Heading);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 10));
    ImGui::Dummy(ImVec2(0, 0));
}

void begin_bank_page(const char* id, const char* title, TitleTone tone) {
    page_title(title, tone);
    begin_card(id, ImVec2(-FLT_MIN, 0));
}

void section_title(const char* title, TitleTone tone) {
    ImGui::Dummy(ImVec2(0, 2));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // Wrapped (a long English title on a phone), with the bar as tall as the title.
    ImGui::Indent(12);
    text_wrapped_sized(title, size::kSmall + 2.5f, color::kText, TextKind::Heading);
    ImGui::Unindent(12);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 4, ImGui::GetItemRectMax().y), title_bar_color(tone));
}

}  // namespace cp::ui
