// 電子証明書発行処理中 (seed 000 (10)): one bar over the four stages of the PC's and the CA's real work
// (pc/certificate_enrollment.h), the current one named — shared by the renewal and the pickup.
#include <algorithm>
#include <iterator>

#include "admin/admin_screens.h"
#include "fields.h"
#include "format.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

void draw_enrollment_progress(const Ui& ui, EnrollmentStage stage, bool finished) {
    static constexpr TextId kStages[] = {TextId::EnrollStageKey, TextId::EnrollStageRequest, TextId::EnrollStageProtect,
                                         TextId::EnrollStageIssue};
    const std::size_t count = std::size(kStages);
    const std::size_t done = finished ? count : std::min(static_cast<std::size_t>(stage), count);
    section_title(ui.t(TextId::IssuingTitle));
    text_wrapped_sized(ui.t(TextId::IssuingWait), size::kDetail, color::kText);
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, color::kBrand);
    ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(count), ImVec2(-FLT_MIN, 0), "");
    ImGui::PopStyleColor();
    // The count and the stage at work: the progress a screen reader announces (politely) as it moves.
    text_wrapped_sized(formatf(ui.t(TextId::IssuingProgressFormat), static_cast<unsigned>(done), static_cast<unsigned>(count),
                               ui.t(kStages[std::min(done, count - 1)])).c_str(),
                       size::kSmall, color::kTextMuted, TextKind::Status);
    for (std::size_t i = 0; i < count; ++i) {
        const ImU32 c = i < done ? color::kTitleBar : i == done ? color::kText : color::kTextMuted;
        const std::string line = (i < done ? "+ " : i == done ? "> " : "  ") + std::string(ui.t(kStages[i]));
        if (i == done) text_wrapped_bold(line.c_str(), size::kDetail, c);
        else text_wrapped_sized(line.c_str(), size::kDetail, c);
    }
}

}  // namespace cp::ui
