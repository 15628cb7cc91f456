// 証明書の詳細 (表示) and 「証明書を削除しますか？」 of the certificate manager (seed 000 (15)).
// Everything the details show is read from the certificate's DER by the core
// (CertificateManagerFlow::describe); the status is the PKI's verdict against the bank's CRL.
#include "format.h"
#include "imgui.h"
#include "os/certificate_manager.h"
#include "os/os_dialog.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

TextId status_text(pki::CertificateStatus status) {
    switch (status) {
        case pki::CertificateStatus::Valid: return TextId::CertStatusValid;
        case pki::CertificateStatus::Revoked: return TextId::CertStatusRevoked;
        case pki::CertificateStatus::Expired: return TextId::CertStatusExpired;
        case pki::CertificateStatus::NotYetValid: return TextId::CertStatusNotYetValid;
        case pki::CertificateStatus::UnknownIssuer: return TextId::CertStatusUnknownIssuer;
        case pki::CertificateStatus::BadSignature: return TextId::CertStatusBadSignature;
    }
    return TextId::CertStatusBadSignature;
}

// `copy`: a value a person compares elsewhere (a serial, a fingerprint) gets a コピー button.
void detail_row(const char* name, const std::string& value, const Ui* copy = nullptr) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    os_text(name);
    ImGui::TableNextColumn();
    // Values a person compares (fingerprints, serials) are reported to tools under their own words.
    // A SHA-256 thumbprint (95 characters) is longer than the dialog is wide: two lines of 16 bytes,
    // as Windows wraps it in its box.
    constexpr std::size_t kHalf = 16 * 3;
    if (value.size() >= 2 * kHalf - 1 && value[kHalf - 1] == ':') {
        labelled_text(value.substr(0, kHalf).c_str(), size::kOsText - 1, color::kText);
        labelled_text(value.substr(kHalf).c_str(), size::kOsText - 1, color::kText);
    } else {
        labelled_text(value.c_str(), size::kOsText - 1, color::kText);
    }
    if (copy != nullptr) copy_button(name, value, copy->lang());
}

}  // namespace

void draw_certificate_details(const Ui& ui, const CertificateDetails& d) {
    const Language l = ui.lang();
    begin_os_dialog(text(TextId::CertDetailsTitle, l), 760.0f);
    const bool valid = d.status == pki::CertificateStatus::Valid;
    os_text(text(TextId::CertDetailsStatus, l));
    text_wrapped_bold(text(status_text(d.status), l), size::kOsText + 2, valid ? color::kTitleBar : color::kError);
    ImGui::Dummy(ImVec2(0, 4));
    if (ImGui::BeginTable("##details", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthFixed);  // as wide as the longest name (English is longer)
        ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
        detail_row(text(TextId::CertDetailsSubject, l), d.info.subject);
        detail_row(text(TextId::CertColIssuedBy, l), d.info.issuer);
        detail_row(text(TextId::PropSerial, l), d.info.serial_hex, &ui);
        detail_row(text(TextId::PropValidFrom, l), format_date_time(d.info.not_before, l));
        detail_row(text(TextId::PropValidTo, l), format_date_time(d.info.not_after, l));
        detail_row(text(TextId::CertDetailsKeyUsage, l), d.info.key_usage.empty() ? text(TextId::CertDetailsNoKeyUsage, l) : d.info.key_usage);
        detail_row(text(TextId::CertDetailsSha1, l), d.info.sha1_fingerprint, &ui);
        detail_row(text(TextId::CertDetailsSha256, l), d.info.sha256_fingerprint, &ui);
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 4));
    os_text(text(TextId::CertDetailsChain, l));
    for (std::size_t i = 0; i < d.chain.size(); ++i) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 16.0f * static_cast<float>(i));
        text_sized(d.chain[i].c_str(), size::kOsText - 1, color::kText);
    }
    ImGui::Dummy(ImVec2(0, 6));
    os_buttons_right(1);
    if (os_button(text(TextId::OsOk, l), true)) ui.emit(cmd::ShowCertificateDetails{""});
    if (os_dialog_key(ImGuiKey_Escape) || os_dialog_key(ImGuiKey_Enter)) ui.emit(cmd::ShowCertificateDetails{""});
    end_os_dialog();
}

void draw_certificate_delete_confirmation(const Ui& ui, const CertificateManagerFlow& flow) {
    const Language l = ui.lang();
    begin_os_dialog(text(TextId::CertDeleteTitle, l), 520.0f);
    // The seed's loudest warning, in bold, before the question: the new (valid) certificate.
    const FlowResult warning = flow.deletion_warning();
    if (warning == PcResult::DeletingOnlyValidCertificate || warning == PcResult::DeletingNewerCertificate) {
        text_wrapped_bold(text(warning == PcResult::DeletingOnlyValidCertificate ? TextId::ResultDeletingOnlyValidCertificate
                                                                                   : TextId::ResultDeletingNewerCertificate,
                               l),
                          size::kOsText + 1, color::kError);
        text_wrapped_bold(text(TextId::CertDeleteSeedWarning, l), size::kOsText + 1, color::kError);
        ImGui::Dummy(ImVec2(0, 4));
    }
    for (const CertificateRow& r : flow.rows(CertificateStoreTab::Personal))
        if (r.id == flow.highlighted())
            os_text_wrapped(formatf(text(TextId::CertDeleteWhich, l), r.issued_to.c_str(), format_date(r.not_after, l).c_str()).c_str());
    os_text(text(TextId::CertDeleteQuestion, l));
    ImGui::Dummy(ImVec2(0, 6));
    os_buttons_right(2);
    // いいえ is the default button when the seed warns (Windows' own default is はい).
    const bool warned = warning != FlowResult::Ok;
    if (os_button(text(TextId::OsYes, l), !warned)) ui.emit(cmd::ConfirmDeletion{true});
    ImGui::SameLine();
    if (os_button(text(TextId::OsNo, l), warned)) ui.emit(cmd::ConfirmDeletion{false});
    if (os_dialog_key(ImGuiKey_Escape)) ui.emit(cmd::ConfirmDeletion{false});
    else if (os_dialog_key(ImGuiKey_Enter)) ui.emit(cmd::ConfirmDeletion{!warned});
    end_os_dialog();
}

}  // namespace cp::ui
