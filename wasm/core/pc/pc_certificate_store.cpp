#include "pc/pc_certificate_store.h"

namespace cp {

const InstalledCertificate* PcCertificateStore::find(std::string_view serial) const {
    for (const auto& c : certificates)
        if (c.serial == serial) return &c;
    return nullptr;
}

void PcCertificateStore::install(InstalledCertificate certificate) {
    for (auto& c : certificates)
        if (c.serial == certificate.serial) {
            c = std::move(certificate);
            return;
        }
    certificates.push_back(std::move(certificate));
}

bool PcCertificateStore::remove(std::string_view serial) {
    for (auto it = certificates.begin(); it != certificates.end(); ++it)
        if (it->serial == serial) {
            certificates.erase(it);
            return true;
        }
    return false;
}

}  // namespace cp
