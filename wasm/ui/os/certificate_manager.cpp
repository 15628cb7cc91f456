// インターネット オプション and 証明書 (seed 000 (13)-(15)); see certificate_manager.h.
#include "os/certificate_manager.h"

#include "format.h"
#include "imgui.h"
#include "os/os_dialog.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

// A tab of a Windows property sheet: the current one white, the others grey; unavailable ones
// disabled with the reason.
bool sheet_tab(const char* label, bool current, bool available, const char* why) {
    ImGui::PushStyleColor(ImGuiCol_Button, current ? color::kOsTitle : color::kOsDialog);
    ImGui::PushStyleColor(ImGuiCol_Text, current ? color::kOsAccent : color::kText);
    ImGui::PushStyleColor(ImGuiCol_Border, current ? color::kOsAccent : IM_COL32(0xAD, 0xAD, 0xAD, 0xFF));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, current ? 2.0f : 1.0f);
    ImGui::BeginDisabled(!available);
    const bool pressed = ImGui::Button(label);
    widget_registry_describe_last(WidgetRole::Tab, {}, current);
    ImGui::EndDisabled();
    if (!available && why != nullptr) item_tooltip(why);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    return pressed && available && !current;
}

// Tabs sit side by side, two pixels apart, and wrap to another row when the dialog is narrow.
void same_line_tab(const char* label) {
    const float width = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
    if (ImGui::GetItemRectMax().x + 2 + width <= right_edge) ImGui::SameLine(0, 2);
}

// A dialog button that is visible but outside the procedure: disabled, with the reason.
void unavailable_button(const char* label, const char* why, float width = 120.0f) {
    ImGui::BeginDisabled();
    os_button(label, false, width);
    ImGui::EndDisabled();
    item_tooltip(why);
}

void draw_internet_options(const Ui& ui, const CertificateManagerFlow& flow) {
    const Language l = ui.lang();
    begin_os_dialog(text(TextId::InternetOptionsTitle, l), 540.0f);
    const char* outside = text(TextId::OptionsTabOutsideSim, l);
    const bool content = flow.content_tab();
    sheet_tab(text(TextId::OptionsTabGeneral, l), !content, false, outside);  // the procedure starts at コンテンツ
    for (TextId id : {TextId::OptionsTabSecurity, TextId::OptionsTabPrivacy}) {
        same_line_tab(text(id, l));
        sheet_tab(text(id, l), false, false, outside);
    }
    same_line_tab(text(TextId::OptionsTabContent, l));
    if (sheet_tab(text(TextId::OptionsTabContent, l), content, true, nullptr)) ui.emit(cmd::ShowContentTab{});
    same_line_tab(text(TextId::OptionsTabConnections, l));
    sheet_tab(text(TextId::OptionsTabConnections, l), false, false, outside);
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, 4));
    if (content) {
        os_text(text(TextId::OptionsCertificatesGroup, l));
        os_text_wrapped(text(TextId::OptionsCertificatesHint, l));
        ImGui::Dummy(ImVec2(0, 2));
        const char* not_procedure = text(TextId::OptionsOutsideSim, l);
        unavailable_button(text(TextId::OptionsClearSsl, l), not_procedure, 180.0f);
        os_same_line_if_fits(120.0f);
        if (os_button(text(TextId::OptionsCertificates, l), false, 120.0f)) ui.emit(cmd::OpenCertificateList{});
        os_same_line_if_fits(120.0f);
        unavailable_button(text(TextId::OptionsPublishers, l), not_procedure);
    } else {
        os_text_wrapped(outside);
    }
    ImGui::Dummy(ImVec2(0, 8));
    os_buttons_right(2);
    if (os_button(text(TextId::OsOk, l), true)) ui.emit(cmd::CloseInternetOptions{});
    ImGui::SameLine();
    if (os_button(text(TextId::OsCancel, l))) ui.emit(cmd::CloseInternetOptions{});
    if (os_dialog_key(ImGuiKey_Escape)) ui.emit(cmd::CloseInternetOptions{});
    end_os_dialog();
}

