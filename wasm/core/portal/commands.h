// certportal portal: the commands screens emit. Each is a small struct; a flow's commands form one
// std::variant, so the flow's apply() must handle every one (std::visit with an overload set) and
// a screen cannot send a command to a flow that does not take it.
//
//   SessionCommand  the page and the simulated desk: start or leave a flow, switch PC, panels
//   AdminCommand    the administrator's flow (flows/admin_flow.h): login, menu, user grid, reissue
//   RenewalCommand  証明書更新 (flows/renewal_flow.h), in the administrator's or the user's flow
//   ManagerCommand  the browser's certificate manager (flows/certificate_manager_flow.h)
//   PickupCommand   管理者電子証明書取得 after a branch reissue (flows/admin_pickup_flow.h)
//   UserCommand     the user's flow (flows/user_flow.h): pickup (both paths), 利用者ログイン
//
// Every change of state a replay or a test needs is one of these (docs/architecture.md, "Where
// state lives"). Text typed into fields travels in the command that submits it: plain text as
// std::string, secrets as cp::Secret (portal/text_field.h), which a recording writes only as
// "given" or "empty". What is being typed, and pure view details, sit in the flow's View.
#pragma once

#include <string>
#include <variant>

#include "bank/bank.h"
#include "pc/pc_id.h"
#include "portal/text_field.h"

