// The guide: the seed's numbered steps for the running scenario (demo/guide.h), in the bank's
// words; the step the person is at is marked, the ones before it muted. "Show me" outlines, on
// top of everything, the widget the current step clicks, found by its label in the last frame's
// widget registry — the same way a test or a screen reader finds it.
#include <string>

#include "console/console.h"
#include "demo/guide.h"
#include "format.h"
#include "imgui.h"
#include "theme.h"
#include "widget_registry.h"
#include "widgets.h"

namespace cp::ui {
namespace {

// The desk's widget labelled `label` (the seed's 「+ 変更・登録抹消…」 carries a "+ " before it),
// not the console's own.
const WidgetInfo* find_target(const std::string& label) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float desk_right = vp->WorkPos.x + vp->WorkSize.x;
    for (const std::string& l : {label, "+ " + label})
        for (const WidgetInfo& w : widget_registry_widgets())
            if (w.label == l && w.min.x < desk_right && !w.disabled) return &w;
    return nullptr;
}

void outline(const WidgetInfo& w) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRect(ImVec2(w.min.x - 4, w.min.y - 4), ImVec2(w.max.x + 4, w.max.y + 4), color::kAccent, 6.0f, 0, 3.0f);
}

}  // namespace

void draw_console_guide(const Ui& ui, const DemoConsole& c) {
    const SeedProcedure procedure = running_scenario(ui.session.bank_view()->audit()).procedure;
    const std::span<const GuideStep> steps = guide_steps(procedure);
    if (steps.empty()) {
        text_wrapped_sized(ui.t(TextId::GuideNone), size::kSmall, color::kTextMuted);
        return;
    }
    const GuidePosition at = guide_position(procedure, ui.session);
    text_wrapped_sized(ui.t(guide_title(procedure)), size::kDetail, color::kBrand);
    if (!at.done) {  // the step's own number as the seed writes it: "(4)", "(14)(15)"
        const std::string step = ui.t(steps[at.step].text);
        const std::string number = step.substr(0, step.find(' '));
        text_sized(formatf(ui.t(TextId::GuideNow), number.c_str()).c_str(), size::kDetail, color::kAccent);
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const bool current = i == at.step && !at.done;
        const bool past = i < at.step || at.done;
        text_wrapped_sized(ui.t(steps[i].text), current ? size::kDetail : size::kSmall,
                           past ? color::kTextMuted : color::kText);
        if (current) {  // the step the person is at: a bar in the accent colour beside it
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x - 9, a.y), ImVec2(a.x - 5, b.y), color::kAccent, 2.0f);
        }
    }
    if (at.done) {
        text_wrapped_sized(ui.t(TextId::GuideDone), size::kDetail, color::kTitleBar);
        return;
    }
    if (button(ui.t(c.show_me() ? TextId::GuideHideMe : TextId::GuideShowMe))) ui.emit_console(console::ToggleShowMe{});
    if (!c.show_me()) return;
    const WidgetInfo* w = at.target != TextId::Count_ ? find_target(ui.t(at.target)) : nullptr;
    if (w != nullptr) outline(*w);
    else text_wrapped_sized(ui.t(TextId::GuideNothingToShow), size::kSmall, color::kTextMuted);
}

}  // namespace cp::ui
