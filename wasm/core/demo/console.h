// certportal demo: the demo console's state and what its buttons do — the layer between the
// console's screen (wasm/ui/console/) and the session. The screen is a function of this state and
// the session; it emits ConsoleCommands (and plain session commands for the PC, the browser kind
// and the desk's panels); apply() carries them out.
//
// Scenarios: starting one replaces the running world (Session::reset); when the world holds
// progress (audit entries since its scenario was loaded) the console asks first. Clock: +1 日 …
// +1 年 and a typed date go through cmd::MoveClockTo, and the session's ClockReport is the "what
// happened" list. Files: the audit log as JSON, the whole world (sim/world_archive.h) and the TLS
// handshake viewer's capture and key log leave
// through the platform (take_download); an import asks the platform for a file (take_file_request)
// and the platform hands the bytes to import_file().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "demo/link_params.h"
#include "demo/scenarios.h"
#include "tls/capture.h"
#include "portal/session.h"
#include "sim/time_travel.h"

namespace cp {

namespace console {
struct Toggle {};                              // the console's tab: open / collapse
struct ChooseScenario { const Scenario* scenario; };  // 開始 (asks first, in the opened console, when progress would go)
struct Confirm { bool yes; };                  // 開始する / やめる
struct StepClock { ClockStep step; };          // +1 日 / +1 週 / +1 か月 / +1 年
struct MoveToDate {};                          // この日付まで進める (reads date_field())
struct VerifyAudit {};
struct ExportAudit {};                         // 監査ログを JSON で保存
struct ExportWorld {};                         // ファイルに書き出す
struct ImportWorld {};                         // ファイルから読み込む (the platform's file picker)
struct DismissMessage {};
struct DismissLinkProblems {};                 // the link's problems, read
struct ToggleShowMe {};                        // the guide's どこをクリックするか表示 / 表示をやめる
// The handshake viewer's キャプチャを保存（.pcapng） / 鍵ログを保存（.keys）: the capture it shows
// travels with the command (a login in the same frame cannot pull it away).
enum class HandshakeFile : std::uint8_t { Capture, KeyLog };
struct SaveHandshake { std::shared_ptr<const tls::Capture> capture; HandshakeFile file; };
}  // namespace console

using ConsoleCommand = std::variant<console::Toggle, console::ChooseScenario, console::Confirm, console::StepClock,
                                    console::MoveToDate, console::VerifyAudit, console::ExportAudit,
                                    console::ExportWorld, console::ImportWorld, console::DismissMessage,
                                    console::DismissLinkProblems, console::ToggleShowMe, console::SaveHandshake>;

// What the console last said (shown under its buttons until the next command).
enum class ConsoleMessage : std::uint8_t {
    None = 0,
    Busy,            // a reset or import is running
    Failed,          // result(): the session refused or the storage failed
    BadDate,         // the date field is not a date today or later
    Exported,        // bytes(): the file's size; sealed(): keys only this browser opens
    Imported,        // sealed(): certificates whose key does not open here
    ImportRefused,   // archive_error()
    AuditVerified,   // count(): entries checked
    AuditBroken,     // count(): the first entry that does not verify (1-based)
};

// The audit entries made since the running scenario was loaded (0: nothing would be lost).
std::size_t progress_entries(const AuditLog& log);
// The scenario the running world was started from (the seed world for one older than scenarios).
const Scenario& running_scenario(const AuditLog& log);
// "YYYY-MM-DD" → the same JST wall time as `now` on that day; false for anything else.
bool parse_console_date(std::string_view text, SimTime now, SimTime& out);

class DemoConsole {
public:
    struct Download {
        std::string filename;
        std::string mime;
        std::vector<std::uint8_t> bytes;  // the world file holds the CA key: wiped when taken over
    };

    // Collapsed at first (a tab at the top right): the desk keeps the whole screen until asked.
    explicit DemoConsole(bool open = false) : open_(open) {}
    ~DemoConsole();

    // The page's link (link_params.h): its problems are shown until dismissed; in kiosk mode the
    // console starts hidden.
    void set_link(const LinkParams& link);
    const std::vector<LinkProblem>& link_problems() const { return link_problems_; }
    bool kiosk() const { return kiosk_; }
    // The guide (demo/guide.h): its section opens with the console unless in kiosk mode; `guide=1`
    // opens the console at once. show_me(): outline what the current step clicks.
    bool guide_first() const { return !kiosk_; }
    bool show_me() const { return show_me_; }

    bool open() const { return open_; }
    const Scenario* confirming() const { return confirming_; }
    bool busy() const { return busy_; }
    // The date input's buffer (ImGui edits it in place, as the flows' View buffers).
    char* date_field() { return date_.data(); }
    std::size_t date_field_size() const { return date_.size(); }

    ConsoleMessage message() const { return message_; }
    FlowResult result() const { return result_; }
    ArchiveError archive_error() const { return archive_error_; }
    std::size_t count() const { return count_; }
    std::size_t bytes() const { return bytes_; }
    std::size_t sealed() const { return sealed_; }

    // Applies one command; true when anything shown may have changed.
    bool apply(const ConsoleCommand& command, Session& session);
    // Starts `scenario` now, without asking (links, the kiosk's idle reset).
    void start(const Scenario& scenario, Session& session);
    // The file the platform's picker returned.
    void import_file(std::span<const std::uint8_t> file, Session& session);

    // Kiosk mode: after idle_minutes() without input the world is reset to the kiosk's scenario
    // (the link's, or the seed world), after a visible countdown that any input cancels.
    // note_input(): every input event, with a monotonic clock in seconds. idle_tick(): every
    // frame; starts the reset when the time is up and returns in how many seconds the next frame
    // is needed (the countdown's next second, or the countdown's start; 0: nothing to wait for —
    // not in kiosk mode, or a reset running). countdown(): seconds left while counting down, else 0.
    static constexpr double kCountdownSeconds = 10.0;
    double idle_minutes() const { return idle_minutes_; }
    const Scenario& kiosk_scenario() const { return *kiosk_scenario_; }
    void note_input(double now);
    double idle_tick(double now, Session& session);
    int countdown() const { return countdown_; }

    // The platform's outbox: a file to download, a file picker to open (each taken once).
    std::optional<Download> take_download();
    bool take_file_request();

private:
    void say(ConsoleMessage m) { message_ = m; }
    bool step_clock(SimTime to, Session& session);

    bool open_ = false;
    bool kiosk_ = false;
    bool show_me_ = false;
    double idle_minutes_ = kDefaultIdleMinutes;
    const Scenario* kiosk_scenario_ = &scenarios().front();
    double last_input_ = -1.0;  // < 0: not yet (the first tick starts the idle time)
    int countdown_ = 0;
    std::vector<LinkProblem> link_problems_;
    const Scenario* confirming_ = nullptr;
    bool busy_ = false;
    std::array<char, 16> date_{};
    ConsoleMessage message_ = ConsoleMessage::None;
    FlowResult result_ = FlowResult::Ok;
    ArchiveError archive_error_ = ArchiveError::None;
    std::size_t count_ = 0, bytes_ = 0, sealed_ = 0;
    std::optional<Download> download_;
    bool file_request_ = false;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

// The viewer's files (tls/pcapng.h): the capture with the key log embedded as a Decryption Secrets
// Block, or the NSS key log alone (Wireshark's SSLKEYLOGFILE), named for the TLS version and outcome.
DemoConsole::Download handshake_download(const tls::Capture& capture, console::HandshakeFile file);

template <class T>
ConsoleCommand make_console_command(T c) { return ConsoleCommand{std::move(c)}; }

}  // namespace cp
