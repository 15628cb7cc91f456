// certportal pki: distinguished names.
#include "pki/name.h"

#include <mbedtls/asn1.h>
#include <mbedtls/oid.h>

#include <cstdlib>
#include <cstring>

namespace cp::pki {
namespace {

std::string oid_string(const char* oid, std::size_t size) { return std::string(oid, size); }
#define CP_OID(x) oid_string(x, MBEDTLS_OID_SIZE(x))

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool all_alnum(std::string_view s) {
    for (char c : s) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!ok) return false;
    }
    return true;
}

// Counts code points; false on invalid UTF-8 or a control character.
bool utf8_text(std::string_view s, std::size_t& code_points) {
    code_points = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            n = 1;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        if (cp < 0x20 || cp == 0x7F) return false;
        i += n;
        ++code_points;
    }
    return true;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t n = 0;
    return utf8_text(text, n);
}

const char* role_unit_name(CertificateRole role) {
    return role == CertificateRole::Administrator ? "管理者" : "利用者";
}

PkiError validate_client_subject(const ClientSubject& s) {
    if (s.contract_id.size() != 11 || !all_digits(s.contract_id)) return PkiError::InvalidArgument;
    if (s.role == CertificateRole::Administrator) {
        if (s.bank_code.size() != 4 || !all_digits(s.bank_code)) return PkiError::InvalidArgument;
    } else {
        if (s.user_id.empty() || s.user_id.size() > 30 || !all_alnum(s.user_id)) return PkiError::InvalidArgument;
    }
    std::size_t n = 0;
    if (!utf8_text(s.organization, n) || n > 64) return PkiError::InvalidArgument;
    return PkiError::Ok;
}

std::string client_common_name(const ClientSubject& s) {
    return s.contract_id + " " + (s.role == CertificateRole::Administrator ? s.bank_code : s.user_id);
}

std::vector<NameAttribute> client_subject_attributes(const ClientSubject& s) {
    std::vector<NameAttribute> out;
    out.push_back({CP_OID(MBEDTLS_OID_AT_COUNTRY), MBEDTLS_ASN1_PRINTABLE_STRING, "JP"});
    if (!s.organization.empty()) {
        out.push_back({CP_OID(MBEDTLS_OID_AT_ORGANIZATION), MBEDTLS_ASN1_UTF8_STRING, s.organization});
    }
    out.push_back({CP_OID(MBEDTLS_OID_AT_ORG_UNIT), MBEDTLS_ASN1_UTF8_STRING, role_unit_name(s.role)});
    out.push_back({CP_OID(MBEDTLS_OID_AT_CN), MBEDTLS_ASN1_UTF8_STRING, client_common_name(s)});
    return out;
}

std::vector<NameAttribute> ca_subject_attributes(const CaSubject& s) {
    std::vector<NameAttribute> out;
    if (!s.country.empty()) {
        out.push_back({CP_OID(MBEDTLS_OID_AT_COUNTRY), MBEDTLS_ASN1_PRINTABLE_STRING, s.country});
    }
    if (!s.organization.empty()) {
        out.push_back({CP_OID(MBEDTLS_OID_AT_ORGANIZATION), MBEDTLS_ASN1_UTF8_STRING, s.organization});
    }
    out.push_back({CP_OID(MBEDTLS_OID_AT_CN), MBEDTLS_ASN1_UTF8_STRING, s.common_name});
    return out;
}

