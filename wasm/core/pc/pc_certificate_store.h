// certportal pc: a simulated PC's certificate store — the OS store's 「個人」 tab that the
// certificate chooser (証明書の選択) and the certificate manager (インターネットオプション →
// コンテンツ → 証明書) show. One per simulated PC: 管理者のパソコン, 利用者のパソコン, more on demand.
// Persisted by sim/persistence.h (save_installed_certificate, load_pc_store: certificate and
// key in one transaction).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bank/certificate_authority.h"
#include "pc/pc_result.h"

namespace cp {

inline constexpr std::string_view kAdminPcName = "admin-pc";  // 管理者のパソコン
inline constexpr std::string_view kUserPcName = "user-pc";    // 利用者のパソコン

struct PcCertificateStore {
    std::string name;
    std::vector<InstalledCertificate> certificates;  // in installation order

    const InstalledCertificate* find(std::string_view serial) const;
    // Adds or replaces (same serial).
    void install(InstalledCertificate certificate);
    bool remove(std::string_view serial);
    bool operator==(const PcCertificateStore&) const = default;
};

}  // namespace cp
