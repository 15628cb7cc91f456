// certportal core: the brand configuration — the bank's and the service's names.
//
// A UX team rebrands the portal by editing web/brand.json; nothing else names the bank. Every
// field has a default taken from the seeds (the help pages the simulator reproduces), so an
// empty or missing file gives the seeds' portal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/catalogue.h"

namespace cp {

struct LocalizedName {
    std::string ja;
    std::string en;
    const std::string& in(Language language) const { return language == Language::English ? en : ja; }
};

struct BrandConfig {
    LocalizedName bank_name;      // 大阪シティ信用金庫
    LocalizedName bank_short;     // シティ信金 (used in form names such as ...暗証番号閉塞解除依頼書)
    LocalizedName service_name;   // シティ信金ビジネスダイレクト
    LocalizedName ca_name;        // しんきん電子証明書認証局 (issuer of the certificates)
    std::string bank_code;        // 金融機関コード, 4 digits; also the suffix of the administrator's certificate name
    std::string acquisition_app;  // file name of the certificate acquisition app (ShinkinIBCertTool)
};

// The seeds' brand.
BrandConfig default_brand();

struct BrandParseResult {
    BrandConfig brand;            // defaults where the input is silent; all defaults on error
    std::vector<std::string> problems;  // empty when the input was fully accepted
};

// Reads web/brand.json's text. Keys: bank_name_ja, bank_name_en, bank_short_ja, bank_short_en,
// service_name_ja, service_name_en, ca_name_ja, ca_name_en, bank_code, acquisition_app.
// Unknown keys, an invalid bank_code or a malformed file are reported in problems; the brand is
// then the defaults (for a malformed file) or the defaults for the rejected fields only.
BrandParseResult parse_brand_json(std::string_view json);

}  // namespace cp
