#include "fields.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "format.h"
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

void append_char(char* buffer, std::size_t capacity, char c) {
    const std::size_t n = std::strlen(buffer);
    if (n + 1 < capacity) {
        buffer[n] = c;
        buffer[n + 1] = '\0';
    }
}

}  // namespace

void error_line(const char* message) { text_wrapped_sized(message, size::kSmall + 0.5f, color::kError, TextKind::Error); }

bool input_field(const char* id, char* buffer, std::size_t capacity, const FieldSpec& spec, Language language) {
    ImGui::PushID(id);
    if (!spec.hide_label) text_wrapped_sized(spec.label, size::kSmall + 1, color::kText);  // long English labels on a phone
    const bool masked = spec.secret && (spec.reveal == nullptr || !*spec.reveal);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll;
    if (masked) flags |= ImGuiInputTextFlags_Password;
    bool& converted = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("converted"), false);
    if (buffer[0] == '\0') converted = false;  // the note goes with what it was about
    CharFilter filter{spec.half_width, spec.digits, &converted};
    if (spec.half_width || spec.digits) flags |= ImGuiInputTextFlags_CallbackCharFilter;
    if (spec.error != InputError::None) ImGui::PushStyleColor(ImGuiCol_FrameBg, color::kErrorBg);
    const float field_w = std::min(spec.width, ImGui::GetContentRegionAvail().x);
    ImGui::SetNextItemWidth(field_w);
    const std::string name = std::string("##") + spec.label;
    const bool entered = ImGui::InputText(name.c_str(), buffer, capacity, flags,
                                          (flags & ImGuiInputTextFlags_CallbackCharFilter) != 0 ? filter_char : nullptr, &filter);
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
    ImGuiStorage* storage = ImGui::GetStateStorage();
    bool& random = *storage->GetBoolRef(ImGui::GetID("random"), false);
    bool& shift = *storage->GetBoolRef(ImGui::GetID("shift"), false);
    int& seed = *storage->GetIntRef(ImGui::GetID("seed"), 0);
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
    ImGui::PopID();
}

void result_message(BankResult result, std::uint32_t tries_left, Language language) {
    if (result == BankResult::Ok) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kErrorBg);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kError);
    begin_card("##result", ImVec2(-FLT_MIN, 0));
    text_wrapped_sized(text(result_text(result), language), size::kSmall + 1, color::kError, TextKind::Error);
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
