// certportal portal: the commands screens emit. Each is a small struct; a flow's commands form one
// std::variant, so the flow's apply() must handle every one (std::visit with an overload set) and
// a screen cannot send a command to a flow that does not take it.
//
//   SessionCommand  the page and the simulated desk: start or leave a flow, switch PC, panels
//   AdminCommand    the administrator's flow (flows/admin_flow.h): login, menu, user grid, reissue
//   UserCommand     the user's flow (flows/user_flow.h): pickup (both paths), 利用者ログイン
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
enum class DeskPanel : std::uint8_t { None = 0, SampleData, CustomerCard, Token };
// The simulated browser (a setting of the sample-data panel): the seed's download UI differs, and
// only Edge has Internet Explorer モード.
enum class BrowserKind : std::uint8_t { Edge = 0, Chrome = 1 };

namespace cmd {
struct StartAdminLogin {};           // 電子証明書方式 管理者ログイン on the top page
struct LeaveFlow {};                 // back to the top page (閉じる, キャンセル, after an error, ログオフ)
struct SwitchPc { PcId pc; };        // sit at the other simulated PC (leaves the running flow)
struct OpenPanel { DeskPanel panel; };  // DeskPanel::None closes it
struct ReportCardLost {};            // the お客様カード viewer: simulate losing the card
struct AdvanceClock { std::int32_t days; };  // the sample-data panel: time passes (ends the running flow)
struct DismissSaveError {};
// issue 9: the user's side.
struct StartUserPickup {};           // 電子証明書取得 (初めての方はこちらから): 利用者のパソコン only
struct StartUserLogin {};            // 電子証明書方式 利用者ログイン
struct SetBrowserKind { BrowserKind kind; };  // Edge / Chrome (leaves IE mode and the running flow)
struct ReloadInIeMode {};            // 「…」 → 「Internet Explorer モードで再読み込みする」 (Edge)
struct CloseIeBanner {};             // 完了 on 「このページは Internet Explorer モードで開かれています」
struct LeaveIeMode {};               // 「Internet Explorer モードを終了」 (reloads the page normally)
}  // namespace cmd

using SessionCommand = std::variant<cmd::StartAdminLogin, cmd::LeaveFlow, cmd::SwitchPc, cmd::OpenPanel,
                                    cmd::ReportCardLost, cmd::AdvanceClock, cmd::DismissSaveError,
                                    cmd::StartUserPickup, cmd::StartUserLogin, cmd::SetBrowserKind,
                                    cmd::ReloadInIeMode, cmd::CloseIeBanner, cmd::LeaveIeMode>;

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

// --- the user's flow (issue 9) ---------------------------------------------------------------
// Its own namespace: the certificate login's commands have the administrator's names.
namespace cmd::user {
struct SubmitIds {};                 // 次へ (form.contract_id, form.user_id, form.user_pin)
struct SubmitOneTimePassword {};     // 電子証明書取得 (form.one_time_password)
struct Download {};                  // ダウンロード: the browser downloads ShinkinIBCertTool.exe
struct OpenDownload {};              // 「開く」 (Edge) / ShinkinIBCertTool.exe (Chrome): the app starts
struct Acquire {};                   // 取得 on the CA's page (the app must be running)
struct CloseApp {};                  // the app window's ×, or 閉じる after 取得完了
struct AnswerWebAccess { bool yes; };  // 「Webアクセスの確認」 はい / いいえ (IE mode)
struct ChooseCertificate { std::string serial; };  // 証明書の選択 → OK
struct ShowCertificateProperties { std::string serial; };  // 証明書のプロパティ ("" closes)
struct GrantKeyAccess {};            // 許可 (中), or OK with the key's password (高)
struct DenyKeyAccess {};             // 拒否
struct SubmitPin {};                 // ログオン (form.login_pin)
}  // namespace cmd::user

using UserCommand =
    std::variant<cmd::user::SubmitIds, cmd::user::SubmitOneTimePassword, cmd::user::Download, cmd::user::OpenDownload,
                 cmd::user::Acquire, cmd::user::CloseApp, cmd::user::AnswerWebAccess, cmd::user::ChooseCertificate,
                 cmd::user::ShowCertificateProperties, cmd::user::GrantKeyAccess, cmd::user::DenyKeyAccess,
                 cmd::user::SubmitPin>;

using Command = std::variant<SessionCommand, AdminCommand, UserCommand>;

// Wraps any command struct into Command (screens write emit(out, cmd::SubmitContractPin{})).
template <class T>
Command make_command(T c) {
    if constexpr (std::is_constructible_v<SessionCommand, T>) return Command{SessionCommand{std::move(c)}};
    else if constexpr (std::is_constructible_v<UserCommand, T>) return Command{UserCommand{std::move(c)}};
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