void draw_list(const Ui& ui, const CertificateManagerFlow& flow) {
    const Language l = ui.lang();
    begin_os_dialog(text(TextId::CertListTitle, l), 720.0f);
    os_text(text(TextId::CertListPurpose, l));
    ImGui::Dummy(ImVec2(0, 2));
    const struct {
        CertificateStoreTab tab;
        TextId label;
    } kTabs[] = {{CertificateStoreTab::Personal, TextId::CertTabPersonal},
                 {CertificateStoreTab::OtherPeople, TextId::CertTabOthers},
                 {CertificateStoreTab::Intermediate, TextId::CertTabIntermediate},
                 {CertificateStoreTab::TrustedRoot, TextId::CertTabRoot}};
    for (std::size_t i = 0; i < std::size(kTabs); ++i) {
        if (i > 0) same_line_tab(text(kTabs[i].label, l));
        if (sheet_tab(text(kTabs[i].label, l), flow.tab() == kTabs[i].tab, true, nullptr)) ui.emit(cmd::SelectStoreTab{kTabs[i].tab});
    }
    const std::vector<CertificateRow> rows = flow.rows(flow.tab());
    // On a narrow screen (a phone) the columns keep their content's width and the list scrolls
    // sideways; 有効期限 comes second there, so the date the seed asks to check stays in view.
    const bool narrow = ImGui::GetContentRegionAvail().x < size::kCertificateListMinWidth;
    struct Column {
        TextId name;
        float weight;
        int cell;  // index into the row's cells
    };
    static constexpr Column kWide[] = {{TextId::CertColIssuedTo, 1.3f, 0}, {TextId::CertColIssuedBy, 1.5f, 1},
                                       {TextId::CertColExpiry, 1.0f, 2}, {TextId::CertColFriendlyName, 0.8f, 3}};
    static constexpr Column kNarrow[] = {{TextId::CertColIssuedTo, 0, 0}, {TextId::CertColExpiry, 0, 2},
                                         {TextId::CertColIssuedBy, 0, 1}, {TextId::CertColFriendlyName, 0, 3}};
    const Column* columns = narrow ? kNarrow : kWide;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  (narrow ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp);
    if (ImGui::BeginTable("##certificates", 4, flags, ImVec2(-FLT_MIN, 180.0f))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (int c = 0; c < 4; ++c) ImGui::TableSetupColumn(text(columns[c].name, l), ImGuiTableColumnFlags_None, columns[c].weight);
        // The header row drawn as text a person (and a test) reads; ImGui's own header cells are
        // sort buttons this list does not have.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 4; ++c) {
            ImGui::TableNextColumn();
            text_sized(text(columns[c].name, l), size::kOsText, color::kText);
        }
        ImGui::PushStyleColor(ImGuiCol_Header, color::kOsSelection);
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::kOsSelection);
        for (const CertificateRow& r : rows) {
            ImGui::PushID(r.id.c_str());
            ImGui::TableNextRow();
            const bool selected = flow.highlighted() == r.id;
            // Each cell is its own selectable of the row, so that a person (and a test) can click
            // the row by any of its words — the 有効期限 tells two certificates of one holder apart.
            const std::string cells[4] = {r.issued_to, r.issued_by, format_date(r.not_after, l), text(TextId::CertFriendlyNone, l)};
            for (int c = 0; c < 4; ++c) {
                ImGui::TableNextColumn();
                ImGui::PushID(c);
                if (ImGui::Selectable(cells[columns[c].cell].c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick,
                                      ImVec2(0, selectable_height()))) {
                    ui.emit(cmd::HighlightCertificate{r.id});
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ui.emit(cmd::ShowCertificateDetails{r.id});
                }
                ImGui::PopID();
            }
            ImGui::PopID();
        }
        ImGui::PopStyleColor(2);
        ImGui::EndTable();
    }
    if (rows.empty()) os_text(text(TextId::CertListEmpty, l));
    ImGui::Dummy(ImVec2(0, 4));
    const bool chosen = !flow.highlighted().empty();
    const char* choose_first = text(TextId::CertChooseFirst, l);
    unavailable_button(text(TextId::CertImport, l), text(TextId::CertImportOutOfScope, l));
    os_same_line_if_fits(140.0f);
    unavailable_button(text(TextId::CertExport, l), text(TextId::CertExportOutOfScope, l), 140.0f);
    os_same_line_if_fits(110.0f);
    const bool personal = flow.tab() == CertificateStoreTab::Personal;
    ImGui::BeginDisabled(!chosen || !personal);
    if (os_button(text(TextId::CertDelete, l), false, 110.0f)) ui.emit(cmd::DeleteCertificate{});
    ImGui::EndDisabled();
    if (!personal) item_tooltip(text(TextId::CertDeleteOnlyPersonal, l));
    else if (!chosen) item_tooltip(choose_first);
    os_same_line_if_fits(110.0f);
    ImGui::BeginDisabled(!chosen);
    if (os_button(text(TextId::CertView, l), false, 110.0f)) ui.emit(cmd::ShowCertificateDetails{flow.highlighted()});
    ImGui::EndDisabled();
    if (!chosen) item_tooltip(choose_first);
    ImGui::Dummy(ImVec2(0, 4));
    os_buttons_right(1, 110.0f);
    if (os_button(text(TextId::CertClose, l), true, 110.0f)) ui.emit(cmd::CloseCertificateList{});
    if (os_dialog_key(ImGuiKey_Escape)) ui.emit(cmd::CloseCertificateList{});
    end_os_dialog();
}

}  // namespace

void draw_certificate_manager(const Ui& ui, const CertificateManagerFlow& flow) {
    switch (flow.screen()) {
        case CertificateManagerFlow::Screen::InternetOptions: draw_internet_options(ui, flow); break;
        case CertificateManagerFlow::Screen::Certificates:
            if (flow.details()) draw_certificate_details(ui, *flow.details());
            else draw_list(ui, flow);
            break;
        case CertificateManagerFlow::Screen::ConfirmDelete: draw_certificate_delete_confirmation(ui, flow); break;
        case CertificateManagerFlow::Screen::Count_: break;
    }
}

}  // namespace cp::ui
