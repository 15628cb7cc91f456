// certportal portal: 証明書更新 on screen (seed 000 (6)-(12)) — one flow for the administrator's
// renewal and a user's own (seed 000 A3), owned by the flow that is logged on (AdminFlow,
// UserFlow). It owns the procedure (procedures/certificate_renewal.h), the セキュリティレベルの設定
// dialog's state (the level chosen: SetProtectionChoice), the View its password fields are typed
// into, and the new key's password (typed twice, carried by CloseProtectionSettings, kept until OK
// starts the issue).
//
//   screen()   the renewal's step, plus whether the settings dialog is open: a switch with no
//              default over the procedure's Step; kRenewalScreens says page or dialog.
//   apply()    the renewal's commands but OpenRenewal / CloseRenewal, which the owner handles
//              (apply_renewal_command below: the owner knows the login and the window).
// Destroying it before Done cancels the procedure (the page closed mid-way: old or new, never
// half) and wipes the passwords.
#pragma once

#include <array>
#include <functional>
#include <memory>

#include "portal/commands.h"
#include "portal/flows/screen_table.h"
#include "portal/text_field.h"
#include "procedures/certificate_renewal.h"

namespace cp {

class RenewalFlow {
public:
    enum class Screen : std::uint8_t {
        Start,               // 電子証明書の更新: what renewing does → 更新
        WebAccess,           // OS dialog: 「この Web サイトはユーザーの代わりに…」 はい / いいえ (before issuing)
        Protection,          // OS dialog: 「アプリケーションは保護されたアイテムを作成しています。」
        ProtectionSettings,  // OS dialog: セキュリティレベルの設定 (高 with a password twice / 中 / 低)
        Issuing,             // 電子証明書発行処理中, with the PC's and the bank's progress
        Install,             // OS dialog: the same question again → はい installs
        Done,                // 電子証明書のインストールが完了しました → このウィンドウを閉じる
        Failed,              // いいえ / キャンセル / a PC failure: nothing installed, the old one still works
        Count_
    };
    enum class Field : std::uint8_t { NewKeyPassword, NewKeyPasswordAgain, Count_ };
    // Written by the screens only (docs/architecture.md, "Where state lives"): セキュリティレベル
    // 高's password, twice, as it is being typed (OK carries both).
    struct View {
        PinField new_key_password;
        PinField new_key_password_again;
    };

    explicit RenewalFlow(std::unique_ptr<CertificateRenewal> renewal);
    ~RenewalFlow();
    RenewalFlow(const RenewalFlow&) = delete;
    RenewalFlow& operator=(const RenewalFlow&) = delete;

    Screen screen() const;
    // The current screen is an OS dialog (kRenewalScreens below).
    bool dialog_open() const;
    FlowResult apply(const RenewalCommand& command);

    const CertificateRenewal& renewal() const { return *renewal_; }
    // The protection the new key gets (Protection shows it): 中 unless the settings changed it.
    KeyProtection protection() const { return protection_; }
    View& view() { return view_; }
    const View& view() const { return view_; }
    // The settings dialog's radio (SetProtectionChoice; OpenProtectionSettings starts it at protection()).
    KeyProtection protection_choice() const { return protection_choice_; }
    InputError field_error(Field f) const { return field_errors_[static_cast<std::size_t>(f)]; }

private:
    FlowResult close_settings(const cmd::CloseProtectionSettings& c);
    void set_field_error(Field f, InputError e) { field_errors_[static_cast<std::size_t>(f)] = e; }

    std::unique_ptr<CertificateRenewal> renewal_;
    bool settings_open_ = false;
    KeyProtection protection_ = KeyProtection::Medium;
    PinField password_;  // 高: kept from the settings dialog until OK starts the issue
    View view_;
    KeyProtection protection_choice_ = KeyProtection::Medium;
    std::array<InputError, static_cast<std::size_t>(Field::Count_)> field_errors_{};
};

// The renewal's screens (flows/screen_table.h).
inline constexpr ScreenRow<RenewalFlow::Screen> kRenewalScreens[] = {
    {RenewalFlow::Screen::Start, ScreenKind::Page, "Start"},
    {RenewalFlow::Screen::WebAccess, ScreenKind::Dialog, "WebAccess"},
    {RenewalFlow::Screen::Protection, ScreenKind::Dialog, "Protection"},
    {RenewalFlow::Screen::ProtectionSettings, ScreenKind::Dialog, "ProtectionSettings"},
    {RenewalFlow::Screen::Issuing, ScreenKind::Page, "Issuing"},
    {RenewalFlow::Screen::Install, ScreenKind::Dialog, "Install"},
    {RenewalFlow::Screen::Done, ScreenKind::Page, "Done"},
    {RenewalFlow::Screen::Failed, ScreenKind::Page, "Failed"},
};
static_assert(rows_in_screen_order(kRenewalScreens));

// A holder's screen of `kind` is an OS dialog: a Dialog row, or a Renewal row while the running
// renewal (`renewal`, nullptr when none) shows one.
inline bool screen_is_dialog(ScreenKind kind, const RenewalFlow* renewal) {
    return kind == ScreenKind::Dialog || (kind == ScreenKind::Renewal && renewal != nullptr && renewal->dialog_open());
}

// The owner's part of a RenewalCommand: OpenRenewal replaces `slot` by a new renewal from `make`
// (logged on and inside the holder's renewal window only), CloseRenewal ends it; the rest go to
// the renewal in `slot`.
FlowResult apply_renewal_command(std::unique_ptr<RenewalFlow>& slot, const RenewalCommand& command, bool logged_in,
                                 bool in_window, const std::function<std::unique_ptr<CertificateRenewal>()>& make);

}  // namespace cp
