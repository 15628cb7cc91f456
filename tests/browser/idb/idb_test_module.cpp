// certportal IndexedDB test module: drives the real bank persistence (wasm/core/sim/persistence.h)
// through IndexedDbStorage, for the browser.indexeddb_* tests and tools/bench_idb.mjs.
//
// Every export takes a token first and answers later through cp_idb_test_report(token, json)
// (library_idb_test.js → Module.onReport); storage events arrive through cp_idb_test_event(json).
// The page (idb_page.js) wraps each export in a promise: window.idbTest.<name>(...).
//
// Databases: the bank ("certportal-bank"), 管理者のパソコン ("certportal-pc-admin-pc") and
// 利用者のパソコン ("certportal-pc-user-pc"), each opened with open_best_storage (memory fallback).
#include <emscripten/emscripten.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bank/bank_codec.h"
#include "bank/bank_state.h"
#include "bank/random.h"
#include "indexeddb_storage.h"
#include "pc/pc_certificate_store.h"
#include "sim/persistence.h"
#include "storage/byte_codec.h"
#include "storage/record_envelope.h"

extern "C" {
void cp_idb_test_report(int token, const char* json);  // library_idb_test.js
void cp_idb_test_event(const char* json);
}

namespace {

using cp::platform::OpenedStorage;

// --- JSON output -------------------------------------------------------------------------------

std::string q(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

void report(int token, const std::string& json) { cp_idb_test_report(token, json.c_str()); }

// --- State -------------------------------------------------------------------------------------

enum Pc : int { kBank = 0, kAdminPc = 1, kUserPc = 2 };

struct Db {
    std::string label;
    OpenedStorage opened;
    cp::Storage* storage() const { return opened.storage.get(); }
    // The storage status of the last commit/open: exact for IndexedDB; for memory only Ok/failed.
    std::string status(bool ok) const {
        if (auto* idb = opened.indexeddb()) return cp::storage_status_name(idb->last_status());
        return ok ? "Ok" : "failed";
    }
};

// The seed world's contract and people (presets.h: contract 00009876543 しんきん商事（株）, users
// S0001 しんきん 太郎 1 and S0002 しんきん 太郎 2), built here rather than with make_preset, which
// needs a CA and the PCs' key services: these tests are about storage, not issuance.
cp::BankState seed_bank() {
    cp::BankState s;
    s.config.pin_hash_iterations = 2;
    s.now = 1693530000;  // 2023-09-01 10:00 JST
    s.contract.id = "00009876543";
    s.contract.company = "しんきん商事（株）";
    s.contract.branch = "本店営業部";
    s.contract.bank_code = "1635";
    const char* names[] = {"しんきん 太郎 1", "しんきん 太郎 2"};
    for (int i = 0; i < 2; ++i) {
        cp::User u;
        u.id = std::string("S000") + static_cast<char>('1' + i);
        u.name = names[i];
        u.usage_started = i == 0;
        s.users.push_back(std::move(u));
    }
    return s;
}

struct TestState {
    cp::SeededRandom random{20231001};
    cp::BankState bank;                         // the seed's contract and people (seed_bank())
    std::vector<std::uint8_t> authority_record;  // stands in for the CA's record: opaque bytes
    Db dbs[3];
    int installed = 0;
};
TestState* g = nullptr;

TestState& state() {
    if (g == nullptr) {
        g = new TestState();
        g->bank = seed_bank();
        g->authority_record.assign(2048, 0);  // about the size of a CA certificate + key + CRL
        g->random.fill(g->authority_record);
        g->dbs[kBank].label = "bank";
        g->dbs[kAdminPc].label = "admin_pc";
        g->dbs[kUserPc].label = "user_pc";
    }
    return *g;
}

Db* db_of(int which) {
    if (which < 0 || which > 2) return nullptr;
    Db& d = state().dbs[which];
    return d.storage() != nullptr ? &d : nullptr;
}

// A schema 2 of the PC database for the migration tests: a "labels" store whose records the
// migration derives from the certificates it finds (one per serial).
const cp::StorageSchema& pc_schema_v2() {
    static const cp::StorageSchema schema{
        2,
        {"certificates", "keys", "quarantine", "labels"},
        {cp::Migration{2, [](const cp::StorageSnapshot& before, cp::WriteBatch& changes) {
                           const auto certs = before.find("certificates");
                           if (certs == before.end()) return;
                           for (const auto& [serial, value] : certs->second) {
                               const std::string label = "migrated:" + std::to_string(value.size());
                               changes.put("labels", serial, std::vector<std::uint8_t>(label.begin(), label.end()));
                           }
                       }}}};
    return schema;
}

std::string opened_json(const Db& d) {
    return "{\"backend\":" + q(cp::platform::storage_backend_name(d.opened.backend)) +
           ",\"status\":" + q(cp::storage_status_name(d.opened.indexeddb_status)) +
           ",\"previous\":" + std::to_string(d.opened.previous_version) +
           ",\"description\":" + q(cp::platform::storage_choice_description(d.opened)) + "}";
}

cp::platform::IndexedDbStorage::Events events_for(int which) {
    cp::platform::IndexedDbStorage::Events e;
    e.changed_externally = [which](const std::vector<std::string>& stores) {
        std::string list;
        for (const auto& s : stores) list += (list.empty() ? "" : ",") + q(s);
        const std::string head = "{\"type\":\"changed\",\"db\":" + q(state().dbs[which].label) + ",\"stores\":[" + list + "]";
        if (which == kBank) return cp_idb_test_event((head + "}").c_str());
        // Another tab changed this PC's store: reload it, as the portal would.
        cp::load_pc_store(*state().dbs[which].storage(), state().dbs[which].label,
                          [head](cp::FlowResult r, cp::PcCertificateStore pc, cp::LoadReport) {
                              const std::string json = head + ",\"reload\":" + q(cp::result_name(r)) +
                                                       ",\"count\":" + std::to_string(pc.certificates.size()) + "}";
                              cp_idb_test_event(json.c_str());
                          });
    };
    e.closed = [which](std::string_view why) {
        const std::string json = "{\"type\":\"closed\",\"db\":" + q(state().dbs[which].label) + ",\"why\":" + q(why) + "}";
        cp_idb_test_event(json.c_str());
    };
    e.skipped = [which](const cp::platform::SkippedRecord& r) {
        const std::string json = "{\"type\":\"skipped\",\"db\":" + q(state().dbs[which].label) + ",\"store\":" + q(r.store) +
                                 ",\"key\":" + q(r.key) + ",\"reason\":" + q(r.reason) + "}";
        cp_idb_test_event(json.c_str());
    };
    return e;
}

void open_one(int which, const cp::StorageSchema& schema, std::function<void()> next) {
    static const std::string names[3] = {cp::platform::bank_database_name(),
                                         cp::platform::database_name_for_pc(cp::kAdminPcName),
                                         cp::platform::database_name_for_pc(cp::kUserPcName)};
    state().dbs[which].opened = OpenedStorage{};
    cp::platform::open_best_storage(names[which], schema, [which, next = std::move(next)](OpenedStorage o) {
        state().dbs[which].opened = std::move(o);
        next();
    }, events_for(which));
}

// A certificate of S0001 as 利用者のパソコン's store holds it, made here (not through a CA: these
// tests are about storage). The serial is random, so it is unique across page loads and a reload
// test sees new records as new, not as overwrites. cert_size / key_size > 0 give the certificate
// and the protected key those sizes (the benchmark's realistic sizes); otherwise 64 and 32 bytes.
cp::InstalledCertificate new_certificate(int cert_size, int key_size) {
    TestState& s = state();
    cp::InstalledCertificate c;
    std::uint8_t id[8];
    cp::SystemRandom().fill(id);
    static constexpr char kHex[] = "0123456789abcdef";
    for (const std::uint8_t b : id) {
        c.serial += kHex[b >> 4];
        c.serial += kHex[b & 0xF];
    }
    c.subject = cp::CertificateSubject{"00009876543", "S0001", cp::HolderKind::User};
    c.not_before = 1696118400 + s.installed;  // 2023-10-01, one second apart: a stable order
    c.not_after = c.not_before + 365 * 86400;
    c.protection = cp::KeyProtection::Medium;
    ++s.installed;
    c.certificate.assign(static_cast<std::size_t>(cert_size > 0 ? cert_size : 64), 0);
    s.random.fill(c.certificate);
    cp::pki::SecretBytes key(static_cast<std::size_t>(key_size > 0 ? key_size : 32));
    s.random.fill(std::span<std::uint8_t>(key.mutable_data(), key.size()));
    c.protected_key = std::move(key);
    return c;
}

// Reads stores[i..] one after another and reports {"status":"Ok","<store>":{count,bytes,keys},...}.
void count_stores(int token, Db* d, std::vector<std::string> stores, std::size_t i, std::string out) {
    if (i == stores.size()) return report(token, "{\"status\":\"Ok\"" + out + "}");
    const std::string store = stores[i];
    d->storage()->read_store(store, [token, d, stores = std::move(stores), i, out = std::move(out), store](
                                        cp::StorageStatus s, cp::StoreRecords recs) mutable {
        if (s == cp::StorageStatus::UnknownStore) return count_stores(token, d, std::move(stores), i + 1, std::move(out));
        if (s != cp::StorageStatus::Ok) return report(token, "{\"status\":" + q(cp::storage_status_name(s)) + "}");
        std::size_t bytes = 0;
        std::string keys;
        for (const auto& [k, v] : recs) {
            bytes += k.size() + v.size();
            keys += (keys.empty() ? "" : ",") + q(k);
        }
        out += "," + q(store) + ":{\"count\":" + std::to_string(recs.size()) + ",\"bytes\":" + std::to_string(bytes) +
               ",\"keys\":[" + keys + "]}";
        count_stores(token, d, std::move(stores), i + 1, std::move(out));
    });
}

}  // namespace

extern "C" {

// Opens the three databases; pc_schema 2 opens 利用者のパソコン with pc_schema_v2() (migration).
EMSCRIPTEN_KEEPALIVE void idb_test_open(int token, int pc_schema) {
    const cp::StorageSchema& user_schema = pc_schema == 2 ? pc_schema_v2() : cp::pc_database_schema();
    open_one(kBank, cp::bank_database_schema(), [token, &user_schema] {
        open_one(kAdminPc, cp::pc_database_schema(), [token, &user_schema] {
            open_one(kUserPc, user_schema, [token] {
                TestState& s = state();
                report(token, "{\"bank\":" + opened_json(s.dbs[kBank]) + ",\"admin_pc\":" + opened_json(s.dbs[kAdminPc]) +
                                  ",\"user_pc\":" + opened_json(s.dbs[kUserPc]) + "}");
            });
        });
    });
}

// Closes the three databases (the page's "quit").
EMSCRIPTEN_KEEPALIVE void idb_test_close(int token) {
    for (Db& d : state().dbs) d.opened = OpenedStorage{};
    report(token, "{}");
}

EMSCRIPTEN_KEEPALIVE void idb_test_save_seed_bank(int token) {
    Db* d = db_of(kBank);
    if (d == nullptr) return report(token, "{\"result\":\"NotOpen\"}");
    const double t0 = emscripten_get_now();
    cp::save_bank(*d->storage(), state().bank, state().authority_record, [token, d, t0](cp::FlowResult r) {
        report(token, "{\"result\":" + q(cp::result_name(r)) + ",\"status\":" + q(d->status(r == cp::FlowResult::Ok)) +
                          ",\"ms\":" + std::to_string(emscripten_get_now() - t0) + "}");
    });
}

EMSCRIPTEN_KEEPALIVE void idb_test_load_bank(int token) {
    Db* d = db_of(kBank);
    if (d == nullptr) return report(token, "{\"result\":\"NotOpen\"}");
    // `auto`: the authority record's type differs between persistence.h versions (bytes either way).
    cp::load_bank(*d->storage(), [token](cp::FlowResult r, cp::BankState st, auto authority_bytes,
                                         cp::LoadReport rep) {
        const bool same = r == cp::FlowResult::Ok && cp::encode_bank_state(st) == cp::encode_bank_state(state().bank);
        report(token, "{\"result\":" + q(cp::result_name(r)) + ",\"contract_id\":" + q(st.contract.id) +
                          ",\"company\":" + q(st.contract.company) + ",\"users\":" + std::to_string(st.users.size()) +
                          ",\"equals_seed\":" + (same ? "true" : "false") + ",\"authority_bytes\":" +
                          std::to_string(authority_bytes.size()) + ",\"set_aside\":" + std::to_string(rep.set_aside.size()) + "}");
    });
}

// Issues a new certificate for S0001 and installs it with its key in one transaction
// (save_installed_certificate). cert_size / key_size > 0 replace the simulated bytes with random
// bytes of that size (realistic record sizes for the benchmark).
EMSCRIPTEN_KEEPALIVE void idb_test_install(int token, int which, int cert_size, int key_size) {
    Db* d = db_of(which);
    if (d == nullptr || which == kBank) return report(token, "{\"result\":\"NotOpen\"}");
    const cp::InstalledCertificate c = new_certificate(cert_size, key_size);
    const double t0 = emscripten_get_now();
    cp::save_installed_certificate(*d->storage(), c, [token, d, t0, serial = c.serial](cp::FlowResult r) {
        report(token, "{\"result\":" + q(cp::result_name(r)) + ",\"status\":" + q(d->status(r == cp::FlowResult::Ok)) +
                          ",\"serial\":" + q(serial) + ",\"ms\":" + std::to_string(emscripten_get_now() - t0) + "}");
    });
}

// Installs `count` certificates with their keys in ONE transaction (a bulk import): a large
// commit, so that a reload can land in the middle of it.
EMSCRIPTEN_KEEPALIVE void idb_test_install_many(int token, int which, int count, int cert_size, int key_size) {
    Db* d = db_of(which);
    if (d == nullptr || which == kBank) return report(token, "{\"result\":\"NotOpen\"}");
    cp::WriteBatch batch;
    for (int i = 0; i < count; ++i) {
        const cp::InstalledCertificate c = new_certificate(cert_size, key_size);
        batch.put("certificates", c.serial,
                  cp::wrap_record(cp::RecordKind::InstalledCertificate, cp::encode_certificate_part(c)));
        batch.put("keys", c.serial, cp::wrap_record(cp::RecordKind::ProtectedKey, c.protected_key.view()));
    }
    const double t0 = emscripten_get_now();
    d->storage()->commit(std::move(batch), [token, t0](cp::StorageStatus s) {
        report(token, "{\"status\":" + q(cp::storage_status_name(s)) + ",\"ms\":" + std::to_string(emscripten_get_now() - t0) + "}");
    });
}

// Loads a PC's store through the bank layer (load_pc_store): what the certificate manager shows.
EMSCRIPTEN_KEEPALIVE void idb_test_load_pc(int token, int which) {
    Db* d = db_of(which);
    if (d == nullptr || which == kBank) return report(token, "{\"result\":\"NotOpen\"}");
    cp::load_pc_store(*d->storage(), d->label, [token, d](cp::FlowResult r, cp::PcCertificateStore pc, cp::LoadReport rep) {
        std::string serials;
        for (const auto& c : pc.certificates) serials += (serials.empty() ? "" : ",") + q(c.serial);
        std::string aside;
        for (const auto& a : rep.set_aside)
            aside += (aside.empty() ? "" : ",") + std::string("{\"store\":") + q(a.store) + ",\"key\":" + q(a.key) +
                     ",\"reason\":" + q(cp::record_error_name(a.reason)) + "}";
        const auto* idb = d->opened.indexeddb();
        report(token, "{\"result\":" + q(cp::result_name(r)) + ",\"count\":" + std::to_string(pc.certificates.size()) +
                          ",\"serials\":[" + serials + "],\"set_aside\":[" + aside + "],\"skipped\":" +
                          std::to_string(idb != nullptr ? idb->skipped_records().size() : 0) + "}");
    });
}

// Raw record counts and sizes of a database's stores (read_store, no bank layer).
EMSCRIPTEN_KEEPALIVE void idb_test_count(int token, int which) {
    Db* d = db_of(which);
    if (d == nullptr) return report(token, "{\"status\":\"NotOpen\"}");
    std::vector<std::string> stores =
        which == kBank ? cp::bank_database_schema().stores : std::vector<std::string>{"certificates", "keys", "quarantine", "labels"};
    count_stores(token, d, std::move(stores), 0, "");
}

}  // extern "C"
