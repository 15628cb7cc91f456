// certportal tools: the certificate login step's time — 証明書の選択 (the chooser opens: the login
// is made) → the certificate chosen → 「アクセス許可の付与」 (保護レベル 中: the device key unseals
// the key) → the bank's verdict — as the page's module runs it (the wasm bundle tree, -O3), under
// Node. Prints the median and the 95th percentile of `runs` administrator logins (default 60) on the
// seeds' world (the CA on ECDSA P-256 as the page makes it, the PCs' keys RSA-2048). The same source
// builds against the tree before the TLS login (the challenge–response): docs/perf.md compares them.
//   cmake --build --preset wasm --target login_bench && node build/wasm/wasm/core/sim/login_bench.js 60
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bank/bank.h"
#include "bank/pki_authority.h"
#include "bank/random.h"
#include "pki/jobs.h"
#include "pki/protection.h"
#include "pki/random.h"
#include "procedures/admin_login.h"
#include "sim/presets.h"

namespace {

cp::pki::ByteView bytes_of(const std::string& s) { return cp::pki::ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 60;
    const std::string ca_seed = "bench ca", pc_seed = "bench pc", device = "bench device key";
    cp::pki::Drbg ca_rng, pc_rng;
    if (ca_rng.seed_deterministic_for_tests(bytes_of(ca_seed)) != cp::pki::PkiError::Ok ||
        pc_rng.seed_deterministic_for_tests(bytes_of(pc_seed)) != cp::pki::PkiError::Ok)
        return 1;
    cp::pki::LocalKeyJobRunner jobs(pc_rng, cp::pki::LocalKeyJobRunner::Mode::Immediate);
    cp::pki::TestDeviceKey device_key(bytes_of(device));
    const cp::PcServices pc{&jobs, &device_key, &pc_rng};  // RSA-2048, as the page's PCs
    cp::SeededRandom random(1);
    cp::PkiAuthority authority(ca_rng);
    cp::pki::CaSetup setup;
    setup.key_type = cp::pki::KeyType::EcP256;  // as the page (platform/simulation_host.cpp)
    if (authority.create(setup, cp::kPresetCaNotBefore) != cp::FlowResult::Ok) return 1;
    cp::World world;
    cp::FlowResult built = cp::FlowResult::WrongStep;
    cp::BankConfig config;
    config.pin_hash_iterations = 2;  // not part of the certificate step
    cp::make_preset(cp::Preset::SeedWorld, random, authority, cp::PresetPcs{pc, pc}, config,
                    [&](cp::FlowResult r, cp::World w) {
                        built = r;
                        world = std::move(w);
                    });
    if (built != cp::FlowResult::Ok) return 1;
    cp::Bank bank(world.bank, random, authority);
    const cp::InstalledCertificate& certificate = world.admin_pc.certificates.front();

    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        cp::AdminLogin login(bank, pc);
        cp::FlowResult r = login.choose_certificate(certificate);
        if (r == cp::FlowResult::Ok && login.step() == cp::AdminLogin::Step::KeyAccess) r = login.grant_key_access();
        const auto end = std::chrono::steady_clock::now();
        if (r != cp::FlowResult::Ok || login.step() != cp::AdminLogin::Step::ContractPin) {
            std::fprintf(stderr, "login %d: %s\n", i, cp::result_name(login.failure()));
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    std::printf("certificate login step, %d runs: median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms\n", runs,
                at(0.5), at(0.95), ms.front(), ms.back());
    return 0;
}
