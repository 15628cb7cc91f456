// certportal portal: the commands screens emit. Each is a small struct; a flow's commands form one
// std::variant, so the flow's apply() must handle every one (std::visit with an overload set) and
// a screen cannot send a command to a flow that does not take it.
//
//   SessionCommand  the page and the simulated desk: start or leave a flow, switch PC, panels
//   AdminCommand    the administrator's flow (flows/admin_flow.h): login, menu, user grid, reissue
//
// Text typed into fields is not in the commands: screens edit the active flow's form buffers in
// place (portal/text_field.h) and a Submit command tells the flow to read them.
#pragma once

#include <string>
#include <variant>

#include "bank/bank.h"

namespace cp {

// --- the page and the simulated desk -----------------------------------------------------------
enum class PcId : std::uint8_t { Admin = 0, User = 1 };  // 管理者のパソコン, 利用者のパソコン
enum class DeskPanel : std::uint8_t { None = 0, SampleData, CustomerCard };

namespace cmd {
struct StartAdminLogin {};           // 電子証明書方式 管理者ログイン on the top page
struct LeaveFlow {};                 // back to the top page (閉じる, キャンセル, after an error, ログオフ)
struct SwitchPc { PcId pc; };        // sit at the other simulated PC (leaves the running flow)
struct OpenPanel { DeskPanel panel; };  // DeskPanel::None closes it
struct ReportCardLost {};            // the お客様カード viewer: simulate losing the card
struct AdvanceClock { std::int32_t days; };  // the sample-data panel: time passes (ends the running flow)
struct DismissSaveError {};
}  // namespace cmd

using SessionCommand = std::variant<cmd::StartAdminLogin, cmd::LeaveFlow, cmd::SwitchPc, cmd::OpenPanel,
                                    cmd::ReportCardLost, cmd::AdvanceClock, cmd::DismissSaveError>;

// --- the administrator's flow ------------------------------------------------------------------
// メイン | ご契約先認証情報変更 | ご契約先管理情報変更
enum class MenuTab : std::uint8_t { Main = 0, AuthenticationInfo, ManagementInfo };
// ▼ ご契約先ステータス表示 | ▶ 操作履歴監査
enum class MenuSection : std::uint8_t { Status = 0, AuditLog };

namespace cmd {
struct ChooseCertificate { std::string serial; };  // 証明書の選択 → OK
struct ShowCertificateProperties { std::string serial; };  // 証明書のプロパティ ("" closes)
struct GrantKeyAccess {};            // 許可 (中), or OK with the key's password (高: form.key_password)
struct DenyKeyAccess {};             // 拒否
struct SubmitContractPin {};         // ログオン (form.contract_pin)
struct ClearContractPin {};          // クリア
struct SubmitCardAnswers {};         // OK (form.card_first, form.card_second)
struct AcknowledgeNotices {};        // 次へ > (form.hide_notices: 全てのお知らせをしばらく表示しない)
struct SelectMenuTab { MenuTab tab; };
struct ToggleMenuSection { MenuSection section; };
struct VerifyAuditLog {};
struct OpenUserMaintenance {};       // 利用者情報登録／変更
struct SelectUser { std::string user_id; };  // the grid's radio
struct ShowMoreUsers {};             // もっと見る ▼
struct ToggleUserActions {};         // + 変更・登録抹消・各種設定・利用者ワンタイムパスワード
struct ChooseChange {};              // 変更 >
struct SetCertificateAction { UserCertificateAction action; };  // 継続 / 再発行 / 失効
struct SubmitCertificateAction {};   // OK (form.confirmation_pin, form.revoke_reason)
struct ReturnToMenu {};              // back to the menu from the user screens
}  // namespace cmd

using AdminCommand =
    std::variant<cmd::ChooseCertificate, cmd::ShowCertificateProperties, cmd::GrantKeyAccess, cmd::DenyKeyAccess,
                 cmd::SubmitContractPin, cmd::ClearContractPin, cmd::SubmitCardAnswers, cmd::AcknowledgeNotices,
                 cmd::SelectMenuTab, cmd::ToggleMenuSection, cmd::VerifyAuditLog, cmd::OpenUserMaintenance,
                 cmd::SelectUser, cmd::ShowMoreUsers, cmd::ToggleUserActions, cmd::ChooseChange,
                 cmd::SetCertificateAction, cmd::SubmitCertificateAction, cmd::ReturnToMenu>;

using Command = std::variant<SessionCommand, AdminCommand>;

// Wraps any command struct into Command (screens write emit(out, cmd::SubmitContractPin{})).
template <class T>
Command make_command(T c) {
    if constexpr (std::is_constructible_v<SessionCommand, T>) return Command{SessionCommand{std::move(c)}};
    else return Command{AdminCommand{std::move(c)}};
}

// std::visit helper: overloaded{[](A){...}, [](B){...}}.
template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

}  // namespace cp
