#include "bank/audit_log.h"

namespace cp {

AuditActor audit_actor_of(std::string_view actor) {
    if (actor == kAuditActorAdmin) return AuditActor::Admin;
    if (actor == kAuditActorSystem) return AuditActor::System;
    if (actor == kAuditActorBranch) return AuditActor::Branch;
    return AuditActor::User;
}

const char* audit_action_name(AuditAction action) {
    switch (action) {
    case AuditAction::AdminCertificateCheck: return "AdminCertificateCheck";
    case AuditAction::ContractPinCheck: return "ContractPinCheck";
    case AuditAction::CardCheck: return "CardCheck";
    case AuditAction::ConfirmationPinCheck: return "ConfirmationPinCheck";
    case AuditAction::AdminLogin: return "AdminLogin";
    case AuditAction::NoticesHidden: return "NoticesHidden";
    case AuditAction::UserCertificateContinue: return "UserCertificateContinue";
    case AuditAction::UserCertificateReissue: return "UserCertificateReissue";
    case AuditAction::UserCertificateRevoke: return "UserCertificateRevoke";
    case AuditAction::TokenRegister: return "TokenRegister";
    case AuditAction::UserSuspensionLift: return "UserSuspensionLift";
    case AuditAction::UserPinCheck: return "UserPinCheck";
    case AuditAction::OneTimePasswordCheck: return "OneTimePasswordCheck";
    case AuditAction::CertificatePickup: return "CertificatePickup";
    case AuditAction::CertificateInstallFailed: return "CertificateInstallFailed";
    case AuditAction::AdminRenewal: return "AdminRenewal";
    case AuditAction::UserLogin: return "UserLogin";
    case AuditAction::UserAdd: return "UserAdd";
    case AuditAction::BranchRequestSubmit: return "BranchRequestSubmit";
    case AuditAction::BranchRequestDone: return "BranchRequestDone";
    case AuditAction::CardReportedLost: return "CardReportedLost";
    case AuditAction::MailSent: return "MailSent";
    case AuditAction::ClockAdvanced: return "ClockAdvanced";
    case AuditAction::ContractLockedEvent: return "ContractLockedEvent";
    case AuditAction::UserSuspendedEvent: return "UserSuspendedEvent";
    case AuditAction::PresetLoaded: return "PresetLoaded";
    case AuditAction::UserRenewal: return "UserRenewal";
    case AuditAction::CertificateInstalled: return "CertificateInstalled";
    case AuditAction::Count_: break;
    }
    return "?";
}

void encode_audit_entry_body(ByteWriter& w, const AuditEntry& e) {
    w.u64(e.sequence);
    w.i64(e.time);
    w.str(e.actor);
    w.u8(static_cast<std::uint8_t>(e.action));
    w.str(e.target);
    w.u8(e.result.code());
}

Sha256Digest audit_chain_hash(const AuditEntry& e, const Sha256Digest& previous) {
    ByteWriter w;
    encode_audit_entry_body(w, e);
    w.raw(previous);
    return sha256(w.data());
}

void AuditLog::append(SimTime time, std::string actor, AuditAction action, std::string target, FlowResult result) {
    AuditEntry e;
    e.sequence = entries_.size();
    e.time = time;
    e.actor = std::move(actor);
    e.action = action;
    e.target = std::move(target);
    e.result = result;
    e.hash = audit_chain_hash(e, entries_.empty() ? Sha256Digest{} : entries_.back().hash);
    entries_.push_back(std::move(e));
}

std::size_t AuditLog::first_invalid() const {
    Sha256Digest previous{};
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const AuditEntry& e = entries_[i];
        if (e.sequence != i || audit_chain_hash(e, previous) != e.hash) return i;
        previous = e.hash;
    }
    return entries_.size();
}

}  // namespace cp
