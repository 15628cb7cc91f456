#include "os/certificate_operation_dialogs.h"

#include "fields.h"
#include "format.h"
#include "imgui.h"
#include "os/os_dialog.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {

TextId protection_level_text(KeyProtection level) {
    switch (level) {
        case KeyProtection::Low: return TextId::ProtectionLow;
        case KeyProtection::Medium: return TextId::ProtectionMedium;
        case KeyProtection::High: return TextId::ProtectionHigh;
    }
    return TextId::ProtectionMedium;
}

YesNo web_access_dialog(const char* site, Language l, bool escape_answers_no, const char* step) {
    YesNo choice = YesNo::None;
    begin_os_dialog(text(TextId::WebAccessTitle, l), 480.0f);
    os_text_wrapped(text(TextId::WebAccessPrompt, l));
    ImGui::Dummy(ImVec2(0, 2));
    os_text((std::string("https://") + site + "/").c_str());
    ImGui::Dummy(ImVec2(0, 2));
    os_text_wrapped(text(TextId::WebAccessQuestion, l));
    if (step != nullptr) text_wrapped_sized(step, size::kOsText - 1, color::kTextMuted, TextKind::Status);
    ImGui::Dummy(ImVec2(0, 6));
    os_buttons_right(2);
    if (os_button(text(TextId::OsYes, l), true)) choice = YesNo::Yes;
    ImGui::SameLine();
    if (os_button(text(TextId::OsNo, l))) choice = YesNo::No;
    if (escape_answers_no && os_dialog_key(ImGuiKey_Escape)) choice = YesNo::No;
    else if (os_dialog_key(ImGuiKey_Enter)) choice = YesNo::Yes;
    end_os_dialog();
    return choice;
}

ProtectedItemChoice protected_item_dialog(KeyProtection level, Language l) {
    ProtectedItemChoice choice = ProtectedItemChoice::None;
    begin_os_dialog(text(TextId::ProtectedItemTitle, l), 460.0f);
    os_text_wrapped(text(TextId::ProtectedItemPrompt, l));
    ImGui::Dummy(ImVec2(0, 2));
    os_text(text(TextId::ProtectedItemName, l));
    ImGui::Dummy(ImVec2(0, 4));
    os_text(formatf(text(TextId::SecurityLevelFormat, l), text(protection_level_text(level), l)).c_str());
    ImGui::SameLine();
    os_buttons_right(1, 220.0f);
    if (os_button(text(TextId::SecurityLevelSettings, l), false, 220.0f)) choice = ProtectedItemChoice::Settings;
    ImGui::Dummy(ImVec2(0, 6));
    os_buttons_right(2);
    if (os_button(text(TextId::OsOk, l), true)) choice = ProtectedItemChoice::Ok;
    ImGui::SameLine();
    if (os_button(text(TextId::OsCancel, l))) choice = ProtectedItemChoice::Cancel;
    if (os_dialog_key(ImGuiKey_Escape)) choice = ProtectedItemChoice::Cancel;
    else if (os_dialog_key(ImGuiKey_Enter)) choice = ProtectedItemChoice::Ok;
    end_os_dialog();
    return choice;
}

SecurityLevelChoice security_level_dialog(const SecurityLevelView& view, Language l) {
    SecurityLevelChoice choice;
    begin_os_dialog(text(TextId::SecurityLevelTitle, l), 480.0f);
    os_text_wrapped(text(TextId::SecurityLevelPrompt, l));
    ImGui::Dummy(ImVec2(0, 4));
    const struct {
        KeyProtection level;
        TextId hint;
    } kLevels[] = {{KeyProtection::High, TextId::SecurityHighHint},
                   {KeyProtection::Medium, TextId::SecurityMediumHint},
                   {KeyProtection::Low, TextId::SecurityLowHint}};
    for (const auto& option : kLevels) {
        if (radio_button(text(protection_level_text(option.level), l), view.choice == option.level) && view.choice != option.level)
            choice = {SecurityLevelChoice::Kind::Choose, option.level};
        ImGui::SameLine();
        text_wrapped_sized(text(option.hint, l), size::kOsText - 1, color::kTextMuted);
    }
    bool submitted = false;
    if (view.choice == KeyProtection::High && view.password != nullptr && view.password_again != nullptr) {
        ImGui::Dummy(ImVec2(0, 4));
        FieldSpec spec;
        spec.secret = true;
        spec.width = 280.0f;
        spec.label = text(TextId::NewKeyPassword, l);
        spec.error = view.password_error;
        submitted |= input_field("new_key_password", *view.password, spec, l);
        spec.label = text(TextId::NewKeyPasswordAgain, l);
        spec.error = view.password_again_error;
        submitted |= input_field("new_key_password_again", *view.password_again, spec, l);
    }
    ImGui::Dummy(ImVec2(0, 6));
    os_buttons_right(2);
    if (os_button(text(TextId::OsOk, l), true) || submitted) choice.kind = SecurityLevelChoice::Kind::Ok;
    ImGui::SameLine();
    if (os_button(text(TextId::OsCancel, l))) choice.kind = SecurityLevelChoice::Kind::Cancel;
    if (os_dialog_key(ImGuiKey_Escape)) choice.kind = SecurityLevelChoice::Kind::Cancel;
    end_os_dialog();
    return choice;
}

}  // namespace cp::ui
