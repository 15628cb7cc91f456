#include "widgets.h"

#include <algorithm>
#include <vector>

#include "format.h"
#include "imgui_internal.h"
#include "text/line_break.h"
#include "theme.h"
#include "widget_registry.h"

namespace cp::ui {
namespace {

float glyph_advance(char32_t c, void* baked_font) {
    auto* baked = static_cast<ImFontBaked*>(baked_font);
    const auto wc = c <= 0xFFFF ? static_cast<ImWchar>(c) : static_cast<ImWchar>(0xFFFD);
    return baked->GetCharAdvance(wc);
}

// A button's label broken into `lines`, each centred in `width`, from `top_left` down.
void draw_centred_lines(std::string_view text, const std::vector<LineSpan>& lines, ImVec2 top_left, float width, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = top_left.y;
    for (const LineSpan& line : lines) {
        const char* b = text.data() + line.begin;
        const char* e = text.data() + line.end;
        dl->AddText(ImVec2(top_left.x + (width - ImGui::CalcTextSize(b, e).x) * 0.5f, y), color, b, e);
        y += ImGui::GetTextLineHeight();
    }
}

}  // namespace

bool wide_button(const char* label, float height, bool available, const char* unavailable_reason) {
    ImGui::BeginDisabled(!available);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    // A label wider than the button (English on a phone) wraps instead of being cut off: the
    // button grows by the extra lines, ImGui's own one-line label is drawn transparent (the label
    // still names the item), and the lines are drawn over it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string_view shown(label, static_cast<std::size_t>(ImGui::FindRenderedTextEnd(label) - label));
    const std::vector<LineSpan> lines =
        break_lines(shown, ImGui::GetContentRegionAvail().x - 2 * style.FramePadding.x, glyph_advance, ImGui::GetFontBaked());
    const bool wraps = lines.size() > 1;
    const float lines_h = static_cast<float>(lines.size()) * ImGui::GetTextLineHeight() + 2 * style.FramePadding.y;
    // Never below the frame height: with touch padding (44 px targets) a shorter button would
    // push its label down against the bottom edge.
    const float button_h = std::max({height, ImGui::GetFrameHeight(), wraps ? lines_h : 0.0f});
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);  // white, dimmed when disabled
    if (wraps) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    const bool pressed = ImGui::Button(label, ImVec2(-FLT_MIN, button_h));
    if (wraps) {
        ImGui::PopStyleColor();
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        draw_centred_lines(shown, lines, ImVec2(min.x, (min.y + max.y - lines_h) * 0.5f + style.FramePadding.y), max.x - min.x, text_color);
    }
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    if (!available && unavailable_reason != nullptr) item_tooltip(unavailable_reason);
    return pressed && available;
}

void item_tooltip(const char* text) {
    ImGui::SetItemTooltip("%s", text);
    widget_registry_describe_last_disabled(text);
}

bool button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor();
    return pressed;
}

void begin_card(const char* id, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    ImGui::BeginChild(id, size, ImGuiChildFlags_Borders | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
}

void end_card() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void text_sized(const char* text, float size, ImU32 color, TextKind kind) {
    ImGui::PushFont(nullptr, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    widget_registry_note_text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), kind);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void cell_text(const char* text) { cell_text(text, color::kText); }
void cell_text(const char* text, ImU32 color) { text_sized(text, size::kSmall + 0.5f, color); }

void key_value_row(const char* key, const std::string& value, bool wrap) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (wrap) text_wrapped_sized(key, size::kDetail, color::kTextMuted);
    else text_sized(key, size::kDetail, color::kTextMuted);
    ImGui::TableNextColumn();
    if (wrap) text_wrapped_sized(value.c_str(), size::kDetail, color::kText);
    else labelled_text(value.c_str(), size::kDetail, color::kText);
}

float wrapped_text_min_width(const char* text, float size) {
    ImGui::PushFont(nullptr, size);
    const float w = widest_unbreakable(text, glyph_advance, ImGui::GetFontBaked());
    ImGui::PopFont();
    return w;
}