namespace cp {

// --- the page and the simulated desk -----------------------------------------------------------
enum class DeskPanel : std::uint8_t { None = 0, SampleData, CustomerCard, Mailbox, Branch, Token };
// The simulated browser (a setting of the sample-data panel): the seed's download UI differs, and
// only Edge has Internet Explorer モード.
enum class BrowserKind : std::uint8_t { Edge = 0, Chrome = 1 };
// The bank's pages before a login (seed 001 part 2 (4)'s screenshots): the top page with its two
// buttons, and the page each leads to — 利用者ログイン's (電子証明書取得 (初めての方はこちらから),
// よくあるご質問, 電子証明書方式 利用者ログイン, ご契約先向け簡易マニュアル) and 管理者ログイン's
// (電子証明書方式 管理者ログイン, 管理者電子証明書取得).
enum class SitePage : std::uint8_t { Top = 0, UserLogin, AdminLogin };

namespace cmd {
struct OpenSitePage { SitePage page; };  // 利用者ログイン / 管理者ログイン on the top page; トップページへ戻る
struct StartAdminLogin {};           // 電子証明書方式 管理者ログイン on 管理者ログイン's page
struct LeaveFlow {};                 // back to the top page (閉じる, キャンセル, after an error, ログオフ)
struct SwitchPc { PcId pc; };        // sit at the other simulated PC (leaves the running flow)
struct OpenPanel { DeskPanel panel; };  // DeskPanel::None closes it
struct ReportCardLost {};            // the お客様カード viewer: simulate losing the card
struct AdvanceClock { std::int32_t days; };  // the sample-data panel: time passes (ends the running flow)
struct MoveClockTo { SimTime to; };  // the demo console: +1 日 … +1 年 or a date (ends the running flow)
struct DismissSaveError {};
struct ReadMail { std::uint32_t mail_id; };  // the mailbox: opening a mail marks it read
struct SubmitBranchRequest { BranchRequestKind kind; };  // お取引店: hand in a paper form
struct StartAdminPickup {};          // 管理者電子証明書取得 on 管理者ログイン's page (after a branch reissue)
struct OpenInternetOptions {};       // the browser's ツール → インターネットオプション(O)
struct CloseInternetOptions {};      // its OK / キャンセル
struct StartUserPickup {};           // 電子証明書取得 (初めての方はこちらから) on 利用者ログイン's page: 利用者のパソコン only
struct StartUserLogin {};            // 電子証明書方式 利用者ログイン on 利用者ログイン's page
struct SetBrowserKind { BrowserKind kind; };  // Edge / Chrome (leaves IE mode and the running flow)
struct ReloadInIeMode {};            // 「…」 → 「Internet Explorer モードで再読み込みする」 (Edge)
struct CloseIeBanner {};             // 完了 on 「このページは Internet Explorer モードで開かれています」
struct LeaveIeMode {};               // 「Internet Explorer モードを終了」 (reloads the page normally)
// The TLS handshake viewer (ui/tls/) of the last certificate login: TLS ハンドシェイクを見る / 閉じる,
// and a message's row opened to its fields and bytes (or closed again).
struct ShowHandshake { bool open; };
struct ToggleHandshakeMessage { std::uint16_t index; };
}  // namespace cmd

using SessionCommand = std::variant<cmd::StartAdminLogin, cmd::LeaveFlow, cmd::SwitchPc, cmd::OpenPanel,
                                    cmd::ReportCardLost, cmd::AdvanceClock, cmd::MoveClockTo, cmd::DismissSaveError, cmd::ReadMail,
                                    cmd::SubmitBranchRequest, cmd::StartAdminPickup, cmd::OpenInternetOptions,
                                    cmd::CloseInternetOptions, cmd::StartUserPickup, cmd::StartUserLogin,
                                    cmd::SetBrowserKind, cmd::ReloadInIeMode, cmd::CloseIeBanner, cmd::LeaveIeMode,
                                    cmd::OpenSitePage, cmd::ShowHandshake, cmd::ToggleHandshakeMessage>;

// --- the administrator's flow ------------------------------------------------------------------
// メイン | ご契約先認証情報変更 | ご契約先管理情報変更
enum class MenuTab : std::uint8_t { Main = 0, AuthenticationInfo, ManagementInfo };
// ▼ ご契約先ステータス表示 | ▶ 操作履歴監査
enum class MenuSection : std::uint8_t { Status = 0, AuditLog };
// 失効 asks why (the audit log keeps it): 紛失 / パソコン入替 / 退職 / その他.
enum class RevokeReason : std::uint8_t { None = 0, Lost, PcReplaced, LeftCompany, Other, Count_ };

namespace cmd {
struct ChooseCertificate { std::string serial; };  // 証明書の選択 → OK
struct ShowCertificateProperties { std::string serial; };  // 証明書のプロパティ ("" closes)
struct GrantKeyAccess { Secret password; };  // 許可 (中: no password), or OK with the key's password (高)
struct DenyKeyAccess {};             // 拒否
struct SubmitContractPin { Secret pin; };  // ログイン with ご契約先暗証番号
struct ClearContractPin {};          // クリア
struct SubmitCardAnswers { Secret first; Secret second; };  // OK with the card's two numbers
struct SetHideNotices { bool hide; };  // 全てのお知らせをしばらく表示しない (the checkbox)
struct AcknowledgeNotices {};        // 次へ > (with the checkbox as set)
struct SelectMenuTab { MenuTab tab; };
struct ToggleMenuSection { MenuSection section; };
struct VerifyAuditLog {};
struct OpenUserMaintenance {};       // 利用者情報登録／変更
struct SelectUser { std::string user_id; };  // the grid's radio
struct ShowMoreUsers {};             // もっと見る ▼
struct ToggleUserActions {};         // + 変更・登録抹消・各種設定・利用者ワンタイムパスワード
struct ChooseChange {};              // 変更 >
struct SetCertificateAction { UserCertificateAction action; };  // 継続 / 再発行 / 失効
struct SetRevokeReason { RevokeReason reason; };  // 失効's reason (the radios under 失効)
struct SubmitCertificateAction { Secret confirmation_pin; };  // OK (失効: with the reason as set)
struct ReturnToMenu {};              // back to the menu from the user screens (and このウィンドウを閉じる)
}  // namespace cmd

using AdminCommand =
    std::variant<cmd::ChooseCertificate, cmd::ShowCertificateProperties, cmd::GrantKeyAccess, cmd::DenyKeyAccess,
                 cmd::SubmitContractPin, cmd::ClearContractPin, cmd::SubmitCardAnswers, cmd::SetHideNotices,
                 cmd::AcknowledgeNotices, cmd::SelectMenuTab, cmd::ToggleMenuSection, cmd::VerifyAuditLog,
                 cmd::OpenUserMaintenance, cmd::SelectUser, cmd::ShowMoreUsers, cmd::ToggleUserActions, cmd::ChooseChange,
                 cmd::SetCertificateAction, cmd::SetRevokeReason, cmd::SubmitCertificateAction, cmd::ReturnToMenu>;

// --- 証明書更新 (seed 000 (6)-(12)), the administrator's or a user's own (flows/renewal_flow.h) ---
// The session hands them to the flow that is logged on; the same screens emit them for both.
namespace cmd {
struct OpenRenewal {};               // 証明書更新, or 電子証明書の更新はこちら in お知らせ
struct StartRenewal {};              // 更新
struct AnswerWebAccess { bool yes; };  // 「この Web サイトはユーザーの代わりに…」 はい / いいえ (both times)
struct OpenProtectionSettings {};    // セキュリティレベルの設定...
struct SetProtectionChoice { KeyProtection level; };  // the settings dialog's 高 / 中 / 低
// OK (高: with the new key's password, typed twice) / キャンセル
struct CloseProtectionSettings { bool accept; Secret password; Secret again; };
struct AnswerProtection { bool ok; };  // 保護されたアイテム: OK starts the issue / キャンセル ends the renewal
struct CloseRenewal {};              // このウィンドウを閉じる / back from the renewal's pages
}  // namespace cmd

using RenewalCommand = std::variant<cmd::OpenRenewal, cmd::StartRenewal, cmd::AnswerWebAccess, cmd::OpenProtectionSettings,
                                    cmd::SetProtectionChoice, cmd::CloseProtectionSettings, cmd::AnswerProtection,
                                    cmd::CloseRenewal>;

// --- the browser's certificate manager ----------------------------------------------------------
// 個人 / ほかの人 / 中間証明機関 / 信頼されたルート証明機関
enum class CertificateStoreTab : std::uint8_t { Personal = 0, OtherPeople, Intermediate, TrustedRoot };

namespace cmd {
struct ShowContentTab {};            // インターネットオプション's コンテンツ tab (it opens on 全般)
struct OpenCertificateList {};       // コンテンツ → 証明書(C)
struct CloseCertificateList {};      // 閉じる
struct SelectStoreTab { CertificateStoreTab tab; };
struct HighlightCertificate { std::string id; };   // a row of the list
struct ShowCertificateDetails { std::string id; };  // 表示 ("" closes the details)
struct DeleteCertificate {};         // 削除 (the highlighted one)
struct ConfirmDeletion { bool yes; };  // 「証明書を削除しますか？」 はい / いいえ
}  // namespace cmd

using ManagerCommand = std::variant<cmd::ShowContentTab, cmd::OpenCertificateList, cmd::CloseCertificateList, cmd::SelectStoreTab,
                                    cmd::HighlightCertificate, cmd::ShowCertificateDetails, cmd::DeleteCertificate,
                                    cmd::ConfirmDeletion>;

// --- 管理者電子証明書取得 (flows/admin_pickup_flow.h) ---------------------------------------------
namespace cmd {
struct SubmitPickupIds { std::string contract_id; Secret contract_pin; };  // 次へ
struct AnswerPickupWebAccess { bool yes; };  // 「この Web サイトはユーザーの代わりに…」 はい / いいえ
}  // namespace cmd

using PickupCommand = std::variant<cmd::SubmitPickupIds, cmd::AnswerPickupWebAccess>;


// --- the user's flow -----------------------------------------------------------------------------
// Its own namespace: the certificate login's commands have the administrator's names.
namespace cmd::user {
struct SubmitIds { std::string contract_id; std::string user_id; Secret pin; };  // 次へ (① ② ③)
struct SubmitOneTimePassword { Secret code; };  // 電子証明書取得
struct Download {};                  // ダウンロード: the browser downloads ShinkinIBCertTool.exe
struct OpenDownload {};              // 「開く」 (Edge) / ShinkinIBCertTool.exe (Chrome): the app starts
struct Acquire {};                   // 取得 on the CA's page (the app must be running)
struct CloseApp {};                  // the app window's ×, or 閉じる after 取得完了
struct AnswerWebAccess { bool yes; };  // 「Webアクセスの確認」 はい / いいえ (IE mode)
struct ChooseCertificate { std::string serial; };  // 証明書の選択 → OK
struct ShowCertificateProperties { std::string serial; };  // 証明書のプロパティ ("" closes)
struct GrantKeyAccess { Secret password; };  // 許可 (中: no password), or OK with the key's password (高)
struct DenyKeyAccess {};             // 拒否
struct SubmitPin { Secret pin; };    // ログイン with 利用者暗証番号
}  // namespace cmd::user

using UserCommand =
    std::variant<cmd::user::SubmitIds, cmd::user::SubmitOneTimePassword, cmd::user::Download, cmd::user::OpenDownload,
                 cmd::user::Acquire, cmd::user::CloseApp, cmd::user::AnswerWebAccess, cmd::user::ChooseCertificate,
                 cmd::user::ShowCertificateProperties, cmd::user::GrantKeyAccess, cmd::user::DenyKeyAccess,
                 cmd::user::SubmitPin>;

using Command = std::variant<SessionCommand, AdminCommand, ManagerCommand, PickupCommand, UserCommand, RenewalCommand>;

// Wraps any command struct into Command (screens write emit(out, cmd::SubmitContractPin{})).
template <class T>
Command make_command(T c) {
    if constexpr (std::is_constructible_v<SessionCommand, T>) return Command{SessionCommand{std::move(c)}};
    else if constexpr (std::is_constructible_v<ManagerCommand, T>) return Command{ManagerCommand{std::move(c)}};
    else if constexpr (std::is_constructible_v<PickupCommand, T>) return Command{PickupCommand{std::move(c)}};
    else if constexpr (std::is_constructible_v<UserCommand, T>) return Command{UserCommand{std::move(c)}};
    else if constexpr (std::is_constructible_v<RenewalCommand, T>) return Command{RenewalCommand{std::move(c)}};
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
