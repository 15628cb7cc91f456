// certportal storage: the storage interface the bank and the simulated PCs persist through.
// Shaped after IndexedDB so that a browser backend implements it directly:
//   - a database has a schema version and named stores of key → bytes records;
//   - open() upgrades an older database by running the migrations in order, with the version
//     bump, in one transaction (IndexedDB: onupgradeneeded's versionchange transaction);
//   - reads give a whole store (getAll), writes are a WriteBatch committed all-or-nothing
//     (one readwrite transaction over the stores it names);
//   - every result arrives through a callback: natively (MemoryStorage, FileStorage) the
//     callback runs before the call returns; a browser backend calls it later.
// Implementations: MemoryStorage (memory_storage.h), FileStorage (file_storage.h); the
// IndexedDB one lives in wasm/platform.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cp {

enum class [[nodiscard]] StorageStatus : std::uint8_t {
    Ok = 0,
    Unavailable,    // no storage at all (private mode): fall back to MemoryStorage
    QuotaExceeded,  // the commit did not fit: nothing was written
    Interrupted,    // the commit stopped half-way (crash, reload): nothing was written
    Corrupted,      // the database file itself was unreadable: it was set aside, empty now
    VersionTooNew,  // written by a newer program: left untouched
    UnknownStore,   // a store that is not in the schema
    NotOpen,
    Count_
};
const char* storage_status_name(StorageStatus status);

using StoreRecords = std::map<std::string, std::vector<std::uint8_t>>;  // key → value
using StorageSnapshot = std::map<std::string, StoreRecords>;           // store → records

class WriteBatch {
public:
    struct Op {
        bool remove = false;
        std::string store;
        std::string key;
        std::vector<std::uint8_t> value;
    };
    void put(std::string store, std::string key, std::vector<std::uint8_t> value) {
        ops_.push_back(Op{false, std::move(store), std::move(key), std::move(value)});
    }
    void remove(std::string store, std::string key) { ops_.push_back(Op{true, std::move(store), std::move(key), {}}); }
    const std::vector<Op>& ops() const { return ops_; }
    bool empty() const { return ops_.empty(); }

private:
    std::vector<Op> ops_;
};

// Applies a batch to a snapshot (shared by the native backends and by migrations).
void apply_batch(StorageSnapshot& snapshot, const WriteBatch& batch);

struct Migration {
    std::uint32_t to_version = 0;
    // Reads the database as it is at from-version and writes what changes.
    std::function<void(const StorageSnapshot& before, WriteBatch& changes)> run;
};

struct StorageSchema {
    std::uint32_t version = 1;
    std::vector<std::string> stores;
    std::vector<Migration> migrations;  // ascending to_version
};

class Storage {
public:
    virtual ~Storage() = default;
    using Done = std::function<void(StorageStatus)>;
    using Opened = std::function<void(StorageStatus, std::uint32_t previous_version)>;
    using Read = std::function<void(StorageStatus, StoreRecords)>;

    virtual void open(const StorageSchema& schema, Opened done) = 0;
    virtual void read_store(const std::string& store, Read done) = 0;
    virtual void commit(WriteBatch batch, Done done) = 0;
};

// Synchronous helpers for the native backends and tests (the callback has run on return).
StorageStatus open_now(Storage& storage, const StorageSchema& schema, std::uint32_t* previous_version = nullptr);
StorageStatus read_now(Storage& storage, const std::string& store, StoreRecords& out);
StorageStatus commit_now(Storage& storage, WriteBatch batch);

}  // namespace cp
