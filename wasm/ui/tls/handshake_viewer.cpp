// certportal ui: the handshake viewer's window and its open button (handshake_viewer.h).
#include "tls/handshake_viewer.h"

#include <algorithm>
#include <memory>
#include <string>

#include "desk/desk.h"
#include "format.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr float kViewerMaxWidth = 980.0f;

// The message's bytes as hex lines "0000  16 03 01 …", `per_line` bytes each.
void tls_hex_lines(const pki::Bytes& bytes, std::size_t per_line) {
    static const char* const kDigits = "0123456789abcdef";
    for (std::size_t at = 0; at < bytes.size(); at += per_line) {
        std::string line = formatf("%04x ", static_cast<unsigned>(at));
        for (std::size_t i = at; i < std::min(bytes.size(), at + per_line); ++i) {
            line += ' ';
            line += kDigits[bytes[i] >> 4];
            line += kDigits[bytes[i] & 15];
        }
        text_sized(line.c_str(), size::kSmall, color::kText);
    }
}

// A message's opened part: what protected it, notes, its fields and its bytes.
void tls_message_details(const Ui& ui, const tls::Message& m, bool narrow) {
    const std::string when = format_date_time(m.time_us / 1000000, ui.lang()) +
                             formatf(".%03u", static_cast<unsigned>(m.time_us / 1000 % 1000));
    text_sized(when.c_str(), size::kSmall, color::kTextMuted);
    if (m.protection != tls::Protection::Plain) text_wrapped_sized(ui.t(TextId::TlsViewerDecrypted), size::kSmall, color::kText);
    if (m.late_handshake_key) text_wrapped_sized(ui.t(TextId::TlsViewerLateKey), size::kSmall, color::kText);
    if (m.kind == tls::MessageKind::Malformed)
        text_wrapped_sized(formatf(ui.t(TextId::TlsViewerUnreadable), m.error.c_str()).c_str(), size::kSmall, color::kError,
                           TextKind::Error);
    const bool ca_from_configuration =
        m.is(tls::HandshakeType::CertificateRequest) &&
        std::any_of(m.fields.begin(), m.fields.end(), [](const tls::Field& f) { return f.name == "certificate_authorities"; });
    if (ca_from_configuration) text_wrapped_sized(ui.t(TextId::TlsViewerCaFromConfig), size::kSmall, color::kText);
    if (!m.fields.empty()) {
        text_sized(ui.t(TextId::TlsViewerFields), size::kDetail, color::kText, TextKind::Heading);
        if (ImGui::BeginTable("##fields", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch, narrow ? 0.45f : 0.3f);
            ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, narrow ? 0.55f : 0.7f);
            for (const tls::Field& f : m.fields) key_value_row(f.name.c_str(), f.value, true);
            ImGui::EndTable();
        }
    }
    text_sized(ui.t(TextId::TlsViewerBytes), size::kDetail, color::kText, TextKind::Heading);
    tls_hex_lines(m.bytes, narrow ? 8 : 16);
}

void tls_message_row(const Ui& ui, const tls::Capture& capture, const tls::Message& m, std::size_t index,
                     const std::optional<std::string>& check, bool narrow) {
    ImGui::PushID(static_cast<int>(index));
    const bool failing = m.mark != tls::Mark::None;
    std::string label = formatf("%u. %s  %s", static_cast<unsigned>(index + 1),
                                ui.t(m.direction == tls::Direction::ClientToServer ? TextId::TlsViewerFromClient
                                                                                   : TextId::TlsViewerFromServer),
                                m.name.c_str());
    if (failing) label += std::string("  [") + ui.t(TextId::TlsViewerFailingCheck) + "]";
    label += "##message";
    if (failing) ImGui::PushStyleColor(ImGuiCol_Text, color::kError);
    ImGui::SetNextItemOpen(ui.session.desk().handshake_message_open(index), ImGuiCond_Always);
    const ImVec2 pad = frame_padding(ImGui::GetStyle().FramePadding);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, pad);
    const bool open = ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth);
    ImGui::PopStyleVar();
    if (ImGui::IsItemToggledOpen()) ui.emit(cmd::ToggleHandshakeMessage{static_cast<std::uint16_t>(index)});
    if (failing) ImGui::PopStyleColor();
    ImGui::Indent();
    text_wrapped_sized(handshake_message_sentence(ui, m, capture).c_str(), size::kSmall, color::kText);
    if (failing && check) text_wrapped_sized(check->c_str(), size::kSmall, color::kError, TextKind::Error);
    if (open) tls_message_details(ui, m, narrow);
    ImGui::Unindent();
    if (open) ImGui::TreePop();
    ImGui::PopID();
}

}  // namespace

