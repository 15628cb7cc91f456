// certportal tls: the certificate login's handshake on Mbed TLS (handshake.h).
#include "tls/handshake.h"

#include <array>

#include <mbedtls/ssl.h>
#include <mbedtls/x509.h>
#include <mbedtls/x509_crt.h>
#include <psa/crypto.h>

#include "pki/random.h"

// mbedtls_internal.c: switches a TLS 1.3 client's outbound records to its handshake traffic keys.
extern "C" int certportal_tls13_client_use_handshake_keys(mbedtls_ssl_context* ssl);

namespace cp::tls {

const char* version_name(Version version) { return version == Version::Tls12 ? "TLS 1.2" : "TLS 1.3"; }

const char* outcome_name(Outcome outcome) {
    static constexpr std::array<const char*, kOutcomeCount> kNames = {
        "Ok",        "Pending",        "Expired",         "NotYetValid",    "Revoked",  "UnknownCa",
        "BadCertificate", "KeyAccessDenied", "ServerRejected", "ProtocolError", "Internal"};
    const auto i = static_cast<std::size_t>(outcome);
    return i < kNames.size() ? kNames[i] : "?";
}

const char* alert_name(std::uint8_t description) {
    switch (description) {
        case 0: return "close_notify";
        case 10: return "unexpected_message";
        case 20: return "bad_record_mac";
        case 40: return "handshake_failure";
        case 42: return "bad_certificate";
        case 43: return "unsupported_certificate";
        case 44: return "certificate_revoked";
        case 45: return "certificate_expired";
        case 46: return "certificate_unknown";
        case 47: return "illegal_parameter";
        case 48: return "unknown_ca";
        case 49: return "access_denied";
        case 50: return "decode_error";
        case 51: return "decrypt_error";
        case 70: return "protocol_version";
        case 80: return "internal_error";
        case 90: return "user_canceled";
        case 109: return "missing_extension";
        case 116: return "certificate_required";
        default: return "alert";
    }
}

namespace {

// The ciphersuites both ends allow: AES-128-GCM with SHA-256, ECDHE with the server's P-256 key.
const int kCiphersuites[] = {MBEDTLS_TLS1_3_AES_128_GCM_SHA256, MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 0};

// The signature algorithms both ends accept, as browsers list them: ECDSA P-256, RSA-PSS (TLS 1.3's
// only RSA signature for CertificateVerify; Mbed TLS's default list has it only with
// MBEDTLS_X509_RSASSA_PSS_SUPPORT, which PSS-signed certificates would need and ours are not), and
// RSA PKCS#1 v1.5 (TLS 1.2's RSA CertificateVerify and the certificates' own signatures).
const std::uint16_t kSignatureAlgorithms[] = {MBEDTLS_TLS1_3_SIG_ECDSA_SECP256R1_SHA256, MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA256,
                                              MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA256, MBEDTLS_TLS1_3_SIG_NONE};

// X.509 flags for what pki::verify_certificate decided about a peer's certificate.
std::uint32_t flags_for(pki::CertificateStatus status) {
    switch (status) {
        case pki::CertificateStatus::Valid: return 0;
        case pki::CertificateStatus::Revoked: return MBEDTLS_X509_BADCERT_REVOKED;
        case pki::CertificateStatus::Expired: return MBEDTLS_X509_BADCERT_EXPIRED;
        case pki::CertificateStatus::NotYetValid: return MBEDTLS_X509_BADCERT_FUTURE;
        case pki::CertificateStatus::UnknownIssuer:
        case pki::CertificateStatus::BadSignature: return MBEDTLS_X509_BADCERT_NOT_TRUSTED;
    }
    return MBEDTLS_X509_BADCERT_OTHER;
}

void export_keys(void* context, mbedtls_ssl_key_export_type type, const unsigned char* secret, std::size_t secret_len,
                 const unsigned char client_random[32], const unsigned char server_random[32],
                 mbedtls_tls_prf_types prf) {
    KeyLog::export_keys(context, static_cast<int>(type), secret, secret_len, client_random, server_random,
                        static_cast<int>(prf));
}

// The alert Mbed TLS's mbedtls_ssl_verify_certificate() (ssl_tls.c, 3.6.6) sends for the verify
// flags of a certificate it refused, in its order. The receiver cannot always read that alert: in
// TLS 1.3 Mbed TLS's server sends it under its handshake keys while Mbed TLS's client, done after
// its Finished, reads with the application keys; so the handshake says it from the flags.
std::uint8_t alert_for_verify_flags(std::uint32_t flags) {
    if ((flags & MBEDTLS_X509_BADCERT_OTHER) != 0) return MBEDTLS_SSL_ALERT_MSG_ACCESS_DENIED;
    if ((flags & MBEDTLS_X509_BADCERT_CN_MISMATCH) != 0) return MBEDTLS_SSL_ALERT_MSG_BAD_CERT;
    if ((flags & (MBEDTLS_X509_BADCERT_KEY_USAGE | MBEDTLS_X509_BADCERT_EXT_KEY_USAGE | MBEDTLS_X509_BADCERT_BAD_PK |
                  MBEDTLS_X509_BADCERT_BAD_KEY)) != 0)
        return MBEDTLS_SSL_ALERT_MSG_UNSUPPORTED_CERT;
    if ((flags & MBEDTLS_X509_BADCERT_EXPIRED) != 0) return MBEDTLS_SSL_ALERT_MSG_CERT_EXPIRED;
    if ((flags & MBEDTLS_X509_BADCERT_REVOKED) != 0) return MBEDTLS_SSL_ALERT_MSG_CERT_REVOKED;
    if ((flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0) return MBEDTLS_SSL_ALERT_MSG_UNKNOWN_CA;
    return MBEDTLS_SSL_ALERT_MSG_CERT_UNKNOWN;
}

bool is_verify_failure(int error) {
    return error == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED || error == MBEDTLS_ERR_SSL_BAD_CERTIFICATE;
}

}  // namespace

// One endpoint: its Mbed TLS context and configuration, its trust anchor (a copy of the bank's
// issuing CA certificate) and what its verify callback decided.
struct Handshake::Side {
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt anchor;  // the only acceptable issuer of the peer's certificate
    const ServerConfig* config = nullptr;
    std::optional<pki::CertificateStatus>* status = nullptr;  // where the verify callback writes
    pki::Bytes* leaf = nullptr;  // where the verify callback keeps the peer's certificate (server only)
    bool done = false;
    bool failed = false;
    int error = 0;

