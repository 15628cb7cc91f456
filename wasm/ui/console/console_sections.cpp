// The demo console's sections, one function each (console.h): a function of the DemoConsole and
// the session that emits commands. Labels are distinct from the desk's own (a person, and a test,
// finds 「お客様カード を開く」 here and 「お客様カード」 on the taskbar).
#include <algorithm>
#include <optional>
#include <string>

#include "console/console.h"
#include "fields.h"
#include "demo/clock_lines.h"
#include "format.h"
#include "imgui.h"
#include "portal/messages.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr std::size_t kAuditRowsShown = 8;

void small(const char* s) { text_wrapped_sized(s, size::kSmall, color::kTextMuted); }

TextId archive_error_text(ArchiveError e) {
    switch (e) {
    case ArchiveError::NotAnArchive: return TextId::ArchiveNotAnArchive;
    case ArchiveError::Damaged: return TextId::ArchiveDamaged;
    case ArchiveError::NewerFormat: return TextId::ArchiveNewerFormat;
    case ArchiveError::MissingPc: return TextId::ArchiveMissingPc;
    case ArchiveError::AuditChainBroken: return TextId::ArchiveAuditChainBroken;
    case ArchiveError::None:
    case ArchiveError::Count_: break;
    }
    return TextId::ArchiveDamaged;
}

TextId step_label(ClockStep step) {
    switch (step) {
    case ClockStep::Day: return TextId::ConsoleClockDay;
    case ClockStep::Week: return TextId::ConsoleClockWeek;
    case ClockStep::Month: return TextId::ConsoleClockMonth;
    case ClockStep::Year: return TextId::ConsoleClockYear;
    case ClockStep::Count_: break;
    }
    return TextId::ConsoleClockDay;
}

// The taskbar's name of each desk panel (the console's shortcut says 「… を開く」).
TextId panel_name(DeskPanel panel) {
    switch (panel) {
    case DeskPanel::CustomerCard: return TextId::DeskCustomerCard;
    case DeskPanel::SampleData: return TextId::DeskSampleData;
    case DeskPanel::Token: return TextId::DeskToken;
    case DeskPanel::Mailbox: return TextId::DeskMailbox;
    case DeskPanel::Branch: return TextId::DeskBranch;
    case DeskPanel::None: break;
    }
    return TextId::DeskSampleData;
}

}  // namespace

void draw_console_message(const Ui& ui, const DemoConsole& c) {
    std::string m;
    bool error = false;
    switch (c.message()) {
    case ConsoleMessage::None: return;
    case ConsoleMessage::Busy: m = ui.t(TextId::ConsoleBusy); break;
    case ConsoleMessage::Failed:
        m = formatf(ui.t(TextId::ConsoleFailed), ui.t(result_text(c.result())));
        error = true;
        break;
    case ConsoleMessage::BadDate:
        m = ui.t(TextId::ConsoleClockBadDate);
        error = true;
        break;
    case ConsoleMessage::Exported:
        m = formatf(ui.t(TextId::ConsoleExported), std::to_string(c.bytes()).c_str());
        if (c.sealed() > 0) m += formatf(ui.t(TextId::ConsoleExportSealed), static_cast<unsigned>(c.sealed()));
        break;
    case ConsoleMessage::Imported:
        m = c.sealed() > 0 ? formatf(ui.t(TextId::ConsoleImportedUnusable), static_cast<unsigned>(c.sealed()))
                           : std::string(ui.t(TextId::ConsoleImported));
        break;
    case ConsoleMessage::ImportRefused:
        m = ui.t(archive_error_text(c.archive_error()));
        error = true;
        break;
    case ConsoleMessage::AuditVerified: m = formatf(ui.t(TextId::AuditIntact), static_cast<unsigned>(c.count())); break;
    case ConsoleMessage::AuditBroken:
        m = formatf(ui.t(TextId::AuditBroken), static_cast<unsigned>(c.count()));
        error = true;
        break;
    }
    text_wrapped_sized(m.c_str(), size::kDetail, error ? color::kError : color::kText);
    if (c.message() != ConsoleMessage::Busy && button(ui.t(TextId::ConsoleDismiss))) ui.emit_console(console::DismissMessage{});
}

void draw_console_link_problems(const Ui& ui, const DemoConsole& c) {
    if (c.link_problems().empty()) return;
    text_wrapped_sized(ui.t(TextId::LinkProblemsTitle), size::kDetail, color::kError);
    for (const LinkProblem& p : c.link_problems())
        text_wrapped_sized(formatf(ui.t(link_problem_text(p.kind)), quoted_value(p.name).c_str(), quoted_value(p.value).c_str()).c_str(), size::kSmall,
                           color::kError);
    const std::string close = std::string(ui.t(TextId::ConsoleDismiss)) + "##link_problems";
    if (button(close.c_str())) ui.emit_console(console::DismissLinkProblems{});
}

