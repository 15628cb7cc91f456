// certportal tls: the handshake viewer's model, read from a capture's records (transcript.h).
#include "tls/transcript.h"

#include <cstdio>
#include <optional>
#include <string>

#include <mbedtls/asn1.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

#include "pki/certificate.h"
#include "pki/time.h"
#include "tls/record_protection.h"

namespace cp::tls {

namespace {

// --- names ---------------------------------------------------------------------------------------

std::string hex16(std::uint32_t v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04x", static_cast<unsigned>(v));
    return buf;
}

std::string named(const char* name, std::uint32_t code) {
    return name != nullptr ? std::string(name) + " (" + hex16(code) + ")" : hex16(code);
}

const char* version_text(std::uint32_t v) {
    switch (v) {
        case 0x0301: return "TLS 1.0";
        case 0x0302: return "TLS 1.1";
        case 0x0303: return "TLS 1.2";
        case 0x0304: return "TLS 1.3";
        default: return nullptr;
    }
}

const char* cipher_suite_name(std::uint32_t s) {
    switch (s) {
        case 0x1301: return "TLS_AES_128_GCM_SHA256";
        case 0x1302: return "TLS_AES_256_GCM_SHA384";
        case 0x1303: return "TLS_CHACHA20_POLY1305_SHA256";
        case 0xc02b: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        case 0xc02c: return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
        case 0xc02f: return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        case 0xc030: return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
        case 0x00ff: return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
        default: return nullptr;
    }
}

const char* group_name(std::uint32_t g) {
    switch (g) {
        case 0x0017: return "secp256r1";
        case 0x0018: return "secp384r1";
        case 0x0019: return "secp521r1";
        case 0x001d: return "x25519";
        case 0x001e: return "x448";
        case 0x0100: return "ffdhe2048";
        default: return nullptr;
    }
}

const char* signature_scheme_name(std::uint32_t s) {
    switch (s) {
        case 0x0201: return "rsa_pkcs1_sha1";
        case 0x0203: return "ecdsa_sha1";
        case 0x0401: return "rsa_pkcs1_sha256";
        case 0x0501: return "rsa_pkcs1_sha384";
        case 0x0601: return "rsa_pkcs1_sha512";
        case 0x0403: return "ecdsa_secp256r1_sha256";
        case 0x0503: return "ecdsa_secp384r1_sha384";
        case 0x0603: return "ecdsa_secp521r1_sha512";
        case 0x0804: return "rsa_pss_rsae_sha256";
        case 0x0805: return "rsa_pss_rsae_sha384";
        case 0x0806: return "rsa_pss_rsae_sha512";
        case 0x0807: return "ed25519";
        case 0x0808: return "ed448";
        case 0x0809: return "rsa_pss_pss_sha256";
        case 0x080a: return "rsa_pss_pss_sha384";
        case 0x080b: return "rsa_pss_pss_sha512";
        default: return nullptr;
    }
}

const char* extension_name(std::uint32_t e) {
    switch (e) {
        case 0: return "server_name";
        case 1: return "max_fragment_length";
        case 5: return "status_request";
        case 10: return "supported_groups";
        case 11: return "ec_point_formats";
        case 13: return "signature_algorithms";
        case 16: return "application_layer_protocol_negotiation";
        case 22: return "encrypt_then_mac";
        case 23: return "extended_master_secret";
        case 28: return "record_size_limit";
        case 35: return "session_ticket";
        case 41: return "pre_shared_key";
        case 42: return "early_data";
        case 43: return "supported_versions";
        case 44: return "cookie";
        case 45: return "psk_key_exchange_modes";
        case 47: return "certificate_authorities";
        case 49: return "post_handshake_auth";
        case 50: return "signature_algorithms_cert";
        case 51: return "key_share";
        case 0xff01: return "renegotiation_info";
        default: return nullptr;
    }
}

// --- a bounded reader: every read checks the length first, the first failure is kept ------------

struct Reader {
    const std::uint8_t* p = nullptr;
    std::size_t n = 0;
    std::size_t pos = 0;
    std::string error;

