#include "os/certificate_dialogs.h"

#include "fields.h"
#include "format.h"
#include "imgui.h"
#include "os/certificate_operation_dialogs.h"
#include "os/os_dialog.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

void property_row(const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    os_text(name);
    ImGui::TableNextColumn();
    os_text_wrapped(value.c_str());
}

}  // namespace

ChooserChoice certificate_chooser(const ChooserView& view, Language l) {
    ChooserChoice choice;
    begin_os_dialog(text(TextId::ChooserTitle, l), 520.0f);
    os_text_wrapped(formatf(text(TextId::ChooserPrompt, l), view.site).c_str());
    ImGui::Dummy(ImVec2(0, 4));
    if (view.certificates.empty()) {
        os_text_wrapped(text(TextId::ChooserEmpty, l));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Header, color::kOsSelection);
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::kOsSelection);
        for (const InstalledCertificate* listed : view.certificates) {
            const InstalledCertificate& c = *listed;
            ImGui::PushID(c.serial.c_str());
            const bool selected = *view.highlighted == c.serial;
            const ImVec2 start = ImGui::GetCursorScreenPos();
            const float row_h = size::kOsText * 3 + 16;
            // The row is one selectable named by the certificate's display name (what the person
            // reads first), with the issuer and validity drawn under it.
            const std::string name = c.subject.display_name();
            if (ImGui::Selectable(("##" + name).c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(0, row_h))) {
                *view.highlighted = c.serial;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) choice = {ChooserChoice::Kind::Ok, c.serial};
            }
            const ImVec2 end = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(start.x + 8, start.y + 4));
            text_sized(name.c_str(), size::kOsText + 1, color::kText);
            ImGui::SetCursorScreenPos(ImVec2(start.x + 8, start.y + 8 + size::kOsText));
            text_sized((std::string(text(TextId::ChooserIssuer, l)) + ": " + view.issuer).c_str(), size::kOsText - 1, color::kTextMuted);
            ImGui::SetCursorScreenPos(ImVec2(start.x + 8, start.y + 12 + size::kOsText * 2));
            text_sized((std::string(text(TextId::ChooserValidity, l)) + ": " + format_date(c.not_before, l) + " - " + format_date(c.not_after, l)).c_str(),
                       size::kOsText - 1, color::kTextMuted);
            ImGui::SetCursorScreenPos(end);
            ImGui::PopID();
        }
        ImGui::PopStyleColor(2);
    }
    if (view.hint != nullptr) {
        ImGui::Dummy(ImVec2(0, 2));
        text_wrapped_sized(view.hint, size::kOsText - 1, color::kTextMuted);
    }
    // 証明書のプロパティ of the highlighted certificate.
    const InstalledCertificate* highlighted = nullptr;
    for (const InstalledCertificate* c : view.certificates)
        if (c->serial == *view.highlighted) highlighted = c;
    if (highlighted != nullptr && view.properties != nullptr && *view.properties == highlighted->serial) {
        ImGui::Separator();
        os_text(text(TextId::ChooserProperties, l));
        if (ImGui::BeginTable("##properties", 2, ImGuiTableFlags_SizingStretchProp)) {
            property_row(text(TextId::ChooserSubject, l), highlighted->subject.display_name());
            property_row(text(TextId::ChooserIssuer, l), view.issuer);
            property_row(text(TextId::PropSerial, l), highlighted->serial);
            property_row(text(TextId::PropValidFrom, l), format_date_time(highlighted->not_before, l));
            property_row(text(TextId::PropValidTo, l), format_date_time(highlighted->not_after, l));
            property_row(text(TextId::PropProtection, l), text(protection_level_text(highlighted->protection), l));
            ImGui::EndTable();
        }
        if (os_button(text(TextId::Close, l))) choice.kind = ChooserChoice::Kind::CloseProperties;
    } else if (highlighted != nullptr) {
        if (os_button(text(TextId::ChooserProperties, l), false, 180.0f)) choice = {ChooserChoice::Kind::Properties, highlighted->serial};
    }
    ImGui::Dummy(ImVec2(0, 4));
    os_buttons_right(2);
    ImGui::BeginDisabled(highlighted == nullptr);
    if (os_button(text(TextId::OsOk, l), true) && highlighted != nullptr) choice = {ChooserChoice::Kind::Ok, highlighted->serial};
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (os_button(text(TextId::OsCancel, l))) choice.kind = ChooserChoice::Kind::Cancel;
    // As in Windows: Enter is the default button (OK), Escape cancels.
    if (os_dialog_key(ImGuiKey_Escape)) choice.kind = ChooserChoice::Kind::Cancel;
    else if (os_dialog_key(ImGuiKey_Enter) && highlighted != nullptr) choice = {ChooserChoice::Kind::Ok, highlighted->serial};
    end_os_dialog();
    return choice;
}

KeyAccessChoice key_access_dialog(const std::string& key_name, bool needs_password, PinField& password,
                                  InputError password_error, FlowResult last_result, Language l) {
    KeyAccessChoice choice = KeyAccessChoice::None;
    begin_os_dialog(text(TextId::KeyAccessTitle, l), 460.0f);
    os_text_wrapped(text(needs_password ? TextId::KeyPasswordPrompt : TextId::KeyAccessPrompt, l));
    os_text_wrapped(formatf(text(TextId::KeyAccessKeyName, l), key_name.c_str()).c_str());
    ImGui::Dummy(ImVec2(0, 4));
    if (needs_password) {
        FieldSpec spec;
        spec.label = text(TextId::KeyPasswordLabel, l);
        spec.secret = true;
        spec.error = password_error;
        spec.width = 300.0f;
        if (input_field("key_password", password, spec, l)) choice = KeyAccessChoice::Allow;
        if (last_result == PcResult::WrongKeyPassword) error_line(text(result_text(last_result), l));
    }
    ImGui::Dummy(ImVec2(0, 4));
    os_buttons_right(2);
    if (os_button(text(needs_password ? TextId::OsOk : TextId::KeyAccessAllow, l), true)) choice = KeyAccessChoice::Allow;
    ImGui::SameLine();
    if (os_button(text(needs_password ? TextId::OsCancel : TextId::KeyAccessDeny, l))) choice = KeyAccessChoice::Deny;
    if (os_dialog_key(ImGuiKey_Escape)) choice = KeyAccessChoice::Deny;
    else if (!needs_password && os_dialog_key(ImGuiKey_Enter)) choice = KeyAccessChoice::Allow;  // 高: Enter in the field
    end_os_dialog();
    return choice;
}

void key_unlocking_dialog(Language l) {
    begin_os_dialog(text(TextId::OsWindowsSecurity, l), 360.0f);
    os_text(text(TextId::KeyUnlocking, l));
    // Indeterminate progress: a bar whose fill follows ImGui's clock would need frames; a static
    // bar keeps the page idle while the device key works (it finishes in milliseconds).
    ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-FLT_MIN, 6), "");
    end_os_dialog();
}

}  // namespace cp::ui