void draw_console_confirmation(const Ui& ui, const DemoConsole& c) {
    const std::optional<BankView> bank = ui.session.bank_view();
    if (c.confirming() == nullptr || !bank) return;
    const std::string ask = formatf(ui.t(TextId::ConsoleConfirmReplace),
                                    static_cast<unsigned>(progress_entries(bank->audit())), ui.t(c.confirming()->title));
    text_wrapped_sized(ask.c_str(), size::kDetail, color::kError);
    if (button(ui.t(TextId::ConsoleConfirmYes))) ui.emit_console(console::Confirm{true});
    ImGui::SameLine();
    if (button(ui.t(TextId::ConsoleConfirmNo))) ui.emit_console(console::Confirm{false});
}

namespace {

// The page's profile has other rules than the running world (Session::policy_differences): said,
// with each rule's two values, and a new world offered — the seed world through 開始's path (asked
// first when progress would go), made with the profile's rules. The running world never changes.
void draw_console_policy_notice(const Ui& ui, const DemoConsole& c) {
    const std::vector<PolicyDifference> differences = ui.session.policy_differences();
    if (differences.empty()) return;
    text_wrapped_sized(ui.t(TextId::ProfilePolicyDiffers), size::kDetail, color::kError);
    for (const PolicyDifference& d : differences)
        small(formatf(ui.t(TextId::ProfilePolicyLine), ui.t(d.field->label), static_cast<unsigned>(d.world),
                      static_cast<unsigned>(d.profile)).c_str());
    if (c.confirming() != nullptr) return;
    ImGui::BeginDisabled(c.busy());
    if (button(ui.t(TextId::ProfilePolicyNewWorld))) ui.emit_console(console::ChooseScenario{&scenarios().front()});
    ImGui::EndDisabled();
    ImGui::Spacing();
}

}  // namespace

void draw_console_scenarios(const Ui& ui, const DemoConsole& c) {
    const Scenario& running = running_scenario(ui.session.bank_view()->audit());
    text_wrapped_sized(formatf(ui.t(TextId::ConsoleRunning), ui.t(running.title)).c_str(), size::kDetail, color::kText);
    small(ui.t(TextId::ConsoleScenarioNote));
    draw_console_policy_notice(ui, c);
    if (c.confirming() != nullptr) return;  // one question at a time (asked at the console's top)
    ImGui::BeginDisabled(c.busy());
    if (button(ui.t(TextId::ConsoleReset))) ui.emit_console(console::ChooseScenario{&scenarios().front()});
    for (const Scenario& s : scenarios()) {
        ImGui::Spacing();
        if (wrapping_button(ui.t(s.title), color::kBrand, IM_COL32_WHITE)) ui.emit_console(console::ChooseScenario{&s});
        small(ui.t(s.description));
    }
    ImGui::EndDisabled();
}

void draw_console_clock(const Ui& ui, DemoConsole& c) {
    labelled_text(formatf(ui.t(TextId::ConsoleNow), format_date_time(ui.session.bank_view()->now(), ui.lang()).c_str()).c_str(),
                  size::kDetail, color::kText);
    // Not disabled while a step is saved: a move applies at once and the next save takes it
    // (docs/architecture.md, "Saving").
    ImGui::BeginDisabled(c.busy());
    for (ClockStep step : {ClockStep::Day, ClockStep::Week, ClockStep::Month, ClockStep::Year}) {
        if (step != ClockStep::Day) ImGui::SameLine();
        if (button(ui.t(step_label(step)))) ui.emit_console(console::StepClock{step});
    }
    FieldSpec date;
    date.label = ui.t(TextId::ConsoleClockDate);
    date.width = 160.0f;
    const bool enter = input_field("console_date", c.date_field(), c.date_field_size(), date, ui.lang());
    if (button(ui.t(TextId::ConsoleClockGo)) || enter) ui.emit_console(console::MoveToDate{});
    ImGui::EndDisabled();
    const ClockReport& r = ui.session.clock_report();
    if (r.from == 0 && r.to == 0) return;  // no move since the world was loaded
    text_wrapped_sized(formatf(ui.t(TextId::ConsoleClockHappened), format_date(r.from, ui.lang()).c_str(),
                               format_date(r.to, ui.lang()).c_str())
                           .c_str(),
                       size::kDetail, color::kText);
    if (r.events.empty()) small(ui.t(TextId::ConsoleClockNothing));
    for (const ClockEvent& e : r.events) text_wrapped_sized(("- " + clock_event_line(e, ui.lang())).c_str(), size::kSmall, color::kText);
}

