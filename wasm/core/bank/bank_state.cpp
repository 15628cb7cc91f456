#include "bank/bank_state.h"

namespace cp {

const char* cert_status_name(CertStatus status) {
    switch (status) {
    case CertStatus::None: return "None";
    case CertStatus::Valid: return "Valid";
    case CertStatus::PendingPickup: return "PendingPickup";
    case CertStatus::Revoked: return "Revoked";
    case CertStatus::Expired: return "Expired";
    }
    return "?";
}

CertStatus effective_status(const CertificateRecord& record, SimTime now) {
    if (record.status == CertStatus::Valid && is_past_expiry(record.not_after, now)) return CertStatus::Expired;
    return record.status;
}

const char* mail_kind_name(MailKind kind) {
    switch (kind) {
    case MailKind::RenewalReminder: return "RenewalReminder";
    case MailKind::CertificateExpired: return "CertificateExpired";
    case MailKind::UserCertificateReissued: return "UserCertificateReissued";
    case MailKind::AdminCertificateReissued: return "AdminCertificateReissued";
    case MailKind::CardReissued: return "CardReissued";
    case MailKind::ContractUnlocked: return "ContractUnlocked";
    case MailKind::Count_: break;
    }
    return "?";
}

const char* branch_request_kind_name(BranchRequestKind kind) {
    switch (kind) {
    case BranchRequestKind::UnlockPins: return "UnlockPins";
    case BranchRequestKind::ReissueCard: return "ReissueCard";
    case BranchRequestKind::ReissueAdminCertificate: return "ReissueAdminCertificate";
    case BranchRequestKind::Count_: break;
    }
    return "?";
}

}  // namespace cp
