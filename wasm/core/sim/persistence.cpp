#include "sim/persistence.h"

#include "bank/bank_codec.h"

#include <algorithm>

namespace cp {
namespace {

constexpr const char* kBankStore = "bank";
constexpr const char* kStateKey = "state";
constexpr const char* kAuthorityStore = "authority";
constexpr const char* kCaKey = "ca";
constexpr const char* kQuarantine = "quarantine";
constexpr const char* kCertStore = "certificates";
constexpr const char* kKeyStore = "keys";

PersistResult from_storage(StorageStatus s) { return s == StorageStatus::Ok ? PersistResult::Ok : PersistResult::StorageFailed; }

// Moves the named records to quarantine in one transaction; failures to do so are not fatal
// (the records are still skipped and reported).
void quarantine(Storage& storage, const std::vector<SetAsideRecord>& bad, const StorageSnapshot& values) {
    if (bad.empty()) return;
    WriteBatch batch;
    for (const auto& b : bad) {
        const auto store = values.find(b.store);
        if (store == values.end()) continue;
        const auto it = store->second.find(b.key);
        if (it == store->second.end()) continue;
        batch.put(kQuarantine, b.store + "/" + b.key, it->second);
        batch.remove(b.store, b.key);
    }
    storage.commit(std::move(batch), [](StorageStatus) {});
}

}  // namespace

const StorageSchema& bank_database_schema() {
    static const StorageSchema schema{1, {kBankStore, kAuthorityStore, kQuarantine}, {}};
    return schema;
}

const StorageSchema& pc_database_schema() {
    static const StorageSchema schema{1, {kCertStore, kKeyStore, kQuarantine}, {}};
    return schema;
}

void save_bank(Storage& storage, const BankState& state, std::span<const std::uint8_t> authority_record,
               std::function<void(PersistResult)> done) {
    WriteBatch batch;
    batch.put(kBankStore, kStateKey, wrap_record(RecordKind::BankState, encode_bank_state(state)));
    batch.put(kAuthorityStore, kCaKey, wrap_record(RecordKind::CertificateAuthority, authority_record));
    storage.commit(std::move(batch), [done = std::move(done)](StorageStatus s) { done(from_storage(s)); });
}

void load_bank(Storage& storage,
               std::function<void(PersistResult, BankState, pki::SecretBytes, LoadReport)> done) {
    storage.read_store(kBankStore, [&storage, done = std::move(done)](StorageStatus s, StoreRecords bank) {
        if (s != StorageStatus::Ok) return done(PersistResult::StorageFailed, {}, {}, {});
        storage.read_store(kAuthorityStore, [&storage, done, bank = std::move(bank)](StorageStatus s2,
                                                                                   StoreRecords authority) {
            if (s2 != StorageStatus::Ok) return done(PersistResult::StorageFailed, {}, {}, {});
            LoadReport report;
            const auto it = bank.find(kStateKey);
            if (it == bank.end()) return done(PersistResult::NothingSaved, {}, {}, report);
            std::vector<std::uint8_t> payload;
            std::uint16_t version = 0;
            RecordError e = unwrap_record(it->second, RecordKind::BankState, payload, &version);
            BankState state;
            if (e == RecordError::NewerFormat) return done(PersistResult::StateVersionUnsupported, {}, {}, report);
            if (e == RecordError::None && decode_bank_state(payload, state, version) != PersistResult::Ok)
                e = RecordError::Corrupted;
            std::vector<std::uint8_t> ca;
            const auto cit = authority.find(kCaKey);
            RecordError ce = RecordError::None;
            if (cit != authority.end()) ce = unwrap_record(cit->second, RecordKind::CertificateAuthority, ca);
            StorageSnapshot values{{kBankStore, bank}, {kAuthorityStore, authority}};
            if (e != RecordError::None) report.set_aside.push_back({kBankStore, kStateKey, e});
            if (ce != RecordError::None) report.set_aside.push_back({kAuthorityStore, kCaKey, ce});
            for (const auto& [key, value] : authority)  // foreign, or the old simulated ledger
                if (key != kCaKey) report.set_aside.push_back({kAuthorityStore, key, RecordError::WrongKind});
            quarantine(storage, report.set_aside, values);
            pki::SecretBytes record(ce == RecordError::None ? ca : std::vector<std::uint8_t>{});
            pki::secure_wipe(ca.data(), ca.size());
            if (e != RecordError::None) return done(PersistResult::StateCorrupted, {}, {}, report);
            done(PersistResult::Ok, std::move(state), std::move(record), std::move(report));
        });
    });
}

void update_installed_certificates(Storage& storage, std::span<const InstalledCertificate> written,
                                   std::span<const std::string> removed, std::function<void(PersistResult)> done) {
    WriteBatch batch;  // a certificate and its key: both or neither
    for (const InstalledCertificate& c : written) {
        batch.put(kCertStore, c.serial, wrap_record(RecordKind::InstalledCertificate, encode_certificate_part(c)));
        batch.put(kKeyStore, c.serial, wrap_record(RecordKind::ProtectedKey, c.protected_key.view()));
    }
    for (const std::string& serial : removed) {
        batch.remove(kCertStore, serial);
        batch.remove(kKeyStore, serial);
    }
    storage.commit(std::move(batch), [done = std::move(done)](StorageStatus s) { done(from_storage(s)); });
}

void save_installed_certificate(Storage& storage, const InstalledCertificate& certificate,
                                std::function<void(PersistResult)> done) {
    update_installed_certificates(storage, {&certificate, 1}, {}, std::move(done));
}

void delete_installed_certificate(Storage& storage, const std::string& serial, std::function<void(PersistResult)> done) {
    update_installed_certificates(storage, {}, {&serial, 1}, std::move(done));
}

void load_pc_store(Storage& storage, std::string pc_name,
                   std::function<void(PersistResult, PcCertificateStore, LoadReport)> done) {
    storage.read_store(kCertStore, [&storage, pc_name = std::move(pc_name), done = std::move(done)](
                                       StorageStatus s, StoreRecords certs) {
        if (s != StorageStatus::Ok) return done(PersistResult::StorageFailed, {}, {});
        storage.read_store(kKeyStore, [&storage, pc_name, done, certs = std::move(certs)](StorageStatus s2,
                                                                                         StoreRecords keys) {
            if (s2 != StorageStatus::Ok) return done(PersistResult::StorageFailed, {}, {});
            PcCertificateStore pc;
            pc.name = pc_name;
            LoadReport report;
            for (const auto& [serial, value] : certs) {
                std::vector<std::uint8_t> payload;
                InstalledCertificate c;
                RecordError e = unwrap_record(value, RecordKind::InstalledCertificate, payload);
                if (e == RecordError::None && (decode_certificate_part(payload, c) != PersistResult::Ok || c.serial != serial))
                    e = RecordError::Corrupted;
                const auto key = keys.find(serial);
                std::vector<std::uint8_t> key_bytes;
                RecordError ke = key == keys.end() ? RecordError::WrongKind
                                                   : unwrap_record(key->second, RecordKind::ProtectedKey, key_bytes);
                if (e != RecordError::None || ke != RecordError::None) {
                    report.set_aside.push_back({kCertStore, serial, e != RecordError::None ? e : RecordError::WrongKind});
                    if (key != keys.end()) report.set_aside.push_back({kKeyStore, serial, ke != RecordError::None ? ke : e});
                    continue;
                }
                c.protected_key = pki::SecretBytes(key_bytes);
                pki::secure_wipe(key_bytes.data(), key_bytes.size());
                pc.certificates.push_back(std::move(c));
            }
            for (const auto& [serial, value] : keys)  // keys whose certificate is missing
                if (certs.find(serial) == certs.end()) report.set_aside.push_back({kKeyStore, serial, RecordError::WrongKind});
            // Oldest first, as the certificate manager lists them.
            std::stable_sort(pc.certificates.begin(), pc.certificates.end(),
                             [](const InstalledCertificate& a, const InstalledCertificate& b) {
                                 return a.not_before < b.not_before;
                             });
            quarantine(storage, report.set_aside, StorageSnapshot{{kCertStore, certs}, {kKeyStore, keys}});
            done(PersistResult::Ok, std::move(pc), std::move(report));
        });
    });
}

}  // namespace cp
