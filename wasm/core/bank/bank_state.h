// certportal bank: the bank's data — contract, administrator, users, customer card, tokens,
// certificate records, mailbox, branch requests, audit. Plain data: the rules live in Bank
// (bank.h), the procedures in procedures/, the encoding in bank_codec.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bank/audit_log.h"
#include "bank/bank_config.h"
#include "bank/certificate_authority.h"
#include "bank/clock.h"
#include "bank/customer_card.h"
#include "bank/holder.h"
#include "bank/pin_hash.h"
#include "bank/totp.h"

namespace cp {

// The named online-service columns of the seed's 利用者情報の編集 grid, in its order. (The grid
// has further columns hidden behind もっと見る whose names the seed does not show.)
enum class Permission : std::uint8_t {
    BalanceInquiry,              // 残高照会
    DepositWithdrawalInquiry,    // 入出金照会
    TransactionHistoryInquiry,   // 取引履歴照会
    FundsTransfer,               // 資金移動
    TransferReservationInquiry,  // 資金移動予約照会
    TransferReservationCancel,   // 資金移動予約取消
    CollectionService,           // 取納サービス
    CollectionHistoryInquiry,    // 取納サービス取引履歴照会
    ExternalSystemSend,          // 外部システム送信
    ExternalSystemInquiry,       // 外部システム照会
    BulkTransfer,                // 総合振込
    Count_
};
using PermissionSet = std::uint32_t;
constexpr PermissionSet permission_bit(Permission p) { return PermissionSet{1} << static_cast<unsigned>(p); }
inline constexpr PermissionSet kAllPermissions = (PermissionSet{1} << static_cast<unsigned>(Permission::Count_)) - 1;

// 電子証明書ステータス as the admin's screen shows it. None: never issued.
enum class CertStatus : std::uint8_t { None = 0, Valid, PendingPickup, Revoked, Expired };
const char* cert_status_name(CertStatus status);

// Mails already sent for the current certificate (so each goes out once).
enum MailSentBits : std::uint8_t { kMailFirstReminder = 1, kMailSecondReminder = 2, kMailExpired = 4 };

struct CertificateRecord {
    std::uint32_t issue_number = 0;  // 電子証明書発行番号 (shown as 001)
    CertStatus status = CertStatus::None;  // stored; Expired is derived with effective_status()
    SimTime registered_at = 0;       // 電子証明書発行データ登録日 (issue / reissue)
    std::string serial;              // 電子証明書シリアル番号 of the current certificate
    SimTime not_after = 0;           // 電子証明書有効期間終了日時
    SimTime pickup_deadline = 0;     // end of 取得可能期間 while PendingPickup
    std::uint8_t mails_sent = 0;     // MailSentBits
    bool operator==(const CertificateRecord&) const = default;
};

// Valid turns into Expired at not_after.
// RFC 5280: a certificate is valid through its notAfter second inclusive, expired after it. The
// PKI's verifier (pki/verify.h) says the same, so the bank and the login check never disagree.
inline bool is_past_expiry(SimTime not_after, SimTime now) { return now > not_after; }
CertStatus effective_status(const CertificateRecord& record, SimTime now);
// The end of the record's 取得可能期間 while its certificate awaits pickup, 0 otherwise.
inline SimTime pending_pickup_deadline(const CertificateRecord& record) {
    return record.status == CertStatus::PendingPickup ? record.pickup_deadline : 0;
}

struct User {
    std::string id;                  // 利用者ID
    std::string name;                // 利用者名
    PermissionSet permissions = 0;
    bool usage_started = false;      // 利用開始
    bool suspended = false;          // 利用中止 (user lockout, or set by the admin)
    bool accident = false;           // 事故登録
    bool collection_blocked = false;         // 取納サービス封鎖
    bool collection_freeze_blocked = false;  // 取納サービス凍結封鎖
    PinHash pin;                     // 利用者暗証番号
    std::uint32_t pin_failures = 0;  // consecutive wrong PINs / one-time passwords
    TotpToken token;                 // unregistered: cannot pick up a certificate
    CertificateRecord certificate;
    SimTime last_login = 0;
    bool operator==(const User&) const = default;
};

struct Contract {
    std::string id;                  // 契約者ID, 11 digits
    std::string company;             // しんきん商事（株）
    std::string branch;              // お取引店
    std::string bank_code;           // 金融機関コード; the admin certificate's name suffix
    PinHash contract_pin;            // ご契約先暗証番号
    PinHash confirmation_pin;        // ご契約先確認暗証番号
    std::uint32_t contract_pin_failures = 0;
    std::uint32_t confirmation_pin_failures = 0;
    std::uint32_t card_failures = 0;
    bool locked = false;             // all of the contract: admin and users
    CustomerCard card;
    CertificateRecord admin_certificate;
    SimTime notices_hidden_until = 0;
    SimTime last_admin_login = 0;
    bool operator==(const Contract&) const = default;
};

enum class MailKind : std::uint8_t {
    RenewalReminder = 0,        // 電子証明書更新のお知らせ (N days before expiry)
    CertificateExpired,         // 電子証明書有効期限切れのご案内
    UserCertificateReissued,    // the admin reissued a user's certificate: pick it up
    AdminCertificateReissued,   // the branch reissued the admin certificate: pick it up
    CardReissued,               // the new お客様カード is on its way
    ContractUnlocked,           // 暗証番号閉塞解除
    Count_
};
const char* mail_kind_name(MailKind kind);

struct Mail {
    std::uint32_t id = 0;
    SimTime sent_at = 0;
    MailKind kind = MailKind::RenewalReminder;
    Holder holder = Holder::admin();  // the administrator (also for the contract), or a user
    SimTime about = 0;          // the expiry or deadline the mail talks about (0: none)
    bool read = false;
    bool operator==(const Mail&) const = default;
};

// 重要なお知らせ at 管理者ログオン.
enum class NoticeKind : std::uint8_t {
    ChangeContractPin = 0,       // 定期的に「ご契約先暗証番号」の変更をお願いします
    ChangeConfirmationPin,       // 定期的に「ご契約先確認暗証番号」の変更をお願いします
    RenewAdminCertificate,       // 電子証明書の更新をお願いします (inside the renewal window)
    Count_
};

// The paper forms handed in at the branch.
enum class BranchRequestKind : std::uint8_t {
    UnlockPins = 0,              // 暗証番号閉塞解除依頼書
    ReissueCard,                 // お客様カード再発行依頼書
    ReissueAdminCertificate,     // 電子証明書再発行依頼書
    Count_
};
const char* branch_request_kind_name(BranchRequestKind kind);

struct BranchRequest {
    std::uint32_t id = 0;
    BranchRequestKind kind = BranchRequestKind::UnlockPins;
    SimTime submitted_at = 0;
    SimTime ready_at = 0;        // processed when the clock reaches it
    bool done = false;
    bool operator==(const BranchRequest&) const = default;
};

// A certificate the CA issued that the bank has not yet seen installed (docs/domain.md, "Issuance:
// what the bank records before a PC installs"): saved in the bank before the PC writes the
// certificate, confirmed (Bank::confirm_installation) once the PC's store holds it, or revoked
// (Bank::report_install_failed) when it does not. The holder's CertificateRecord changes only at
// the confirmation: until then a pickup stays 取得待ち and a renewal's old certificate stays current.
enum class IssuanceKind : std::uint8_t {
    Pickup = 0,   // the user's 取得 or 管理者電子証明書取得: the record was PendingPickup
    Renewal = 1,  // 証明書更新: the record's certificate is replaced at the confirmation
    Count_
};
struct Issuance {
    std::string serial;
    Holder holder = Holder::admin();
    std::string pc;       // the PC whose store installs it (kAdminPcName / kUserPcName)
    IssuanceKind kind = IssuanceKind::Pickup;
    SimTime issued_at = 0;
    SimTime not_after = 0;
    bool operator==(const Issuance&) const = default;
};

struct BankState {
    BankConfig config;
    SimTime now = 0;
    Contract contract;
    std::vector<User> users;
    std::vector<Mail> mailbox;
    std::vector<BranchRequest> branch_requests;
    std::uint32_t next_mail_id = 1;
    std::uint32_t next_request_id = 1;
    AuditLog audit;
    std::vector<Issuance> issuances;  // issued, awaiting installation (record format 2 on)
};

}  // namespace cp