namespace {
// `kind` nullptr: drawn only (the caller reports the paragraph itself, as a link for instance).
void wrapped_text(const char* text, float size, ImU32 color, bool bold, const TextKind* kind) {
    ImGui::PushFont(nullptr, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    // Japanese line breaking (core/text/line_break.h) instead of ImGui's space-only wrapping. Each
    // line is its own item so that the gap between lines can be wider than the font's (Japanese
    // body text reads better with about 1.5 line height).
    // The group keeps continuation lines at the paragraph's x (after a bullet, for instance).
    const std::string_view all(text);
    const std::vector<LineSpan> lines = break_lines(all, ImGui::GetContentRegionAvail().x, glyph_advance, ImGui::GetFontBaked());
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, size * 0.3f));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i + 1 == lines.size()) ImGui::PopStyleVar();  // the paragraph ends with the normal spacing
        ImGui::TextUnformatted(all.data() + lines[i].begin, all.data() + lines[i].end);
        // The font has one weight: bold is the line drawn again a fraction of a pixel to the right.
        if (bold)
            ImGui::GetWindowDrawList()->AddText(ImVec2(ImGui::GetItemRectMin().x + 0.9f, ImGui::GetItemRectMin().y), color,
                                                all.data() + lines[i].begin, all.data() + lines[i].end);
    }
    ImGui::EndGroup();
    if (kind != nullptr) widget_registry_note_text(all, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), *kind);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}
}  // namespace

void text_wrapped_sized(const char* text, float size, ImU32 color, TextKind kind) { wrapped_text(text, size, color, false, &kind); }
void text_wrapped_bold(const char* text, float size, ImU32 color) {
    const TextKind plain = TextKind::Plain;
    wrapped_text(text, size, color, true, &plain);
}

}  // namespace cp::ui

#include "imgui_internal.h"

namespace cp::ui {

bool link_wrapped(const char* label, float size, ImU32 color, bool enabled, const char* disabled_reason) {
    // The paragraph is laid out as text (Japanese line breaking); the link is one item over all of
    // it, added without layout of its own (ItemAdd without ItemSize, as ImGui's title-bar buttons).
    wrapped_text(label, size, color, false, nullptr);
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(label);
    bool pressed = false;
    ImGui::BeginDisabled(!enabled);
    if (ImGui::ItemAdd(bb, id)) {
        bool hovered = false, held = false;
        pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
        ImGui::RenderNavCursor(bb, id);
        if (hovered && enabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO reads the context as `g`
        IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags);
        widget_registry_describe_last(WidgetRole::Link);
    }
    ImGui::EndDisabled();
    if (!enabled && disabled_reason != nullptr) item_tooltip(disabled_reason);
    return pressed;
}

void labelled_text(const char* text, float size, ImU32 color) {
    ImGui::PushFont(nullptr, size);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(text);
    const ImVec2 text_size = ImGui::CalcTextSize(text);
    const ImRect bb(window->DC.CursorPos, ImVec2(window->DC.CursorPos.x + text_size.x, window->DC.CursorPos.y + text_size.y));
    ImGui::ItemSize(text_size);
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    const bool visible = ImGui::ItemAdd(bb, id);
    ImGui::PopItemFlag();
    if (visible) {
        window->DrawList->AddText(bb.Min, color, text);
        ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO reads the context as `g`
        IMGUI_TEST_ENGINE_ITEM_INFO(id, text, 0);
        widget_registry_describe_last(WidgetRole::Text);
    }
    ImGui::PopFont();
}

// Radios and checkboxes take their size from the frame padding: the theme's (14, 9) is for buttons
// and fields and would make them huge.
constexpr ImVec2 kToggleFramePadding(4, 4);

bool checkbox(const char* label, bool* value) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_padding(kToggleFramePadding));
    const bool changed = ImGui::Checkbox(label, value);
    ImGui::PopStyleVar();
    return changed;
}

bool radio_button(const char* label, bool active) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_padding(kToggleFramePadding));
    const bool pressed = ImGui::RadioButton(label, active);
    ImGui::PopStyleVar();
    ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO reads the context as `g`
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label,
                                g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable | (active ? ImGuiItemStatusFlags_Checked : 0));
    widget_registry_describe_last(WidgetRole::Radio);
    return pressed;
}

