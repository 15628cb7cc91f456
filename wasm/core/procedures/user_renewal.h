// certportal procedures: a user's own 証明書更新 (seed 000 A3: 管理者または利用者からログオンし、
// 更新を行ってください) — the renewal of certificate_renewal.h under 電子証明書方式 利用者ログイン,
// for the user the login's certificate names, installing on the PC the user logged on from
// (利用者のパソコン). Inside the user's renewal window only; after expiry the login itself is
// refused and the administrator reissues (seed 001).
#pragma once

#include "procedures/certificate_renewal.h"
#include "procedures/user_login.h"

namespace cp {

class UserRenewal : public CertificateRenewal {
public:
    UserRenewal(Bank& bank, const UserLogin& session, PcCertificateStore& user_pc, PcServices services)
        : CertificateRenewal(bank, Holder::user(session.user_id()), [&session] { return session.logged_in(); }, user_pc, services) {}
};

}  // namespace cp