    Side() {
        mbedtls_ssl_init(&ssl);
        mbedtls_ssl_config_init(&conf);
        mbedtls_x509_crt_init(&anchor);
    }
    ~Side() {
        mbedtls_ssl_free(&ssl);
        mbedtls_ssl_config_free(&conf);
        mbedtls_x509_crt_free(&anchor);
    }
    Side(const Side&) = delete;
    Side& operator=(const Side&) = delete;

    // Mbed TLS's f_vrfy, once per certificate of the peer's chain (depth 0: the peer's own). Mbed TLS
    // has checked the chain to the anchor and the signatures (no clock: no validity); pki decides the
    // status with the simulated time and the CRL, and its verdict is added to Mbed TLS's flags, so
    // the alert Mbed TLS sends is the one for that verdict.
    static int verify(void* context, mbedtls_x509_crt* crt, int depth, std::uint32_t* flags) {
        auto* side = static_cast<Side*>(context);
        if (depth != 0) return 0;
        if (side->leaf != nullptr) side->leaf->assign(crt->raw.p, crt->raw.p + crt->raw.len);
        pki::Certificate leaf;
        if (leaf.parse(pki::ByteView(crt->raw.p, crt->raw.len)) != pki::PkiError::Ok) {
            *flags |= MBEDTLS_X509_BADCERT_OTHER;
            return 0;
        }
        const ServerConfig& c = *side->config;
        pki::TrustStore store;
        store.roots.push_back(c.root_ca);
        store.intermediates.push_back(c.issuing_ca);
        if (c.crl != nullptr) store.crls.push_back(c.crl);
        const pki::VerifyResult result = pki::verify_certificate(leaf, store, c.now);
        *side->status = result.status;
        *flags |= flags_for(result.status);
        return 0;
    }