bool wrapping_button(const char* label, ImU32 background, ImU32 text_color) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string_view all(label);
    const std::vector<LineSpan> lines =
        break_lines(all, width - 2 * style.FramePadding.x, glyph_advance, ImGui::GetFontBaked());
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec2 size(width, static_cast<float>(lines.size()) * line_h + 2 * style.FramePadding.y);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    const ImGuiID id = window->GetID(label);
    ImGui::ItemSize(size, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
    ImU32 bg = background;
    if (held || hovered) bg = ImGui::GetColorU32(held ? ImGuiCol_ButtonActive : ImGuiCol_ButtonHovered);
    window->DrawList->AddRectFilled(bb.Min, bb.Max, bg, style.FrameRounding);
    ImGui::RenderNavCursor(bb, id);
    draw_centred_lines(all, lines, ImVec2(pos.x, pos.y + style.FramePadding.y), size.x, hovered || held ? IM_COL32_WHITE : text_color);
    ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO reads the context as `g`
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags);
    return pressed;
}

}  // namespace cp::ui

namespace cp::ui {

void name_close_button(const char* name) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID("#CLOSE");  // the id Begin() gave the title bar's close button
    ImGuiContext& g = *GImGui;  // IMGUI_TEST_ENGINE_ITEM_INFO reads the context as `g`
    IMGUI_TEST_ENGINE_ITEM_INFO(id, name, 0);
}

bool copy_button(const char* what, const std::string& value, Language language) {
    const char* copied = text(TextId::Copied, language);
    ImGui::PushID(value.c_str());
    bool& shown = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("copied"), false);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);  // on the brand colour, as button() draws
    const bool pressed = ImGui::SmallButton(text(TextId::Copy, language));
    ImGui::PopStyleColor();
    if (pressed) {
        ImGui::SetClipboardText(value.c_str());
        shown = true;
    }
    item_tooltip(formatf(text(TextId::CopyTooltipFormat, language), what).c_str());
    // Said while the pointer stays on it, or the keyboard's focus (a click also focuses the item,
    // without the focus ring: that alone does not keep it).
    const bool keyboard_focus = ImGui::IsItemFocused() && GImGui->NavCursorVisible;
    if (!ImGui::IsItemHovered() && !keyboard_focus && !pressed) shown = false;
    if (shown) {
        // A bubble above the button, drawn over the page rather than laid out: a message laid out
        // beside the button would move the button from under the pointer (and so hide itself).
        ImGui::PushFont(nullptr, size::kSmall);
        const ImVec2 text_size = ImGui::CalcTextSize(copied);
        const ImVec2 pad(6, 3);
        const ImVec2 view = ImGui::GetMainViewport()->Size;
        ImVec2 at(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y - text_size.y - 2 * pad.y - 4);
        at.x = std::max(pad.x, std::min(at.x, view.x - text_size.x - 2 * pad.x));
        at.y = std::max(pad.y, at.y);
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddRectFilled(ImVec2(at.x - pad.x, at.y - pad.y), ImVec2(at.x + text_size.x + pad.x, at.y + text_size.y + pad.y),
                          color::kText, 4.0f);
        dl->AddText(at, IM_COL32_WHITE, copied);
        widget_registry_note_text(copied, at, ImVec2(at.x + text_size.x, at.y + text_size.y), TextKind::Status);
        ImGui::PopFont();
    }
    ImGui::PopID();
    return pressed;
}

bool menu_item(const char* label) {
    const bool chosen = ImGui::Selectable(label, false, ImGuiSelectableFlags_None, ImVec2(0, selectable_height()));
    widget_registry_describe_last(WidgetRole::Button);
    return chosen;
}

bool begin_menu_popup(const char* id) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 6));
    const bool open = ImGui::BeginPopup(id);
    ImGui::PopStyleVar();
    return open;
}

namespace {
bool g_touch_targets = false;  // per frame, like ImGui's own style: set before any widget
}  // namespace

void set_touch_targets(bool on) { g_touch_targets = on; }
bool touch_targets() { return g_touch_targets; }

ImVec2 frame_padding(ImVec2 padding) {
    if (!g_touch_targets) return padding;
    return ImVec2(padding.x, std::max(padding.y, (size::kKioskTarget - ImGui::GetFontSize()) * 0.5f));
}

// The full target, not less the item spacing: a popup has no window padding (theme), so the part
// of the hit box that reaches into the spacing would fall outside it.
float selectable_height() { return g_touch_targets ? size::kKioskTarget : 0.0f; }

}  // namespace cp::ui
