// certportal bank: the outcome of every bank operation and procedure step.
//
// One code per failure, as Mbed TLS does: the UI maps each code to a catalogue entry (the name
// returned by bank_result_name() is the intended TextId suffix, e.g. "BankContractLocked").
// Procedures never throw; a step that cannot proceed returns one of these and says which state
// it is in afterwards.
#pragma once

#include <cstdint>

namespace cp {

enum class [[nodiscard]] BankResult : std::uint8_t {
    Ok = 0,
    // --- input rejected before anything is looked at (see validation.h for the detailed reason)
    InvalidInput,
    // --- who and what
    UnknownContractOrUser,        // deliberately does not say which one is wrong
    UnknownUser,                  // admin menus only: the admin sees its own users
    UserAlreadyExists,
    // --- secrets and lockout
    WrongContractPin,             // ご契約先暗証番号
    WrongConfirmationPin,         // ご契約先確認暗証番号
    WrongUserPin,                 // 利用者暗証番号
    WrongCardAnswer,              // 確認用パスワード (customer card)
    ContractLocked,               // the whole contract, users included: only the branch unlocks
    UserSuspended,                // 利用中止 (user lockout or set by the admin)
    UserAccidentRegistered,       // 事故登録
    CardLost,                     // the card was reported lost: reissue through the branch
    // --- one-time password
    NoTokenRegistered,            // the admin must register a token (ワンタイムパスワード（トークン）の設定)
    WrongOneTimePassword,
    OneTimePasswordReused,        // 同じパスワードは連続して使用できません
    // --- certificates
    NotAdminCertificate,          // a user's certificate chosen at 管理者ログイン
    NotUserCertificate,           // the admin's certificate chosen at 利用者ログイン
    CertificateUnknown,           // not issued by this bank's CA (or not for this contract)
    CertificateExpired,
    CertificateRevoked,
    CertificateSuperseded,        // an older certificate of a holder who has a newer one
    AdminCertificateExpired,      // only the branch can reissue it (電子証明書再発行依頼書)
    NoPendingCertificate,         // nothing to pick up (no reissue, or already picked up)
    PickupWindowPassed,           // 取得可能期間 passed: the admin must reissue
    NotInRenewalWindow,
    AcquisitionAppNotRunning,     // 電子証明書取得アプリ not started
    InstallDeclined,              // 「いいえ」 at 「Webアクセスの確認」
    AppClosedDuringAcquisition,   // the app was closed mid-way: reissue needed
    IssuingFailed,                // the CA refused (PKI error, or a CSR without proof of possession)
    KeyGenerationFailed,          // the PC could not make the key pair or the CSR
    KeyProtectionFailed,          // the PC's device key (保護レベル 中) failed or refused: nothing stored
    KeyAccessDenied,              // 「アクセス許可の付与」 refused at the key-use prompt
    WrongKeyPassword,             // 保護レベル 高: the key's password is wrong (asked again)
    LoginProofInvalid,            // the login signature does not verify (key and certificate do not
                                  // belong together) or the challenge is not the bank's / was used
    // --- certificate manager
    DeletingOnlyValidCertificate, // warning: confirm again to really delete
    DeletingNewerCertificate,     // warning: an older one of the same holder exists
    NoSuchInstalledCertificate,
    // --- procedure flow
    WrongStep,                    // the step does not apply in the procedure's current state
    Cancelled,
    // --- branch back office
    RequestNotNeeded,             // e.g. an unlock request for a contract that is not locked
    RequestPending,               // a request of that kind is already being processed
    // --- state, storage
    StateCorrupted,
    StateVersionUnsupported,
    StorageFailed,
    NothingSaved,                 // first start: no saved state (load a preset)
    // --- issuance (new values go last: saved audit logs keep theirs)
    CertificateNotRecorded,       // issued by this bank's CA, newer than the holder's record: the
                                  // bank never recorded it as installed (docs/domain.md, Issuance)
    InstallInterrupted,           // issued, and the page closed before the PC's store held it
    Count_
};

// "ContractLocked" etc.: stable identifiers for logs, tests and catalogue keys.
const char* bank_result_name(BankResult result);

}  // namespace cp
