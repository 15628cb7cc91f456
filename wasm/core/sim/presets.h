// certportal sim: scenario presets — the seed world and a starting point for each seed
// procedure, so a demo (or a test) begins where the help page begins. "Reset" is loading a
// preset again.
//
// The seed world (the seeds' own values): contract 00009876543 しんきん商事（株）; users S0001
// しんきん 太郎 1 (利用開始 ○, 資金移動 ×, every other named column ○) and S0002 しんきん 太郎 2
// (利用開始 -, every column ○); S0001's certificate 001 registered 2022-10-01, expiring
// 2023-10-02; the card maps オ → 89 and ウ → 45. The demo's secrets are kSeedSecrets. The dates
// and where they come from: docs/domain.md ("Dates, validity and windows", "Every other number").
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "bank/bank_state.h"
#include "bank/certificate_authority.h"
#include "bank/random.h"
#include "pc/pc_certificate_store.h"
#include "pc/pc_services.h"

namespace cp {

enum class Preset : std::uint8_t {
    SeedWorld = 0,            // 2023-09-01 10:00 JST, everything valid
    AdminRenewalWindow,       // admin certificate expires in 20 days; 電子証明書更新のお知らせ sent
    UserCertificateExpired,   // 2023-10-10: S0001's certificate expired on 2023-10-02 (the seed)
    ContractLocked,           // ご契約先暗証番号 entered wrong 所定回数: admin and users locked
    CardLost,                 // お客様カード reported lost, nothing requested yet
    PickupWindowPassed,       // S0001 reissued 81 days ago and never picked up
    HundredUsers,             // the seed world plus S0003…S0100 (mixed flags and permissions, a few
                              // suspended, a few with a certificate pending pickup): a full grid
    UserPickupPending,        // the seed world just after seed 001 part 1: S0001 reissued now, to be
                              // picked up on 利用者のパソコン within 80 days (part 2 starts here)
    UserRenewalWindow,        // S0001's certificate on 利用者のパソコン expires in 20 days; its
                              // 電子証明書更新のお知らせ sent (seed 000 A3: the user renews it)
    AdminCertificateExpired,  // the seed world, but the admin certificate expired 5 days ago (seed
                              // 000: 有効期間が経過している場合, only the branch reissues it)
    Count_
};
const char* preset_name(Preset preset);

struct SeedSecrets {
    std::string_view contract_id = "00009876543";
    std::string_view contract_pin = "shinkin01";       // ご契約先暗証番号
    std::string_view confirmation_pin = "kakunin02";   // ご契約先確認暗証番号
    std::string_view s0001_pin = "taro0001";           // 利用者暗証番号
    std::string_view s0002_pin = "taro0002";
};
inline constexpr int kHundredUsersCount = 100;
// HundredUsers: the PIN of user S0003…S0100 is "taro" and its four digits ("taro0042").
inline constexpr SeedSecrets kSeedSecrets{};
// The 利用者暗証番号 the presets give a user ("S0042" → "taro0042"; S0001 and S0002's are
// kSeedSecrets'); empty for an id that is not "S" and four digits.
std::string preset_user_pin(std::string_view user_id);

struct World {
    BankState bank;
    PcCertificateStore admin_pc;  // 管理者のパソコン: the admin certificate
    PcCertificateStore user_pc;   // 利用者のパソコン: S0001's and S0002's certificates
};

// The two PCs' key services: their certificates are made the real way (key pair on the PC, CSR,
// the CA certifies, the key protected at 中 by that PC's device key).
struct PresetPcs {
    PcServices admin_pc;
    PcServices user_pc;
};

// Where the bank's CA starts when it is created for the presets (first run): 2020-01-01 00:00 JST,
// before the oldest certificate of their past (2022-10-01).
inline constexpr SimTime kPresetCaNotBefore = 1577804400;

// Builds the preset; the certificates of its past are issued by `authority` (which must be ready:
// PkiAuthority::create(setup, kPresetCaNotBefore) on first run; a reset keeps the CA). `config`
// lets tests shorten PBKDF2 (pin_hash_iterations) and windows. `done` runs once — before
// make_preset returns when the PCs' services complete at once (native, tests), later in the
// browser (key jobs in the worker, the WebCrypto device key) — with Ok and the world, or the
// failure (KeyGenerationFailed, KeyProtectionFailed, IssuingFailed) and an empty world.
void make_preset(Preset preset, RandomSource& random, CertificateAuthority& authority, PresetPcs pcs,
                 const BankConfig& config, std::function<void(FlowResult, World)> done);

}  // namespace cp
