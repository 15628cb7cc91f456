// certportal core: the brand — the bank's and the service's names, the part of a profile
// (config/profile.h: web/brand.json, web/profiles/*.json) that names things.
//
// A UX team rebrands the portal by editing the profile; nothing else names the bank. Every
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

// One of the brand's keys at a profile's top level (bank_name_ja, bank_name_en, bank_short_ja,
// bank_short_en, service_name_ja, service_name_en, ca_name_ja, ca_name_en, bank_code,
// acquisition_app). Taken: `brand` has the value; Refused: `rule` says what the value must be and
// the field keeps its value; NotABrandKey: `key` is not one of them (nothing changed).
enum class BrandField : unsigned char { Taken, Refused, NotABrandKey };
BrandField set_brand_field(BrandConfig& brand, std::string_view key, const std::string& value, std::string& rule);

}  // namespace cp