namespace detail {
namespace {

bool prepend_node(mbedtls_asn1_named_data*& head, const unsigned char* oid, std::size_t oid_len,
                  int tag, const unsigned char* val, std::size_t val_len) {
    auto* node = static_cast<mbedtls_asn1_named_data*>(std::calloc(1, sizeof(mbedtls_asn1_named_data)));
    if (node == nullptr) return false;
    node->oid.p = static_cast<unsigned char*>(std::calloc(1, oid_len == 0 ? 1 : oid_len));
    node->val.p = static_cast<unsigned char*>(std::calloc(1, val_len == 0 ? 1 : val_len));
    if (node->oid.p == nullptr || node->val.p == nullptr) {
        std::free(node->oid.p);
        std::free(node->val.p);
        std::free(node);
        return false;
    }
    if (oid_len != 0) std::memcpy(node->oid.p, oid, oid_len);
    if (val_len != 0) std::memcpy(node->val.p, val, val_len);
    node->oid.len = oid_len;
    node->oid.tag = MBEDTLS_ASN1_OID;
    node->val.len = val_len;
    node->val.tag = tag;
    node->next = head;
    head = node;
    return true;
}

}  // namespace

// Mbed TLS writes the list head last, so building by prepending in DER order gives DER order.
mbedtls_asn1_named_data* make_name_list(const std::vector<NameAttribute>& attributes) {
    mbedtls_asn1_named_data* head = nullptr;
    for (const NameAttribute& a : attributes) {
        if (!prepend_node(head, reinterpret_cast<const unsigned char*>(a.oid.data()), a.oid.size(),
                          a.tag, reinterpret_cast<const unsigned char*>(a.value.data()), a.value.size())) {
            mbedtls_asn1_free_named_data_list(&head);
            return nullptr;
        }
    }
    return head;
}

mbedtls_asn1_named_data* copy_name_list(const mbedtls_asn1_named_data* parsed) {
    mbedtls_asn1_named_data* head = nullptr;
    for (const mbedtls_asn1_named_data* cur = parsed; cur != nullptr; cur = cur->next) {
        if (cur->oid.p == nullptr) continue;
        if (!prepend_node(head, cur->oid.p, cur->oid.len, cur->val.tag, cur->val.p, cur->val.len)) {
            mbedtls_asn1_free_named_data_list(&head);
            return nullptr;
        }
    }
    return head;
}

namespace {

// Appends `bytes`, replacing invalid UTF-8 and control characters with U+FFFD.
void append_sanitized(std::string& out, const unsigned char* p, std::size_t len) {
    static constexpr const char* kReplacement = "\xEF\xBF\xBD";
    std::size_t i = 0;
    while (i < len) {
        // Find the length of the longest valid single code point here.
        bool appended = false;
        for (std::size_t n = 1; n <= 4 && i + n <= len; ++n) {
            std::size_t count = 0;
            if (utf8_text(std::string_view(reinterpret_cast<const char*>(p + i), n), count) && count == 1) {
                out.append(reinterpret_cast<const char*>(p + i), n);
                i += n;
                appended = true;
                break;
            }
        }
        if (!appended) {
            out += kReplacement;
            ++i;
        }
    }
}

std::string attribute_label(const mbedtls_asn1_buf& oid) {
    const char* short_name = nullptr;
    if (mbedtls_oid_get_attr_short_name(&oid, &short_name) == 0 && short_name != nullptr) {
        return short_name;
    }
    char buf[64];
    const int n = mbedtls_oid_get_numeric_string(buf, sizeof buf, &oid);
    return n > 0 ? std::string(buf) : std::string("?");
}

std::string attribute_value(const mbedtls_asn1_buf& val) {
    std::string out;
    if (val.p != nullptr) append_sanitized(out, val.p, val.len);
    return out;
}

bool oid_is(const mbedtls_asn1_buf& oid, const char* want, std::size_t want_len) {
    return oid.len == want_len && oid.p != nullptr && std::memcmp(oid.p, want, want_len) == 0;
}

}  // namespace

std::string readable_name(const mbedtls_asn1_named_data* parsed) {
    std::vector<std::string> parts;
    for (const mbedtls_asn1_named_data* cur = parsed; cur != nullptr; cur = cur->next) {
        if (cur->oid.p == nullptr) continue;
        parts.push_back(attribute_label(cur->oid) + "=" + attribute_value(cur->val));
    }
    std::string out;
    for (std::size_t i = parts.size(); i-- > 0;) {
        out += parts[i];
        if (i != 0) out += ", ";
    }
    return out;
}

SubjectIdentity read_identity(const mbedtls_asn1_named_data* parsed) {
    SubjectIdentity id;
    for (const mbedtls_asn1_named_data* cur = parsed; cur != nullptr; cur = cur->next) {
        const std::string value = attribute_value(cur->val);
        if (oid_is(cur->oid, MBEDTLS_OID_AT_CN, MBEDTLS_OID_SIZE(MBEDTLS_OID_AT_CN))) id.common_name = value;
        else if (oid_is(cur->oid, MBEDTLS_OID_AT_ORG_UNIT, MBEDTLS_OID_SIZE(MBEDTLS_OID_AT_ORG_UNIT))) id.organizational_unit = value;
        else if (oid_is(cur->oid, MBEDTLS_OID_AT_ORGANIZATION, MBEDTLS_OID_SIZE(MBEDTLS_OID_AT_ORGANIZATION))) id.organization = value;
        else if (oid_is(cur->oid, MBEDTLS_OID_AT_COUNTRY, MBEDTLS_OID_SIZE(MBEDTLS_OID_AT_COUNTRY))) id.country = value;
    }
    return id;
}

}  // namespace detail
}  // namespace cp::pki
