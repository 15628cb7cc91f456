// certportal procedures: 証明書更新 of the administrator certificate (seed 000 (6)-(12)) — the
// renewal of certificate_renewal.h under 管理者ログオン, installing on the administrator's PC.
#pragma once

#include "procedures/admin_login.h"
#include "procedures/certificate_renewal.h"

namespace cp {

class AdminRenewal : public CertificateRenewal {
public:
    AdminRenewal(Bank& bank, const AdminLogin& session, PcCertificateStore& admin_pc, PcServices services)
        : CertificateRenewal(bank, Holder::admin(), [&session] { return session.logged_in(); }, admin_pc, services) {}
};

}  // namespace cp
