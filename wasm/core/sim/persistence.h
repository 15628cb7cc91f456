// certportal sim: saving and loading through Storage.
//   Bank database (one per browser profile), schema 1:
//     "bank"        "state"  → the BankState record (bank_codec.h) — the whole bank, audit included
//     "authority"   "ca"     → the bank's CA (PkiAuthority::encode: CA certificates and key, the
//                               latest CRL), saved in the same transaction as the state; any other
//                               record there (such as the "ledger" of format 1's simulated CA) is
//                               foreign and set aside
//     "quarantine"  records that could not be read, moved aside with their original place as key
//   PC database (one per simulated PC), schema 1:
//     "certificates" serial → the certificate record;  "keys" serial → the protected key record
//     A certificate and its key are written and deleted in one transaction: a reader never sees
//     one without the other; if a damaged database has one alone, it is set aside.
// A damaged or foreign record is reported in LoadReport, moved to "quarantine", and the rest is
// loaded. Callbacks as in storage.h.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "bank/bank_state.h"
#include "pc/pc_certificate_store.h"
#include "storage/persist_result.h"
#include "storage/record_envelope.h"
#include "storage/storage.h"

namespace cp {

const StorageSchema& bank_database_schema();
const StorageSchema& pc_database_schema();

struct SetAsideRecord {
    std::string store;
    std::string key;
    RecordError reason = RecordError::Corrupted;  // WrongKind is also used for an orphan
};
struct LoadReport {
    std::vector<SetAsideRecord> set_aside;
};

void save_bank(Storage& storage, const BankState& state, std::span<const std::uint8_t> authority_record,
               std::function<void(PersistResult)> done);
// Ok; NothingSaved (empty database); StateCorrupted (the state record was set aside);
// StateVersionUnsupported (written by a newer format, left in place). `authority_record` is empty
// when no CA was saved (or it was set aside): PkiAuthority::decode() it, or create() a new CA.
void load_bank(Storage& storage,
               std::function<void(PersistResult, BankState, pki::SecretBytes authority_record, LoadReport)> done);

void save_installed_certificate(Storage& storage, const InstalledCertificate& certificate,
                                std::function<void(PersistResult)> done);
void delete_installed_certificate(Storage& storage, const std::string& serial, std::function<void(PersistResult)> done);
// Writes `written` and deletes `removed` (serials) in one transaction (a reset replacing a store).
void update_installed_certificates(Storage& storage, std::span<const InstalledCertificate> written,
                                   std::span<const std::string> removed, std::function<void(PersistResult)> done);
void load_pc_store(Storage& storage, std::string pc_name,
                   std::function<void(PersistResult, PcCertificateStore, LoadReport)> done);

}  // namespace cp