void draw_console_pcs(const Ui& ui) {
    const auto& unusable = ui.session.simulation()->unusable_keys();
    for (PcId pc : {PcId::Admin, PcId::User}) {
        const PcCertificateStore* store = ui.session.pc_store(pc);
        const unsigned n = store != nullptr ? static_cast<unsigned>(store->certificates.size()) : 0;
        const std::string label = formatf(ui.t(TextId::ConsolePcLabel), ui.t(pc == PcId::Admin ? TextId::PcAdmin : TextId::PcUser), n);
        if (radio_button(label.c_str(), ui.session.desk().pc() == pc) && ui.session.desk().pc() != pc) ui.emit(cmd::SwitchPc{pc});
        if (store == nullptr) continue;
        ImGui::Indent(22);
        for (const InstalledCertificate& cert : store->certificates) {
            const std::string who = cert.subject.contract_id + " " + cert.subject.holder_id;
            text_wrapped_sized(formatf(ui.t(TextId::ConsoleCertLine), who.c_str(), format_date(cert.not_after, ui.lang()).c_str()).c_str(),
                               size::kSmall, color::kText);
            if (std::find(unusable.begin(), unusable.end(), cert.serial) != unusable.end())
                text_wrapped_sized(ui.t(TextId::ConsoleCertUnusable), size::kSmall, color::kError);
        }
        ImGui::Unindent(22);
    }
    // Not real yet: the simulation persists exactly two PCs (one database each).
    ImGui::BeginDisabled();
    button(ui.t(TextId::ConsolePcAdd));
    ImGui::EndDisabled();
    item_tooltip(ui.t(TextId::ConsolePcAddDisabled));
    text_sized(ui.t(TextId::ConsoleBrowser), size::kDetail, color::kText);
    // Choosing a browser reloads the page: it waits while a step is saved, as on the sample-data panel.
    const BrowserKind kind = ui.session.desk().browser_kind();
    ImGui::BeginDisabled(ui.session.saving());
    for (BrowserKind k : {BrowserKind::Edge, BrowserKind::Chrome}) {
        if (k == BrowserKind::Chrome) ImGui::SameLine();
        const TextId label = k == BrowserKind::Edge ? TextId::SampleBrowserEdge : TextId::SampleBrowserChrome;
        const std::string id = std::string(ui.t(label)) + "##console_browser";
        if (radio_button(id.c_str(), kind == k) && kind != k) ui.emit(cmd::SetBrowserKind{k});
    }
    ImGui::EndDisabled();
}

void draw_console_shortcuts(const Ui& ui) {
    for (DeskPanel p : {DeskPanel::CustomerCard, DeskPanel::SampleData, DeskPanel::Token, DeskPanel::Mailbox, DeskPanel::Branch})
        if (button(formatf(ui.t(TextId::ConsoleOpenPanel), ui.t(panel_name(p))).c_str())) ui.emit(cmd::OpenPanel{p});
}

void draw_console_audit(const Ui& ui) {
    const AuditLog& log = ui.session.bank_view()->audit();
    const std::size_t n = log.entries().size();
    small(formatf(ui.t(TextId::ConsoleAuditEntries), static_cast<unsigned>(n),
                  static_cast<unsigned>(std::min(n, kAuditRowsShown)))
              .c_str());
    if (button(ui.t(TextId::ConsoleAuditVerify))) ui.emit_console(console::VerifyAudit{});
    ImGui::SameLine();
    if (button(ui.t(TextId::ConsoleAuditExport))) ui.emit_console(console::ExportAudit{});
    for (std::size_t i = n; i-- > 0 && n - i <= kAuditRowsShown;) {
        const AuditEntry& e = log.entries()[i];
        const std::string row = format_date_time(e.time, ui.lang()) + "  " + ui.t(audit_action_text(e.action)) + "  " +
                                e.target + "  " + ui.t(result_text(e.result));
        text_wrapped_sized(row.c_str(), size::kSmall, e.result == FlowResult::Ok ? color::kText : color::kError);
    }
}

void draw_console_progress(const Ui& ui, const DemoConsole& c) {
    ImGui::BeginDisabled(c.busy());
    if (button(ui.t(TextId::ConsoleExport))) ui.emit_console(console::ExportWorld{});
    ImGui::SameLine();
    if (button(ui.t(TextId::ConsoleImport))) ui.emit_console(console::ImportWorld{});
    ImGui::EndDisabled();
}

}  // namespace cp::ui
