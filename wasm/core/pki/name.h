// certportal pki: distinguished names — the subjects of the bank's certificates, and readable DNs.
//
// Subjects are built from attribute lists (no RFC 4514 string parsing, so company names with
// commas or quotes need no escaping). Text attributes are UTF8String except countryName
// (PrintableString), as RFC 5280 asks.
//
// Client certificates (from the seeds, help pages of the bank):
//   administrator  CN = 契約者ID + " " + bank code, e.g. "00009876543 1635"   OU = 管理者
//   user           CN = 契約者ID + " " + 利用者ID,  e.g. "00009876543 S0001"  OU = 利用者
// plus O = the company (optional, UTF-8) and C = JP. The login check reads CN and OU back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pki/error.h"

typedef struct mbedtls_asn1_named_data mbedtls_asn1_named_data;

namespace cp::pki {

enum class CertificateRole : std::uint8_t {
    Administrator,  // 管理者
    User,           // 利用者
};

const char* role_unit_name(CertificateRole role);  // "管理者" / "利用者" (the OU value)

struct ClientSubject {
    CertificateRole role = CertificateRole::Administrator;
    std::string contract_id;   // 契約者ID (利用者番号): 11 ASCII digits
    std::string bank_code;     // 金融機関コード: 4 ASCII digits (administrator CN suffix)
    std::string user_id;       // 利用者ID (users only): 1..30 ASCII letters/digits, as the bank accepts
    std::string organization;  // optional: the company, UTF-8, at most 64 characters
};

// Ok, or InvalidArgument when a field is malformed (wrong digits, control characters, bad UTF-8).
PkiError validate_client_subject(const ClientSubject& subject);
// "00009876543 1635" (administrator) or "00009876543 S0001" (user).
std::string client_common_name(const ClientSubject& subject);

struct CaSubject {
    std::string common_name;   // e.g. しんきん電子証明書認証局 (BrandConfig::ca_name.ja)
    std::string organization;  // optional, UTF-8
    std::string country = "JP";
};

// One attribute in DER order (country first, common name last).
struct NameAttribute {
    std::string oid;  // an MBEDTLS_OID_AT_* DER string
    int tag = 0;      // MBEDTLS_ASN1_UTF8_STRING / PRINTABLE_STRING
    std::string value;
};

std::vector<NameAttribute> client_subject_attributes(const ClientSubject& subject);
std::vector<NameAttribute> ca_subject_attributes(const CaSubject& subject);

// Identity read back from a certificate subject (what the login check compares).
struct SubjectIdentity {
    std::string common_name;
    std::string organizational_unit;
    std::string organization;
    std::string country;
};

bool is_valid_utf8(std::string_view text);

namespace detail {
// A freshly allocated Mbed TLS name list (free with mbedtls_asn1_free_named_data_list) written in
// the given DER order by Mbed TLS's writers. Null on allocation failure or empty input.
mbedtls_asn1_named_data* make_name_list(const std::vector<NameAttribute>& attributes);
// Copies a parsed name (a certificate's subject) into a list for the writers, keeping its
// encoding byte for byte (used for the issuer field of issued certificates and CRLs).
mbedtls_asn1_named_data* copy_name_list(const mbedtls_asn1_named_data* parsed);
// "CN=00009876543 1635, OU=管理者, O=…, C=JP": most specific first; UTF-8 kept, invalid bytes
// and control characters shown as U+FFFD; unknown attribute types by dotted OID.
std::string readable_name(const mbedtls_asn1_named_data* parsed);
SubjectIdentity read_identity(const mbedtls_asn1_named_data* parsed);
}  // namespace detail

}  // namespace cp::pki
