#include "config/brand.h"


namespace cp {

BrandConfig default_brand() {
    BrandConfig b;
    b.bank_name = {"大阪シティ信用金庫", "Osaka City Shinkin Bank"};
    b.bank_short = {"シティ信金", "City Shinkin"};
    b.service_name = {"シティ信金ビジネスダイレクト", "City Shinkin Business Direct"};
    b.ca_name = {"しんきん電子証明書認証局", "Shinkin Certificate Authority"};
    b.bank_code = "1635";
    b.acquisition_app = "ShinkinIBCertTool";
    return b;
}

namespace {

// A name shown in one line of the UI: non-empty, at most 64 bytes, no control characters.
bool valid_name(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) return false;
    }
    return true;
}

bool valid_bank_code(const std::string& s) {
    if (s.size() != 4) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

bool valid_file_name(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

BrandField set_brand_field(BrandConfig& b, std::string_view key, const std::string& value, std::string& rule) {
    struct Field {
        const char* key;
        std::string* target;
        bool (*valid)(const std::string&);
        const char* rule;
    };
    const Field fields[] = {
        {"bank_name_ja", &b.bank_name.ja, valid_name, "1-64 bytes, one line"},
        {"bank_name_en", &b.bank_name.en, valid_name, "1-64 bytes, one line"},
        {"bank_short_ja", &b.bank_short.ja, valid_name, "1-64 bytes, one line"},
        {"bank_short_en", &b.bank_short.en, valid_name, "1-64 bytes, one line"},
        {"service_name_ja", &b.service_name.ja, valid_name, "1-64 bytes, one line"},
        {"service_name_en", &b.service_name.en, valid_name, "1-64 bytes, one line"},
        {"ca_name_ja", &b.ca_name.ja, valid_name, "1-64 bytes, one line"},
        {"ca_name_en", &b.ca_name.en, valid_name, "1-64 bytes, one line"},
        {"bank_code", &b.bank_code, valid_bank_code, "4 digits"},
        {"acquisition_app", &b.acquisition_app, valid_file_name, "letters, digits, '_', '-', '.'"},
    };
    for (const Field& f : fields) {
        if (key != f.key) continue;
        if (!f.valid(value)) {
            rule = f.rule;
            return BrandField::Refused;
        }
        *f.target = value;
        return BrandField::Taken;
    }
    return BrandField::NotABrandKey;
}

}  // namespace cp
