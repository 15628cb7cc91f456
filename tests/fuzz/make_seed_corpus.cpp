// Writes valid samples (certificate, CSR, CRL, keys, encrypted key; DER and PEM) into the seed
// corpus folders of the fuzz targets: <out>/certificate, <out>/csr, <out>/crl, <out>/keys.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "pki/ca.h"
#include "pki/crl.h"
#include "pki/pkcs8.h"
#include "pki/random.h"

namespace {

using namespace cp::pki;

void put(const std::filesystem::path& dir, const std::string& name, ByteView bytes) {
    std::filesystem::create_directories(dir);
    std::ofstream f(dir / name, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

bool ok(PkiError e, const char* what) {
    if (e != PkiError::Ok) std::fprintf(stderr, "make_seed_corpus: %s: %s\n", what, pki_error_message(e));
    return e == PkiError::Ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seed_corpus <out-dir>\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    const UnixTime now = 1711929600;
    Drbg rng;
    if (!ok(rng.seed_deterministic_for_tests(as_bytes("fuzz corpus")), "rng")) return 1;
    CaSetup setup;
    setup.key_type = KeyType::EcP256;
    CaHierarchy ca;
    if (!ok(create_ca_hierarchy(setup, now, rng, ca), "ca")) return 1;
    for (KeyType type : {KeyType::EcP256, KeyType::Rsa2048}) {
        const std::string t = type == KeyType::EcP256 ? "ec" : "rsa";
        KeyPair key;
        if (!ok(key.generate(type, rng), "key")) return 1;
        ClientSubject s;
        s.contract_id = "00009876543";
        s.bank_code = "1635";
        s.organization = "株式会社テスト商事";
        Bytes csr, cert;
        if (!ok(create_client_csr(key, s, rng, csr), "csr")) return 1;
        IssueOptions o;
        o.not_before = now;
        if (!ok(ca.issuing.issue_client_certificate(csr, s, o, rng, cert), "issue")) return 1;
        put(out / "csr", t + ".der", csr);
        put(out / "certificate", t + ".der", cert);
        std::string pem;
        if (ok(detail::pem_encode(cert, "CERTIFICATE", pem), "pem")) put(out / "certificate", t + ".pem", as_bytes(pem));
        if (ok(detail::pem_encode(csr, "CERTIFICATE REQUEST", pem), "pem")) put(out / "csr", t + ".pem", as_bytes(pem));
        SecretBytes pkcs8;
        if (ok(key.write_pkcs8_der(pkcs8), "pkcs8")) put(out / "keys", t + ".pkcs8.der", pkcs8.view());
        Bytes spki;
        if (ok(key.write_public_der(spki), "spki")) put(out / "keys", t + ".spki.der", spki);
        Bytes epki;
        if (ok(write_encrypted_pkcs8_der(key, "fuzz", 16, rng, epki), "epki")) put(out / "keys", t + ".epki.der", epki);
    }
    CrlContents c;
    c.crl_number = 5;
    c.this_update = now;
    c.next_update = now + 86400;
    c.revoked.push_back({{0x01, 0x02}, now, RevocationReason::KeyCompromise});
    c.revoked.push_back({{0x03}, now, RevocationReason::Unspecified});
    Bytes crl;
    if (!ok(write_crl(ca.issuing, c, rng, crl), "crl")) return 1;
    put(out / "crl", "crl.der", crl);
    put(out / "certificate", "root.der", ca.root.certificate().der());
    return 0;
}