    int step() {
        const int ret = mbedtls_ssl_handshake(&ssl);
        if (ret == 0) {
            done = true;
        } else if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) {
            failed = true;
            error = ret;
        }
        return ret;
    }
    bool active() const { return !done && !failed; }
    // The alert this side received (its last input record), after it failed with FATAL_ALERT_MESSAGE.
    std::optional<Alert> received_alert(Direction sent_by) const {
        if (error != MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE) return std::nullopt;
        const unsigned char* msg = ssl.MBEDTLS_PRIVATE(in_msg);
        return Alert{sent_by, msg[0], msg[1]};
    }
};

Handshake::Handshake(const ServerConfig& config, pki::Drbg& rng, MemoryTransport::Clock clock)
    : config_(config),
      rng_(rng),
      transport_(clock ? std::move(clock) : MemoryTransport::Clock([this] { return config_.now * 1000000 + (++ticks_) * 1000; })),
      client_(std::make_unique<Side>()),
      server_(std::make_unique<Side>()) {
    const ServerConfig& c = config_;
    if (c.server_certificate == nullptr || c.server_key == nullptr || c.issuing_ca == nullptr ||
        c.root_ca == nullptr || c.host_name.empty() || !c.server_key->has_private_key() ||
        psa_crypto_init() != PSA_SUCCESS) {
        setup_failed_ = true;
        return;
    }
    const mbedtls_ssl_protocol_version version =
        c.version == Version::Tls12 ? MBEDTLS_SSL_VERSION_TLS1_2 : MBEDTLS_SSL_VERSION_TLS1_3;
    bool ok = true;
    for (Side* side : {client_.get(), server_.get()}) {
        const bool is_server = side == server_.get();
        side->config = &config_;
        side->status = is_server ? &client_status_ : &server_status_;
        side->leaf = is_server ? &client_certificate_ : nullptr;
        ok = ok && mbedtls_x509_crt_parse_der(&side->anchor, c.issuing_ca->der().data(), c.issuing_ca->der().size()) == 0;
        ok = ok && mbedtls_ssl_config_defaults(&side->conf, is_server ? MBEDTLS_SSL_IS_SERVER : MBEDTLS_SSL_IS_CLIENT,
                                               MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT) == 0;
        if (!ok) break;
        mbedtls_ssl_conf_rng(&side->conf, pki::Drbg::rng_callback, rng_.rng_context());
        // The browser offers 1.2 and 1.3; the bank's profile decides.
        mbedtls_ssl_conf_min_tls_version(&side->conf, is_server ? version : MBEDTLS_SSL_VERSION_TLS1_2);
        mbedtls_ssl_conf_max_tls_version(&side->conf, is_server ? version : MBEDTLS_SSL_VERSION_TLS1_3);
        mbedtls_ssl_conf_ciphersuites(&side->conf, kCiphersuites);
        mbedtls_ssl_conf_sig_algs(&side->conf, kSignatureAlgorithms);
        mbedtls_ssl_conf_authmode(&side->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
        mbedtls_ssl_conf_ca_chain(&side->conf, &side->anchor, nullptr);
        mbedtls_ssl_conf_verify(&side->conf, &Side::verify, side);
        if (is_server) {
            ok = mbedtls_ssl_conf_own_cert(&side->conf, const_cast<mbedtls_x509_crt*>(c.server_certificate->raw()),
                                           const_cast<mbedtls_pk_context*>(c.server_key->raw())) == 0;
        }
        ok = ok && mbedtls_ssl_setup(&side->ssl, &side->conf) == 0;
        if (!ok) break;
        mbedtls_ssl_set_bio(&side->ssl, is_server ? &transport_.server() : &transport_.client(),
                            &MemoryTransport::send, &MemoryTransport::receive, nullptr);
    }
    ok = ok && mbedtls_ssl_set_hostname(&client_->ssl, c.host_name.c_str()) == 0;
    if (ok) mbedtls_ssl_set_export_keys_cb(&client_->ssl, &export_keys, &key_log_);
    setup_failed_ = !ok;
}

Handshake::~Handshake() = default;

void Handshake::pump() {
    // Step both ends until neither moves: no side finished or failed, no byte written or read.
    for (;;) {
        const std::uint64_t before = transport_.bytes_moved();
        bool changed = false;
        for (Side* side : {client_.get(), server_.get()}) {
            if (!side->active()) continue;
            side->step();
            changed = changed || !side->active();
        }
        if (!changed && transport_.bytes_moved() == before) return;
    }
}

Handshake::State Handshake::start() {
    if (state_ != State::Idle) return state_;
    if (setup_failed_) {
        outcome_ = Outcome::Internal;
        state_ = State::Finished;
        return state_;
    }
    // The server's flight stays on the wire until the person has chosen a certificate.
    transport_.hold();
    pump();
    if (client_->active() && server_->active() && transport_.pending_to_client() > 0) {
        state_ = State::AwaitingCertificate;
    } else {
        finish();
    }
    return state_;
}

Outcome Handshake::provide_certificate(const pki::Certificate& certificate, const pki::KeyPair& key) {
    if (state_ != State::AwaitingCertificate) return outcome_;
    if (certificate.empty() || !key.has_private_key() ||
        // The client's configuration is this handshake's own: its certificate is set now, before the
        // client writes its Certificate (mbedtls_ssl_set_hs_own_cert serves the server's SNI only).
        mbedtls_ssl_conf_own_cert(&client_->conf, const_cast<mbedtls_x509_crt*>(certificate.raw()),
                                  const_cast<mbedtls_pk_context*>(key.raw())) != 0) {
        outcome_ = Outcome::Internal;
        state_ = State::Finished;
        return outcome_;
    }
    transport_.release();
    pump();
    finish();
    return outcome_;
}

Outcome Handshake::refuse() {
    if (state_ != State::AwaitingCertificate) return outcome_;
    refused_ = true;
    // The client reads the server's flight up to the point where it would write its Certificate (a
    // browser has read it all when it asks for the key), then aborts with its alert, which the
    // server reads. TLS 1.3: under the client's handshake traffic keys, as it would send its
    // Certificate.
    transport_.release();
    mbedtls_ssl_context& ssl = client_->ssl;
    while (client_->active() && ssl.MBEDTLS_PRIVATE(state) != MBEDTLS_SSL_CLIENT_CERTIFICATE) {
        const std::uint64_t before = transport_.bytes_moved();
        const int state = ssl.MBEDTLS_PRIVATE(state);
        // One state at a time (mbedtls_ssl_handshake would run on into writing the Certificate).
        const int ret = mbedtls_ssl_handshake_step(&ssl);
        if (ret != 0 && ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) {
            client_->failed = true;
            client_->error = ret;
        }
        if (transport_.bytes_moved() == before && ssl.MBEDTLS_PRIVATE(state) == state) break;
    }
    if (client_->active() && ssl.MBEDTLS_PRIVATE(state) == MBEDTLS_SSL_CLIENT_CERTIFICATE) {
        if (ssl.MBEDTLS_PRIVATE(tls_version) == MBEDTLS_SSL_VERSION_TLS1_3) {
            if (certportal_tls13_client_use_handshake_keys(&ssl) != 0) client_->error = MBEDTLS_ERR_SSL_INTERNAL_ERROR;
        }
        mbedtls_ssl_send_alert_message(&ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL, MBEDTLS_SSL_ALERT_MSG_INTERNAL_ERROR);
        client_->failed = true;
        client_->error = MBEDTLS_ERR_SSL_INTERNAL_ERROR;
    }
    pump();
    finish();
    return outcome_;
}

void Handshake::finish() {
    // TLS 1.3: the client is done after its Finished; the server's verdict (an alert) is read next.
    if (client_->done && transport_.pending_to_client() > 0) {
        unsigned char buf[64];
        const int ret = mbedtls_ssl_read(&client_->ssl, buf, sizeof buf);
        if (ret < 0 && ret != MBEDTLS_ERR_SSL_WANT_READ) {
            client_->done = false;
            client_->failed = true;
            client_->error = ret;
        }
    }
    state_ = State::Finished;
    const std::uint32_t flags = mbedtls_ssl_get_verify_result(&server_->ssl);
    if (auto a = server_->received_alert(Direction::ClientToServer)) alert_ = a;
    if (auto a = client_->received_alert(Direction::ServerToClient)) alert_ = a;
    if (server_->failed && is_verify_failure(server_->error)) {
        alert_ = Alert{Direction::ServerToClient, MBEDTLS_SSL_ALERT_LEVEL_FATAL, alert_for_verify_flags(flags)};
    }
    error_ = server_->failed && server_->error != MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE ? server_->error : client_->error;
    if (setup_failed_) {
        outcome_ = Outcome::Internal;
    } else if (refused_) {
        outcome_ = Outcome::KeyAccessDenied;
    } else if (client_status_ && *client_status_ != pki::CertificateStatus::Valid) {
        switch (*client_status_) {
            case pki::CertificateStatus::Expired: outcome_ = Outcome::Expired; break;
            case pki::CertificateStatus::NotYetValid: outcome_ = Outcome::NotYetValid; break;
            case pki::CertificateStatus::Revoked: outcome_ = Outcome::Revoked; break;
            default: outcome_ = Outcome::UnknownCa; break;
        }
    } else if (server_->failed && (flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0) {
        outcome_ = Outcome::UnknownCa;
    } else if (server_->failed && flags != 0 && flags != static_cast<std::uint32_t>(-1)) {
        outcome_ = Outcome::BadCertificate;
    } else if (server_status_ && *server_status_ != pki::CertificateStatus::Valid) {
        outcome_ = Outcome::ServerRejected;
    } else if (client_->done && server_->done) {
        outcome_ = Outcome::Ok;
    } else {
        outcome_ = Outcome::ProtocolError;
    }
}

std::vector<pki::Bytes> Handshake::requested_authorities() const {
    std::vector<pki::Bytes> out;
    if (config_.version != Version::Tls12) return out;
    // The server's plaintext handshake stream (TLS 1.2: everything before its ChangeCipherSpec).
    pki::Bytes stream;
    for (const Record& r : records()) {
        if (r.direction != Direction::ServerToClient) continue;
        if (r.content_type() == ContentType::ChangeCipherSpec) break;
        if (r.content_type() == ContentType::Handshake) stream.insert(stream.end(), r.bytes.begin() + 5, r.bytes.end());
    }
    std::size_t at = 0;
    while (stream.size() - at >= 4) {
        const std::uint8_t type = stream[at];
        const std::size_t length = (std::size_t{stream[at + 1]} << 16) | (std::size_t{stream[at + 2]} << 8) | stream[at + 3];
        if (stream.size() - at - 4 < length) break;
        if (type == 13) {  // CertificateRequest (RFC 5246 7.4.4)
            const std::uint8_t* p = stream.data() + at + 4;
            const std::uint8_t* end = p + length;
            if (p >= end) break;
            p += 1 + *p;  // certificate_types
            if (end - p < 2) break;
            p += 2 + ((std::size_t{p[0]} << 8) | p[1]);  // supported_signature_algorithms
            if (end - p < 2) break;
            const std::size_t total = (std::size_t{p[0]} << 8) | p[1];
            p += 2;
            if (static_cast<std::size_t>(end - p) < total) break;
            const std::uint8_t* list_end = p + total;
            while (list_end - p >= 2) {
                const std::size_t n = (std::size_t{p[0]} << 8) | p[1];
                p += 2;
                if (static_cast<std::size_t>(list_end - p) < n) break;
                out.emplace_back(p, p + n);
                p += n;
            }
            break;
        }
        at += 4 + length;
    }
    return out;
}

}  // namespace cp::tls