    Reader(const std::uint8_t* data, std::size_t size) : p(data), n(size) {}
    bool ok() const { return error.empty(); }
    std::size_t left() const { return n - pos; }
    bool need(std::size_t k, const char* what) {
        if (!ok()) return false;
        if (left() < k) {
            error = std::string(what) + ": needs " + std::to_string(k) + " bytes, " + std::to_string(left()) + " left";
            return false;
        }
        return true;
    }
    std::uint32_t u(std::size_t width, const char* what) {
        if (!need(width, what)) return 0;
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < width; ++i) v = v << 8 | p[pos++];
        return v;
    }
    pki::ByteView bytes(std::size_t k, const char* what) {
        if (!need(k, what)) return {};
        pki::ByteView out(p + pos, k);
        pos += k;
        return out;
    }
    // A vector with a `width`-byte length prefix, as a reader of its own (its errors come back here).
    Reader vec(std::size_t width, const char* what) {
        const std::size_t len = u(width, what);
        const pki::ByteView b = bytes(len, what);
        return Reader(b.data(), b.size());
    }
    void take(const Reader& inner) {
        if (ok() && !inner.ok()) error = inner.error;
    }
    void expect_end(const char* what) {
        if (ok() && left() != 0) error = std::string(what) + ": " + std::to_string(left()) + " bytes after its end";
    }
};

// A list of 16-bit codes, named.
std::string code_list(Reader r, const char* (*name)(std::uint32_t), Reader& parent, const char* what) {
    std::string out;
    while (r.ok() && r.left() > 0) {
        const std::uint32_t c = r.u(2, what);
        if (!r.ok()) break;
        if (!out.empty()) out += ", ";
        out += named(name(c), c);
    }
    parent.take(r);
    return out;
}

// A distinguished name (DER) as "CN=…, O=…, C=JP", most specific first like pki::Certificate.
std::string dn_text(pki::ByteView der) {
    unsigned char* p = const_cast<unsigned char*>(der.data());
    const unsigned char* end = p + der.size();
    std::size_t len = 0;
    if (mbedtls_asn1_get_tag(&p, end, &len, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0 ||
        p + len != end)
        return "(not a distinguished name: " + pki::hex_lower(der) + ")";
    std::vector<std::string> parts;
    while (p < end) {
        std::size_t set_len = 0;
        if (mbedtls_asn1_get_tag(&p, end, &set_len, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SET) != 0) break;
        const unsigned char* set_end = p + set_len;
        while (p < set_end) {
            std::size_t seq_len = 0;
            if (mbedtls_asn1_get_tag(&p, set_end, &seq_len, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0) {
                p = const_cast<unsigned char*>(end);
                break;
            }
            const unsigned char* seq_end = p + seq_len;
            mbedtls_asn1_buf oid{};
            oid.tag = MBEDTLS_ASN1_OID;
            if (mbedtls_asn1_get_tag(&p, seq_end, &oid.len, MBEDTLS_ASN1_OID) != 0) {
                p = const_cast<unsigned char*>(end);
                break;
            }
            oid.p = p;
            p += oid.len;
            if (p + 2 > seq_end) {
                p = const_cast<unsigned char*>(end);
                break;
            }
            ++p;  // the string's tag (UTF8String, PrintableString, …)
            std::size_t value_len = 0;
            if (mbedtls_asn1_get_len(&p, seq_end, &value_len) != 0) {
                p = const_cast<unsigned char*>(end);
                break;
            }
            const char* short_name = nullptr;
            std::string key = mbedtls_oid_get_attr_short_name(&oid, &short_name) == 0 ? short_name : "OID";
            parts.push_back(key + "=" + std::string(reinterpret_cast<const char*>(p), value_len));
            p += value_len;
        }
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty()) out += ", ";
        out += *it;
    }
    return out;
}

std::string time_text(pki::UnixTime t) { return pki::iso_time_string(t); }

// One certificate of a Certificate message: its fields, prefixed "certificate[i]".
void certificate_fields(pki::ByteView der, std::size_t index, Message& m) {
    const std::string prefix = "certificate[" + std::to_string(index) + "]";
    pki::Certificate cert;
    if (cert.parse(der) != pki::PkiError::Ok) {
        m.fields.push_back({prefix, "(" + std::to_string(der.size()) + " bytes that do not parse as X.509)"});
        return;
    }
    m.fields.push_back({prefix + ".subject", cert.subject()});
    m.fields.push_back({prefix + ".issuer", cert.issuer()});
    m.fields.push_back({prefix + ".serial_number", cert.serial_hex()});
    m.fields.push_back({prefix + ".not_before", time_text(cert.not_before())});
    m.fields.push_back({prefix + ".not_after", time_text(cert.not_after())});
    const char* key = mbedtls_pk_get_name(&cert.raw()->pk);
    m.fields.push_back({prefix + ".public_key", std::string(key != nullptr ? key : "?") + ", " +
                                                     std::to_string(mbedtls_pk_get_bitlen(&cert.raw()->pk)) + " bits"});
}

// Extensions (TLS 1.2 and 1.3 hellos, EncryptedExtensions, 1.3 CertificateRequest).
struct ExtensionsSeen {
    bool certificate_authorities = false;
};
void extension_fields(Reader exts, Message& m, Reader& parent, bool server, ExtensionsSeen& seen) {
    std::vector<std::string> names;
    while (exts.ok() && exts.left() > 0) {
        const std::uint32_t type = exts.u(2, "extension type");
        Reader body = exts.vec(2, extension_name(type) != nullptr ? extension_name(type) : "extension");
        if (!exts.ok()) break;
        names.push_back(named(extension_name(type), type));
        switch (type) {
            case 0: {  // server_name (the server's acknowledgement is empty)
                if (body.left() == 0) break;
                Reader list = body.vec(2, "server_name_list");
                while (list.ok() && list.left() > 0) {
                    const std::uint32_t kind = list.u(1, "name_type");
                    const Reader host = list.vec(2, "host_name");
                    if (!list.ok()) break;
                    if (kind == 0) m.fields.push_back({"server_name", std::string(reinterpret_cast<const char*>(host.p), host.n)});
                }
                body.take(list);
                break;
            }
            case 10:  // supported_groups
                m.fields.push_back({"supported_groups", code_list(body.vec(2, "named_group_list"), group_name, body, "named_group")});
                break;
            case 13:  // signature_algorithms
                m.fields.push_back({"signature_algorithms",
                                    code_list(body.vec(2, "supported_signature_algorithms"), signature_scheme_name, body,
                                              "signature_scheme")});
                break;
            case 43:  // supported_versions
                if (server) {
                    const std::uint32_t v = body.u(2, "selected_version");
                    m.fields.push_back({"supported_versions", named(version_text(v), v)});
                } else {
                    m.fields.push_back({"supported_versions", code_list(body.vec(1, "versions"), version_text, body, "version")});
                }
                break;
            case 51: {  // key_share
                std::string groups;
                if (server) {
                    const std::uint32_t g = body.u(2, "key_share group");
                    const Reader key = body.vec(2, "key_exchange");
                    groups = named(group_name(g), g) + ", " + std::to_string(key.n) + "-byte public key";
                } else {
                    Reader shares = body.vec(2, "client_shares");
                    while (shares.ok() && shares.left() > 0) {
                        const std::uint32_t g = shares.u(2, "key_share group");
                        const Reader key = shares.vec(2, "key_exchange");
                        if (!shares.ok()) break;
                        if (!groups.empty()) groups += "; ";
                        groups += named(group_name(g), g) + ", " + std::to_string(key.n) + "-byte public key";
                    }
                    body.take(shares);
                }
                m.fields.push_back({"key_share", groups});
                break;
            }
            case 47: {  // certificate_authorities
                seen.certificate_authorities = true;
                Reader list = body.vec(2, "authorities");
                std::size_t i = 0;
                while (list.ok() && list.left() > 0) {
                    const Reader dn = list.vec(2, "DistinguishedName");
                    if (!list.ok()) break;
                    m.fields.push_back({"certificate_authorities[" + std::to_string(i++) + "]", dn_text({dn.p, dn.n})});
                }
                body.take(list);
                break;
            }
            default:
                body.pos = body.n;  // listed by name only
                break;
        }
        exts.take(body);
    }
    m.fields.push_back({"extensions", [&] {
                            std::string s;
                            for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
                            return s.empty() ? std::string("(none)") : s;
                        }()});
    parent.take(exts);
}

struct Hellos {
    pki::Bytes client_random;
    pki::Bytes server_random;
    std::uint32_t cipher_suite = 0;
};

// Fills m.fields from the handshake message's body; on failure m.error says what did not parse.
void handshake_fields(Message& m, Version version, Hellos& hellos) {
    Reader r(m.bytes.data() + 4, m.bytes.size() - 4);
    const bool tls13 = version == Version::Tls13;
    ExtensionsSeen seen;
    switch (static_cast<HandshakeType>(m.handshake_type)) {
        case HandshakeType::ClientHello: {
            const std::uint32_t v = r.u(2, "legacy_version");
            m.fields.push_back({"legacy_version", named(version_text(v), v)});
            const pki::ByteView random = r.bytes(32, "random");
            if (r.ok()) hellos.client_random.assign(random.begin(), random.end());
            m.fields.push_back({"random", pki::hex_lower(random)});
            const Reader session = r.vec(1, "legacy_session_id");
            m.fields.push_back({"legacy_session_id", std::to_string(session.n) + " bytes"});
            m.fields.push_back({"cipher_suites", code_list(r.vec(2, "cipher_suites"), cipher_suite_name, r, "cipher_suite")});
            r.vec(1, "legacy_compression_methods");
            if (r.ok() && r.left() > 0) extension_fields(r.vec(2, "extensions"), m, r, false, seen);
            break;
        }
        case HandshakeType::ServerHello: {
            const std::uint32_t v = r.u(2, "legacy_version");
            m.fields.push_back({"legacy_version", named(version_text(v), v)});
            const pki::ByteView random = r.bytes(32, "random");
            if (r.ok()) hellos.server_random.assign(random.begin(), random.end());
            m.fields.push_back({"random", pki::hex_lower(random)});
            r.vec(1, "legacy_session_id_echo");
            hellos.cipher_suite = r.u(2, "cipher_suite");
            m.fields.push_back({"cipher_suite", named(cipher_suite_name(hellos.cipher_suite), hellos.cipher_suite)});
            r.u(1, "legacy_compression_method");
            if (r.ok() && r.left() > 0) extension_fields(r.vec(2, "extensions"), m, r, true, seen);
            break;
        }
        case HandshakeType::EncryptedExtensions:
            extension_fields(r.vec(2, "extensions"), m, r, true, seen);
            break;
        case HandshakeType::Certificate: {
            if (tls13) {
                const Reader context = r.vec(1, "certificate_request_context");
                m.fields.push_back({"certificate_request_context", std::to_string(context.n) + " bytes"});
            }
            Reader list = r.vec(3, "certificate_list");
            std::size_t i = 0;
            while (list.ok() && list.left() > 0) {
                const Reader der = list.vec(3, "cert_data");
                if (tls13) list.vec(2, "extensions");
                if (!list.ok()) break;
                certificate_fields({der.p, der.n}, i++, m);
            }
            r.take(list);
            m.fields.insert(m.fields.begin() + (tls13 ? 1 : 0), {"certificates", std::to_string(i)});
            break;
        }
        case HandshakeType::CertificateRequest: {
            if (tls13) {
                const Reader context = r.vec(1, "certificate_request_context");
                m.fields.push_back({"certificate_request_context", std::to_string(context.n) + " bytes"});
                extension_fields(r.vec(2, "extensions"), m, r, true, seen);
            } else {
                Reader types = r.vec(1, "certificate_types");
                std::string t;
                while (types.ok() && types.left() > 0) {
                    const std::uint32_t c = types.u(1, "certificate_type");
                    t += (t.empty() ? "" : ", ") + std::string(c == 1 ? "rsa_sign" : c == 64 ? "ecdsa_sign" : "") + " (" +
                         std::to_string(c) + ")";
                }
                r.take(types);
                m.fields.push_back({"certificate_types", t});
                m.fields.push_back({"signature_algorithms",
                                    code_list(r.vec(2, "supported_signature_algorithms"), signature_scheme_name, r,
                                              "signature_scheme")});
                Reader list = r.vec(2, "certificate_authorities");
                std::size_t i = 0;
                while (list.ok() && list.left() > 0) {
                    const Reader dn = list.vec(2, "DistinguishedName");
                    if (!list.ok()) break;
                    m.fields.push_back({"certificate_authorities[" + std::to_string(i++) + "]", dn_text({dn.p, dn.n})});
                }
                r.take(list);
                seen.certificate_authorities = true;
            }
            if (!seen.certificate_authorities) m.fields.push_back({"certificate_authorities", "(not in the message)"});
            break;
        }
        case HandshakeType::ServerKeyExchange: {
            const std::uint32_t curve_type = r.u(1, "curve_type");
            const std::uint32_t group = r.u(2, "named_curve");
            m.fields.push_back({"curve", curve_type == 3 ? named(group_name(group), group) : "curve_type " + std::to_string(curve_type)});
            const Reader point = r.vec(1, "public");
            m.fields.push_back({"public_key", std::to_string(point.n) + " bytes"});
            const std::uint32_t scheme = r.u(2, "signature_algorithm");
            m.fields.push_back({"signature_algorithm", named(signature_scheme_name(scheme), scheme)});
            const Reader sig = r.vec(2, "signature");
            m.fields.push_back({"signature", std::to_string(sig.n) + " bytes"});
            break;
        }
        case HandshakeType::ClientKeyExchange: {
            const Reader point = r.vec(1, "public");
            m.fields.push_back({"public_key", std::to_string(point.n) + " bytes"});
            break;
        }
        case HandshakeType::CertificateVerify: {
            const std::uint32_t scheme = r.u(2, "algorithm");
            m.fields.push_back({"algorithm", named(signature_scheme_name(scheme), scheme)});
            const Reader sig = r.vec(2, "signature");
            m.fields.push_back({"signature", std::to_string(sig.n) + " bytes"});
            break;
        }
        case HandshakeType::Finished: {
            const pki::ByteView data = r.bytes(r.left(), "verify_data");
            m.fields.push_back({"verify_data", pki::hex_lower(data)});
            break;
        }
        case HandshakeType::ServerHelloDone:
            break;
        default:
            r.pos = r.n;  // shown with its bytes only
            break;
    }
    r.expect_end(m.name.c_str());
    if (!r.ok()) {
        m.kind = MessageKind::Malformed;
        m.error = m.name + ": " + r.error;
    }
}

// Per direction: the handshake stream being cut into messages, and the keys.
struct Side {
    pki::Bytes stream;
    std::int64_t stream_time = 0;
    Protection stream_protection = Protection::Plain;
    bool stream_late = false;
    std::optional<RecordKey> handshake_key;    // 1.3
    std::optional<RecordKey> application_key;  // 1.3
    std::optional<RecordKey> key12;            // 1.2, after ChangeCipherSpec
    bool changed_cipher = false;               // 1.2: ChangeCipherSpec sent
    bool finished = false;                     // 1.3: Finished sent
};

const char* protection_name(Protection p) {
    switch (p) {
        case Protection::Plain: return "none";
        case Protection::HandshakeKeys: return "handshake traffic keys";
        case Protection::ApplicationKeys: return "application traffic keys";
        case Protection::MasterSecretKeys: return "key block of the master secret";
    }
    return "";
}

class Reading {
public:
    Reading(const Capture& capture, bool use_key_log) : capture_(capture), use_key_log_(use_key_log) {
        t_.version = capture.version;
    }

    Transcript run() {
        for (const Record& record : capture_.records) read_record(record);
        for (int d = 0; d < 2; ++d) {
            if (!sides_[d].stream.empty()) {
                Message m = base(d == 0 ? Direction::ClientToServer : Direction::ServerToClient, sides_[d].stream_time);
                m.kind = MessageKind::Malformed;
                m.name = "Handshake";
                m.bytes = sides_[d].stream;
                m.error = "an incomplete handshake message: " + std::to_string(sides_[d].stream.size()) +
                          " bytes at the end of the records";
                t_.messages.push_back(std::move(m));
            }
        }
        mark_failure();
        return std::move(t_);
    }

private:
    static int index(Direction d) { return d == Direction::ClientToServer ? 0 : 1; }
    Message base(Direction d, std::int64_t time) const {
        Message m;
        m.direction = d;
        m.time_us = time;
        return m;
    }
    // A message that is one whole record (not a handshake message): its kind, name and bytes.
    Message record_message(const Record& record, MessageKind kind, const char* name, pki::Bytes bytes,
                           Protection protection = Protection::Plain) const {
        Message m = base(record.direction, record.time_us);
        m.kind = kind;
        m.name = name;
        m.bytes = std::move(bytes);
        m.protection = protection;
        return m;
    }
    void malformed(const Record& record, std::string error) {
        Message m = record_message(record, MessageKind::Malformed, "Record", record.bytes);
        m.error = std::move(error);
        t_.messages.push_back(std::move(m));
    }

    void read_record(const Record& record) {
        const pki::Bytes& b = record.bytes;
        if (b.size() < 5) {
            malformed(record, "a record of " + std::to_string(b.size()) + " bytes, shorter than its 5-byte header");
            return;
        }
        const std::size_t length = static_cast<std::size_t>(b[3]) << 8 | b[4];
        if (length != b.size() - 5) {
            malformed(record, "the record header says " + std::to_string(length) + " bytes, " + std::to_string(b.size() - 5) +
                                  " follow");
            return;
        }
        Side& side = sides_[index(record.direction)];
        const std::uint8_t type = b[0];
        pki::Bytes plain(b.begin() + 5, b.end());
        std::uint8_t content = type;
        Protection protection = Protection::Plain;
        bool late = false;
        const bool tls13 = capture_.version == Version::Tls13;
        if (tls13 && type == static_cast<std::uint8_t>(ContentType::ApplicationData)) {
            // Handshake keys until the sender's Finished, then application keys — and Mbed TLS's
            // server alert after the client's Finished under its handshake keys (tried second).
            std::optional<RecordKey>* order[2] = {&side.handshake_key, &side.application_key};
            if (side.finished) std::swap(order[0], order[1]);
            bool opened = false;
            for (std::optional<RecordKey>* key : order) {
                if (!key->has_value()) continue;
                if (auto p = (*key)->open(b)) {
                    if (!split_inner_plaintext(*p, content)) {
                        malformed(record, "a protected record with no content type (all padding)");
                        return;
                    }
                    plain = std::move(*p);
                    protection = key == &side.handshake_key ? Protection::HandshakeKeys : Protection::ApplicationKeys;
                    late = protection == Protection::HandshakeKeys && side.finished;
                    opened = true;
                    t_.decrypted = true;
                    break;
                }
            }
            if (!opened) {
                encrypted(record);
                return;
            }
        } else if (!tls13 && side.changed_cipher && type != static_cast<std::uint8_t>(ContentType::ChangeCipherSpec)) {
            std::optional<pki::Bytes> p = side.key12 ? side.key12->open(b) : std::nullopt;
            if (!p) {
                encrypted(record);
                return;
            }
            plain = std::move(*p);
            protection = Protection::MasterSecretKeys;
            t_.decrypted = true;
        }
        switch (static_cast<ContentType>(content)) {
            case ContentType::Handshake:
                if (side.stream.empty()) {
                    side.stream_time = record.time_us;
                    side.stream_protection = protection;
                    side.stream_late = late;
                }
                side.stream.insert(side.stream.end(), plain.begin(), plain.end());
                cut_messages(record.direction);
                break;
            case ContentType::ChangeCipherSpec: {
                Message m = record_message(record, MessageKind::ChangeCipherSpec, "ChangeCipherSpec", plain, protection);
                if (plain.size() != 1 || plain[0] != 1) {
                    m.kind = MessageKind::Malformed;
                    m.error = "ChangeCipherSpec: its body is not the single byte 1";
                } else if (!tls13) {
                    side.changed_cipher = true;
                    if (use_key_log_ && !secrets_.master_secret.empty()) {
                        side.key12 = RecordKey::tls12(secrets_.master_secret, hellos_.client_random, hellos_.server_random,
                                                      record.direction == Direction::ClientToServer);
                    }
                }
                t_.messages.push_back(std::move(m));
                break;
            }
            case ContentType::Alert: {
                Message m = record_message(record, MessageKind::Alert, "Alert", plain, protection);
                m.late_handshake_key = late;
                if (plain.size() != 2) {
                    m.kind = MessageKind::Malformed;
                    m.error = "Alert: " + std::to_string(plain.size()) + " bytes, an alert is 2";
                } else {
                    m.alert_level = plain[0];
                    m.alert_description = plain[1];
                    m.fields.push_back({"level", std::string(plain[0] == 1 ? "warning" : plain[0] == 2 ? "fatal" : "?") +
                                                     " (" + std::to_string(plain[0]) + ")"});
                    m.fields.push_back({"description", std::string(alert_name(plain[1])) + " (" + std::to_string(plain[1]) + ")"});
                }
                add_protection_field(m);
                t_.messages.push_back(std::move(m));
                break;
            }
            case ContentType::ApplicationData: {
                Message m = record_message(record, MessageKind::ApplicationData, "ApplicationData", plain, protection);
                m.fields.push_back({"length", std::to_string(plain.size()) + " bytes"});
                t_.messages.push_back(std::move(m));
                break;
            }
            default:
                malformed(record, "unknown content type " + std::to_string(content));
                break;
        }
    }

    void encrypted(const Record& record) {
        Message m = record_message(record, MessageKind::Encrypted, "Encrypted record", record.bytes);
        m.fields.push_back({"length", std::to_string(record.bytes.size() - 5) + " bytes"});
        m.fields.push_back({"key_log", !use_key_log_ || capture_.key_log.empty() ? "not used"
                                                                                  : "no secret of the key log opens it"});
        t_.messages.push_back(std::move(m));
    }

    void add_protection_field(Message& m) const {
        if (m.protection == Protection::Plain) return;
        std::string value = std::string("decrypted with the ") + (m.direction == Direction::ClientToServer ? "client's " : "server's ") +
                            protection_name(m.protection);
        if (m.late_handshake_key) value += " (sent after the client's Finished under the server's handshake keys)";
        m.fields.push_back({"protection", value});
    }

    void cut_messages(Direction direction) {
        Side& side = sides_[index(direction)];
        while (side.stream.size() >= 4) {
            const std::size_t length = static_cast<std::size_t>(side.stream[1]) << 16 |
                                       static_cast<std::size_t>(side.stream[2]) << 8 | side.stream[3];
            if (side.stream.size() < 4 + length) return;  // continues in the next record
            Message m = base(direction, side.stream_time);
            m.kind = MessageKind::Handshake;
            m.handshake_type = side.stream[0];
            m.name = handshake_type_name(m.handshake_type);
            m.bytes.assign(side.stream.begin(), side.stream.begin() + static_cast<std::ptrdiff_t>(4 + length));
            m.protection = side.stream_protection;
            m.late_handshake_key = side.stream_late;
            side.stream.erase(side.stream.begin(), side.stream.begin() + static_cast<std::ptrdiff_t>(4 + length));
            handshake_fields(m, capture_.version, hellos_);
            add_protection_field(m);
            if (m.is(HandshakeType::ServerHello)) keys_from_hellos();
            if (m.is(HandshakeType::Finished)) side.finished = true;
            t_.messages.push_back(std::move(m));
        }
    }

    void keys_from_hellos() {
        if (!use_key_log_ || hellos_.client_random.size() != 32) return;
        secrets_ = read_key_log(capture_.key_log, hellos_.client_random);
        if (capture_.version != Version::Tls13) return;
        Side& client = sides_[0];
        Side& server = sides_[1];
        if (!secrets_.client_handshake.empty()) client.handshake_key = RecordKey::tls13(secrets_.client_handshake);
        if (!secrets_.server_handshake.empty()) server.handshake_key = RecordKey::tls13(secrets_.server_handshake);
        if (!secrets_.client_application.empty()) client.application_key = RecordKey::tls13(secrets_.client_application);
        if (!secrets_.server_application.empty()) server.application_key = RecordKey::tls13(secrets_.server_application);
    }

    void mark_failure() {
        if (!capture_.alert) return;
        const Alert& alert = *capture_.alert;
        for (int i = static_cast<int>(t_.messages.size()) - 1; i >= 0 && t_.failing_alert < 0; --i) {
            const Message& m = t_.messages[static_cast<std::size_t>(i)];
            if (m.direction == alert.direction && m.kind == MessageKind::Alert && m.alert_description == alert.description)
                t_.failing_alert = i;
        }
        // Not opened (no key log): the sender's last protected record is the alert.
        for (int i = static_cast<int>(t_.messages.size()) - 1; i >= 0 && t_.failing_alert < 0; --i) {
            const Message& m = t_.messages[static_cast<std::size_t>(i)];
            if (m.direction == alert.direction && m.kind == MessageKind::Encrypted) t_.failing_alert = i;
        }
        if (t_.failing_alert >= 0) t_.messages[static_cast<std::size_t>(t_.failing_alert)].mark = Mark::FailingAlert;
        const bool about_the_certificate = alert.direction == Direction::ServerToClient &&
                                           (alert.description == 42 || alert.description == 43 || alert.description == 44 ||
                                            alert.description == 45 || alert.description == 46 || alert.description == 48);
        if (!about_the_certificate) return;
        for (int i = static_cast<int>(t_.messages.size()) - 1; i >= 0; --i) {
            const Message& m = t_.messages[static_cast<std::size_t>(i)];
            if (m.direction == Direction::ClientToServer && m.is(HandshakeType::Certificate)) {
                t_.checked_certificate = i;
                t_.messages[static_cast<std::size_t>(i)].mark = Mark::CheckedCertificate;
                return;
            }
        }
    }

    const Capture& capture_;
    bool use_key_log_;
    Transcript t_;
    Side sides_[2];
    Hellos hellos_;
    KeyLogSecrets secrets_;
};

}  // namespace

const char* handshake_type_name(std::uint8_t type) {
    switch (static_cast<HandshakeType>(type)) {
        case HandshakeType::HelloRequest: return "HelloRequest";
        case HandshakeType::ClientHello: return "ClientHello";
        case HandshakeType::ServerHello: return "ServerHello";
        case HandshakeType::NewSessionTicket: return "NewSessionTicket";
        case HandshakeType::EndOfEarlyData: return "EndOfEarlyData";
        case HandshakeType::EncryptedExtensions: return "EncryptedExtensions";
        case HandshakeType::Certificate: return "Certificate";
        case HandshakeType::ServerKeyExchange: return "ServerKeyExchange";
        case HandshakeType::CertificateRequest: return "CertificateRequest";
        case HandshakeType::ServerHelloDone: return "ServerHelloDone";
        case HandshakeType::CertificateVerify: return "CertificateVerify";
        case HandshakeType::ClientKeyExchange: return "ClientKeyExchange";
        case HandshakeType::Finished: return "Finished";
        case HandshakeType::KeyUpdate: return "KeyUpdate";
        case HandshakeType::MessageHash: return "MessageHash";
    }
    static thread_local char buf[24];
    std::snprintf(buf, sizeof buf, "handshake_%u", static_cast<unsigned>(type));
    return buf;
}

Transcript read_transcript(const Capture& capture, bool use_key_log) { return Reading(capture, use_key_log).run(); }

}  // namespace cp::tls
