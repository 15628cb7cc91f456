#include "bank/result.h"

namespace cp {

const char* bank_result_name(BankResult result) {
    switch (result) {
    case BankResult::Ok: return "Ok";
    case BankResult::InvalidInput: return "InvalidInput";
    case BankResult::UnknownContractOrUser: return "UnknownContractOrUser";
    case BankResult::UnknownUser: return "UnknownUser";
    case BankResult::UserAlreadyExists: return "UserAlreadyExists";
    case BankResult::WrongContractPin: return "WrongContractPin";
    case BankResult::WrongConfirmationPin: return "WrongConfirmationPin";
    case BankResult::WrongUserPin: return "WrongUserPin";
    case BankResult::WrongCardAnswer: return "WrongCardAnswer";
    case BankResult::ContractLocked: return "ContractLocked";
    case BankResult::UserSuspended: return "UserSuspended";
    case BankResult::UserAccidentRegistered: return "UserAccidentRegistered";
    case BankResult::CardLost: return "CardLost";
    case BankResult::NoTokenRegistered: return "NoTokenRegistered";
    case BankResult::WrongOneTimePassword: return "WrongOneTimePassword";
    case BankResult::OneTimePasswordReused: return "OneTimePasswordReused";
    case BankResult::NotAdminCertificate: return "NotAdminCertificate";
    case BankResult::NotUserCertificate: return "NotUserCertificate";
    case BankResult::CertificateUnknown: return "CertificateUnknown";
    case BankResult::CertificateExpired: return "CertificateExpired";
    case BankResult::CertificateRevoked: return "CertificateRevoked";
    case BankResult::CertificateSuperseded: return "CertificateSuperseded";
    case BankResult::AdminCertificateExpired: return "AdminCertificateExpired";
    case BankResult::NoPendingCertificate: return "NoPendingCertificate";
    case BankResult::PickupWindowPassed: return "PickupWindowPassed";
    case BankResult::NotInRenewalWindow: return "NotInRenewalWindow";
    case BankResult::AcquisitionAppNotRunning: return "AcquisitionAppNotRunning";
    case BankResult::InstallDeclined: return "InstallDeclined";
    case BankResult::AppClosedDuringAcquisition: return "AppClosedDuringAcquisition";
    case BankResult::IssuingFailed: return "IssuingFailed";
    case BankResult::KeyGenerationFailed: return "KeyGenerationFailed";
    case BankResult::KeyProtectionFailed: return "KeyProtectionFailed";
    case BankResult::KeyAccessDenied: return "KeyAccessDenied";
    case BankResult::WrongKeyPassword: return "WrongKeyPassword";
    case BankResult::LoginProofInvalid: return "LoginProofInvalid";
    case BankResult::DeletingOnlyValidCertificate: return "DeletingOnlyValidCertificate";
    case BankResult::DeletingNewerCertificate: return "DeletingNewerCertificate";
    case BankResult::NoSuchInstalledCertificate: return "NoSuchInstalledCertificate";
    case BankResult::WrongStep: return "WrongStep";
    case BankResult::Cancelled: return "Cancelled";
    case BankResult::RequestNotNeeded: return "RequestNotNeeded";
    case BankResult::RequestPending: return "RequestPending";
    case BankResult::StateCorrupted: return "StateCorrupted";
    case BankResult::StateVersionUnsupported: return "StateVersionUnsupported";
    case BankResult::StorageFailed: return "StorageFailed";
    case BankResult::NothingSaved: return "NothingSaved";
    case BankResult::CertificateNotRecorded: return "CertificateNotRecorded";
    case BankResult::InstallInterrupted: return "InstallInterrupted";
    case BankResult::Count_: break;
    }
    return "?";
}

}  // namespace cp