void handshake_viewer_button(const Ui& ui, const tls::Capture* capture) {
    ImGui::BeginDisabled(capture == nullptr);
    const bool clicked = button(ui.t(TextId::TlsViewerOpen));
    ImGui::EndDisabled();
    if (capture == nullptr) item_tooltip(ui.t(TextId::TlsViewerNoLogin));
    if (clicked && capture != nullptr) ui.emit(cmd::ShowHandshake{true});
}

void draw_handshake_viewer(const Ui& ui, const tls::Capture* capture) {
    if (capture == nullptr || !ui.session.desk().handshake_open()) return;
    const tls::Transcript transcript = tls::read_transcript(*capture);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool narrow = vp->WorkSize.x < size::kNarrow;
    const float margin = narrow ? 0.0f : 16.0f;
    const float w = std::min(kViewerMaxWidth, vp->WorkSize.x - 2 * margin);
    const float top = vp->Pos.y + size::kMarkerBar + margin;
    const float h = vp->Pos.y + vp->Size.y - taskbar_height(ui, vp->WorkSize.x) - margin - top;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, top));
    ImGui::SetNextWindowSize(ImVec2(w, std::max(h, 200.0f)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kCard);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(narrow ? 10.0f : 16.0f, 12.0f));
    const std::string title = std::string(ui.t(TextId::TlsViewerTitle)) + "###tls_viewer";
    bool keep_open = true;
    ImGui::Begin(title.c_str(), &keep_open,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    name_close_button(ui.t(TextId::TlsViewerCloseWindow));
    if (ImGui::IsWindowAppearing()) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());

    const std::string summary = formatf(ui.t(TextId::TlsViewerSummary), tls::version_name(capture->version),
                                        capture->host_name.c_str(), static_cast<unsigned>(transcript.messages.size()));
    text_wrapped_sized(summary.c_str(), size::kDetail, color::kText);
    const std::optional<std::string> check = handshake_failing_check(ui, *capture);
    if (capture->outcome == tls::Outcome::Ok)
        text_wrapped_sized(ui.t(TextId::TlsViewerSummaryOk), size::kDetail, color::kText, TextKind::Status);
    else if (check)
        text_wrapped_sized(ui.t(TextId::TlsViewerSummaryFailed), size::kDetail, color::kError, TextKind::Error);

    // The downloads (the platform's, as the world file's: DemoConsole::take_download).
    auto shared = [&] { return std::make_shared<const tls::Capture>(*capture); };
    if (button(ui.t(TextId::TlsViewerSaveCapture)))
        ui.emit_console(console::SaveHandshake{shared(), console::HandshakeFile::Capture});
    if (!narrow) ImGui::SameLine();
    if (button(ui.t(TextId::TlsViewerSaveKeys)))
        ui.emit_console(console::SaveHandshake{shared(), console::HandshakeFile::KeyLog});
    text_wrapped_sized(ui.t(TextId::TlsViewerSaveHint), size::kSmall, color::kTextMuted);
    ImGui::Separator();

    for (std::size_t i = 0; i < transcript.messages.size(); ++i)
        tls_message_row(ui, *capture, transcript.messages[i], i, check, narrow);

    ImGui::Spacing();
    if (button(ui.t(TextId::TlsViewerClose))) keep_open = false;
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    if (!keep_open) ui.emit(cmd::ShowHandshake{false});
}

}  // namespace cp::ui
