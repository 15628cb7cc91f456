// certportal bank: every number the bank's rules use, in one place. Zero-initialising is not
// meaningful here: a default-constructed BankConfig holds the defaults below, each with its source
// in docs/domain.md ("The bank's numbers"). Presets and tests change fields to
// shorten the demo.
#pragma once

#include <cstdint>

namespace cp {

// The TLS version of the bank's login server (the certificate login's handshake, tls/handshake.h).
enum class TlsVersion : std::uint8_t { Tls12 = 0, Tls13 = 1 };

struct BankConfig {
    std::uint32_t contract_lockout_count = 6;   // 所定回数 for contract secrets and the card
    std::uint32_t user_lockout_count = 7;       // 利用者暗証番号 / one-time password
    std::uint32_t pin_hash_iterations = 10000;  // PBKDF2; ~16 ms in wasm (100k would be ~165 ms)
    // 有効期限は1年 (seed 000): from the pickup to the same JST date and time a year later
    // (certificate_not_after in bank.h; docs/domain.md "Dates, validity and windows").
    std::uint32_t certificate_validity_years = 1;
    std::uint32_t renewal_window_days = 30;     // 証明書更新 shown this many days before expiry
    std::uint32_t first_reminder_days = 30;     // 電子証明書更新のお知らせ
    std::uint32_t second_reminder_days = 10;
    std::uint32_t pickup_window_days = 80;      // 取得可能期間 after an issue or reissue
    std::uint32_t card_reissue_min_days = 14;   // お客様カード再発行: 2～3週間 (the seed)
    std::uint32_t card_reissue_max_days = 21;
    std::uint32_t unlock_days = 2;              // 暗証番号閉塞解除依頼書 (the seeds give no delay)
    std::uint32_t admin_reissue_days = 2;       // 電子証明書再発行依頼書 (the seeds give no delay)
    std::uint32_t notices_hidden_days = 30;     // 全てのお知らせをしばらく表示しない
    std::uint32_t web_access_confirmations = 2; // 「Webアクセスの確認」: once or twice by OS (the seed)
    // The login server's protocol (docs/domain.md, "The bank's numbers"): 1.3 as the real service
    // negotiates today; 1.2 selectable to show its CertificateRequest naming the bank's CA.
    TlsVersion tls_version = TlsVersion::Tls13;
    bool operator==(const BankConfig&) const = default;
};

}  // namespace cp
