// certportal portal: the desk the person sits at — the simulated PC (管理者のパソコン or 利用者の
// パソコン), the browser on it (Edge or Chrome, Internet Explorer モード and its banner, the bank's
// page shown while no flow runs) and the simulator's panel open beside it (サンプルデータ, お客様
// カード, the mailbox and the mail open in it, お取引店, the token).
//
// Why apart from the Session: this is where the person is and what they look at, not what the
// bank did. It is never saved (a page load starts at 管理者のパソコン's Edge on the top page, no
// panel open), and it changes only through the desk's commands below. What a command does to the
// running flow is the Session's, which owns the flows: the desk says only whether the page the
// flow ran on is gone (DeskResult::leaves) — a browser that loads a page, a person who stands up.
#pragma once

#include <cstdint>
#include <set>
#include <variant>

#include "bank/bank.h"
#include "portal/commands.h"
#include "procedures/user_pickup.h"

namespace cp {

// The commands the desk carries out (a part of SessionCommand; the Session hands them over).
using DeskCommand = std::variant<cmd::OpenSitePage, cmd::LeaveFlow, cmd::SwitchPc, cmd::OpenPanel, cmd::ReadMail,
                                 cmd::SetBrowserKind, cmd::ReloadInIeMode, cmd::CloseIeBanner, cmd::LeaveIeMode,
                                 cmd::ShowHandshake, cmd::ToggleHandshakeMessage>;

// What a desk command did.
struct DeskResult {
    // What the page left behind: Page, the browser loaded a page (the running flow ends); Pc, the
    // person sat at the other PC (the flow ends, and the browser's certificate manager closes).
    enum class Leaves : std::uint8_t { Nothing = 0, Page, Pc };
    bool changed = false;  // the desk shows something else
    Leaves leaves = Leaves::Nothing;
    FlowResult result = FlowResult::Ok;  // WrongStep: refused, nothing changed
};

class Desk {
public:
    PcId pc() const { return pc_; }
    DeskPanel panel() const { return panel_; }
    // The mail open in the mailbox panel (0: the list).
    std::uint32_t open_mail() const { return open_mail_; }
    // The bank's page shown while no flow runs (OpenSitePage). Leaving a flow (LeaveFlow), another
    // PC, a reload (IE mode, another browser) and a new world start again from the top page; a
    // clock move ends the flow and shows the page it was started from.
    SitePage site_page() const { return site_page_; }
    // The simulated browser: its kind (Edge / Chrome) and, for Edge, Internet Explorer モード and
    // its banner (「このページは Internet Explorer モードで開かれています」 until 完了).
    BrowserKind browser_kind() const { return browser_kind_; }
    bool ie_mode() const { return ie_mode_; }
    bool ie_banner_open() const { return ie_banner_; }
    // How a pickup started now gets its certificate: IE mode's web page or the acquisition app.
    AcquisitionPath acquisition_path() const {
        return ie_mode_ ? AcquisitionPath::InternetExplorerMode : AcquisitionPath::AcquisitionApp;
    }

    // The TLS handshake viewer over the desk (the simulator's, not the PC's: it stays open across
    // PCs and pages), and which of its message rows are opened to their fields and bytes (indices
    // into the transcript; all closed again when the viewer opens).
    bool handshake_open() const { return handshake_open_; }
    bool handshake_message_open(std::size_t index) const { return handshake_rows_.count(index) != 0; }

    // `world`: the bank a mail is read in, nullptr while the world is not ready (ReadMail is then
    // refused).
    DeskResult apply(const DeskCommand& command, Bank* world);
    // A new world opens on the top page, as a reload does.
    void show_top_page() { site_page_ = SitePage::Top; }

private:
    // A reload of the browser (another kind, IE mode on or off): the top page.
    DeskResult reload(BrowserKind kind, bool ie_mode);

    PcId pc_ = PcId::Admin;
    DeskPanel panel_ = DeskPanel::None;
    SitePage site_page_ = SitePage::Top;
    std::uint32_t open_mail_ = 0;
    BrowserKind browser_kind_ = BrowserKind::Edge;
    bool ie_mode_ = false;
    bool ie_banner_ = false;
    bool handshake_open_ = false;
    std::set<std::size_t> handshake_rows_;
};

// Whether `command` waits while a save is in flight: everything the desk draws disabled then (the
// bank's page, the browser's menus, the panels that act on the bank). The Session refuses those.
bool waits_for_save(const SessionCommand& command);

}  // namespace cp
