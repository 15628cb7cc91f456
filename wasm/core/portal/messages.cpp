// certportal portal: every outcome a person can meet, mapped to one catalogue text. The results'
// texts are made from their .def lists (TextId::Result + the code's name: a code nobody worded is a
// compile error); InputError has an explicit switch with no default (-Werror=switch). A test checks
// that every value has its own non-empty text in both languages.
#include "portal/messages.h"

namespace cp {

TextId result_text(FlowResult result) {
    switch (result.code()) {
        case 0: return TextId::ResultOk;
#define CP_RESULT(name, number) \
        case number: return TextId::Result##name;
#include "result/all_results.inc"
#undef CP_RESULT
        default: break;
    }
    return TextId::ResultWrongStep;  // not reached: every number below kResultCodeCount is a code
}

TextId input_error_text(InputError error) {
    switch (error) {
        case InputError::None: return TextId::ResultOk;
        case InputError::Empty: return TextId::InputEmpty;
        case InputError::TooShort: return TextId::InputTooShort;
        case InputError::TooLong: return TextId::InputTooLong;
        case InputError::FullWidthCharacters: return TextId::InputFullWidthCharacters;
        case InputError::NotDigits: return TextId::InputNotDigits;
        case InputError::NotElevenDigits: return TextId::InputNotElevenDigits;
        case InputError::NotSixDigits: return TextId::InputNotSixDigits;
        case InputError::NotTwoDigits: return TextId::InputNotTwoDigits;
        case InputError::ForbiddenCharacter: return TextId::InputForbiddenCharacter;
        case InputError::DigitsOnly: return TextId::InputDigitsOnly;
        case InputError::LettersOnly: return TextId::InputLettersOnly;
        case InputError::NeedsLettersAndDigits: return TextId::InputNeedsLettersAndDigits;
        case InputError::ControlCharacter: return TextId::InputControlCharacter;
        case InputError::InvalidUtf8: return TextId::InputInvalidUtf8;
        case InputError::Mismatch: return TextId::InputMismatch;
        case InputError::Count_: break;
    }
    return TextId::InputInvalidUtf8;
}

TextId audit_actor_text(AuditActor actor) {
    switch (actor) {
        case AuditActor::Admin: return TextId::AuditActorAdmin;
        case AuditActor::System: return TextId::AuditActorSystem;
        case AuditActor::Branch: return TextId::AuditActorBranch;
        case AuditActor::User: break;
    }
    return TextId::AuditActorSystem;  // not reached for a user: the screen shows the 利用者ID
}

TextId certificate_status_text(CertStatus status) {
    switch (status) {
        case CertStatus::None: return TextId::CertStatusNone;
        case CertStatus::Valid: return TextId::CertStatusValid;
        case CertStatus::PendingPickup: return TextId::CertStatusPending;
        case CertStatus::Revoked: return TextId::CertStatusRevoked;
        case CertStatus::Expired: return TextId::CertStatusExpired;
    }
    return TextId::CertStatusNone;
}

TextId audit_action_text(AuditAction action) {
    switch (action) {
        case AuditAction::AdminCertificateCheck: return TextId::AuditAdminCertificateCheck;
        case AuditAction::ContractPinCheck: return TextId::AuditContractPinCheck;
        case AuditAction::CardCheck: return TextId::AuditCardCheck;
        case AuditAction::ConfirmationPinCheck: return TextId::AuditConfirmationPinCheck;
        case AuditAction::AdminLogin: return TextId::AuditAdminLogin;
        case AuditAction::NoticesHidden: return TextId::AuditNoticesHidden;
        case AuditAction::UserCertificateContinue: return TextId::AuditUserCertificateContinue;
        case AuditAction::UserCertificateReissue: return TextId::AuditUserCertificateReissue;
        case AuditAction::UserCertificateRevoke: return TextId::AuditUserCertificateRevoke;
        case AuditAction::TokenRegister: return TextId::AuditTokenRegister;
        case AuditAction::UserSuspensionLift: return TextId::AuditUserSuspensionLift;
        case AuditAction::UserPinCheck: return TextId::AuditUserPinCheck;
        case AuditAction::OneTimePasswordCheck: return TextId::AuditOneTimePasswordCheck;
        case AuditAction::CertificatePickup: return TextId::AuditCertificatePickup;
        case AuditAction::CertificateInstallFailed: return TextId::AuditCertificateInstallFailed;
        case AuditAction::AdminRenewal: return TextId::AuditAdminRenewal;
        case AuditAction::UserRenewal: return TextId::AuditUserRenewal;
        case AuditAction::CertificateInstalled: return TextId::AuditCertificateInstalled;
        case AuditAction::UserLogin: return TextId::AuditUserLogin;
        case AuditAction::UserAdd: return TextId::AuditUserAdd;
        case AuditAction::BranchRequestSubmit: return TextId::AuditBranchRequestSubmit;
        case AuditAction::BranchRequestDone: return TextId::AuditBranchRequestDone;
        case AuditAction::CardReportedLost: return TextId::AuditCardReportedLost;
        case AuditAction::MailSent: return TextId::AuditMailSent;
        case AuditAction::ClockAdvanced: return TextId::AuditClockAdvanced;
        case AuditAction::ContractLockedEvent: return TextId::AuditContractLockedEvent;
        case AuditAction::UserSuspendedEvent: return TextId::AuditUserSuspendedEvent;
        case AuditAction::PresetLoaded: return TextId::AuditPresetLoaded;
        case AuditAction::Count_: break;
    }
    return TextId::AuditResultError;
}

TextId mail_subject_text(MailKind kind) {
    switch (kind) {
    case MailKind::RenewalReminder: return TextId::MailSubjectRenewal;
    case MailKind::CertificateExpired: return TextId::MailSubjectExpired;
    case MailKind::UserCertificateReissued: return TextId::MailSubjectUserReissued;
    case MailKind::AdminCertificateReissued: return TextId::MailSubjectAdminReissued;
    case MailKind::CardReissued: return TextId::MailSubjectCardReissued;
    case MailKind::ContractUnlocked: return TextId::MailSubjectUnlocked;
    case MailKind::Count_: break;
    }
    return TextId::MailSubjectRenewal;
}

TextId branch_form_text(BranchRequestKind kind) {
    switch (kind) {
    case BranchRequestKind::UnlockPins: return TextId::BranchFormUnlock;
    case BranchRequestKind::ReissueCard: return TextId::BranchFormCard;
    case BranchRequestKind::ReissueAdminCertificate: return TextId::BranchFormCert;
    case BranchRequestKind::Count_: break;
    }
    return TextId::BranchFormUnlock;
}

}  // namespace cp
