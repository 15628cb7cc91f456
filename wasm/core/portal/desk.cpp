#include "portal/desk.h"

#include <algorithm>

namespace cp {

DeskResult Desk::reload(BrowserKind kind, bool ie_mode) {
    site_page_ = SitePage::Top;
    browser_kind_ = kind;
    ie_mode_ = ie_banner_ = ie_mode;
    return {true, DeskResult::Leaves::Page};
}

DeskResult Desk::apply(const DeskCommand& command, Bank* world) {
    using Leaves = DeskResult::Leaves;
    return std::visit(
        overloaded{
            [&](const cmd::OpenSitePage& c) {
                // The site's navigation loads a page: a running flow ends even on the same page.
                const bool other = c.page != site_page_;
                site_page_ = c.page;
                return DeskResult{other, Leaves::Page};
            },
            [&](const cmd::LeaveFlow&) {
                site_page_ = SitePage::Top;  // 閉じる, キャンセル, ログオフ: the bank's top page
                return DeskResult{true, Leaves::Page};
            },
            [&](const cmd::SwitchPc& c) {
                if (c.pc == pc_) return DeskResult{};
                // The person stands up: whatever was open on this PC's screen is gone, and the other
                // PC's browser opens normally.
                pc_ = c.pc;
                site_page_ = SitePage::Top;
                ie_mode_ = ie_banner_ = false;
                return DeskResult{true, Leaves::Pc};
            },
            [&](const cmd::OpenPanel& c) {
                if (c.panel == panel_) return DeskResult{};
                panel_ = c.panel;
                open_mail_ = 0;
                return DeskResult{true};
            },
            [&](const cmd::ReadMail& c) {
                if (world == nullptr) return DeskResult{false, Leaves::Nothing, FlowResult::WrongStep};
                const auto& mailbox = world->state().mailbox;
                const bool found = std::any_of(mailbox.begin(), mailbox.end(), [&](const Mail& m) { return m.id == c.mail_id; });
                open_mail_ = found ? c.mail_id : 0;  // mail_id 0 (or a mail not there): back to the list
                if (open_mail_ != 0) world->mark_mail_read(open_mail_);  // a change to save: Bank::revision()
                return DeskResult{true};
            },
            [&](const cmd::SetBrowserKind& c) {
                if (c.kind == browser_kind_) return DeskResult{};
                return reload(c.kind, false);  // another browser: the page opens again from the top
            },
            [&](const cmd::ReloadInIeMode&) {
                // Chrome has no IE mode (the seed: この方法で取得する場合は Microsoft Edge をご利用ください).
                if (browser_kind_ != BrowserKind::Edge || ie_mode_)
                    return DeskResult{false, Leaves::Nothing, FlowResult::WrongStep};
                return reload(browser_kind_, true);
            },
            [&](const cmd::CloseIeBanner&) {
                if (!ie_banner_) return DeskResult{};
                ie_banner_ = false;
                return DeskResult{true};
            },
            [&](const cmd::LeaveIeMode&) {
                if (!ie_mode_) return DeskResult{};
                return reload(browser_kind_, false);  // the page loads again, normally
            },
            [&](const cmd::ShowHandshake& c) {
                if (c.open == handshake_open_) return DeskResult{};
                handshake_open_ = c.open;
                handshake_rows_.clear();
                return DeskResult{true};
            },
            [&](const cmd::ToggleHandshakeMessage& c) {
                if (!handshake_open_) return DeskResult{false, Leaves::Nothing, FlowResult::WrongStep};
                if (handshake_rows_.erase(c.index) == 0) handshake_rows_.insert(c.index);
                return DeskResult{true};
            },
        },
        command);
}

// While a save is in flight the bank's page, its dialogs and the panels that act on the bank wait
// (the desk draws them disabled); the simulator's own controls do not: the clock (a move is taken
// by the next save), the taskbar's PC and panels, and dismissing a failed save.
bool waits_for_save(const SessionCommand& command) {
    return std::visit(overloaded{
                          [](const cmd::AdvanceClock&) { return false; },
                          [](const cmd::MoveClockTo&) { return false; },
                          [](const cmd::SwitchPc&) { return false; },
                          [](const cmd::OpenPanel&) { return false; },
                          [](const cmd::DismissSaveError&) { return false; },
                          [](const cmd::ShowHandshake&) { return false; },  // the viewer reads no bank
                          [](const cmd::ToggleHandshakeMessage&) { return false; },
                          [](const auto&) { return true; },
                      },
                      command);
}

}  // namespace cp
