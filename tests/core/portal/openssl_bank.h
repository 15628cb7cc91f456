// Portal test support: OpenSSL's word on a certificate a simulated PC holds — `openssl verify
// -crl_check` against the bank's root and issuing CA and its latest CRL at the simulated time, the
// chain a relying party checks. The certificate is left in `dir` as `leaf.pem` for further calls.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "pki_test_util.h"
#include "sim/simulation.h"

namespace cp::test {

// OpenSSL's output ("…: OK" when the certificate verifies at `when`); empty, with a test failure,
// when a file could not be made.
inline std::string openssl_verify_with_bank(const Simulation& sim, const InstalledCertificate& certificate, SimTime when,
                                            pki::test::TempDir& dir) {
    std::string root, issuing, leaf_pem;
    pki::Certificate leaf;
    const bool pems = sim.authority().root_certificate().pem(root) == pki::PkiError::Ok &&
                      sim.authority().issuing_certificate().pem(issuing) == pki::PkiError::Ok &&
                      leaf.parse(pki::ByteView(certificate.certificate.data(), certificate.certificate.size())) == pki::PkiError::Ok &&
                      leaf.pem(leaf_pem) == pki::PkiError::Ok;
    if (!pems) {
        ADD_FAILURE() << "the bank's CA certificates or the leaf could not be written as PEM";
        return {};
    }
    dir.write("root.pem", root);
    dir.write("issuing.pem", issuing);
    dir.write("leaf.pem", leaf_pem);
    dir.write("crl.der", sim.authority().crl().der());
    const auto crl = pki::test::run_openssl("crl -inform DER -in " + dir.path("crl.der") + " -out " + dir.path("crl.pem"));
    if (crl.exit_code != 0) {
        ADD_FAILURE() << crl.output;
        return {};
    }
    return pki::test::run_openssl("verify -no-CApath -no-CAstore -CAfile " + dir.path("root.pem") + " -untrusted " +
                                  dir.path("issuing.pem") + " -crl_check -CRLfile " + dir.path("crl.pem") + " -attime " +
                                  std::to_string(when) + " " + dir.path("leaf.pem"))
        .output;
}

}  // namespace cp::test
