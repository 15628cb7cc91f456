// certportal platform: cp::Storage on the browser's IndexedDB (the JavaScript half is
// web/lib/library_idb.js, linked with --js-library).
//
// Implemented
//   [x] one IndexedDB database per logical database: "certportal-bank", "certportal-pc-<name>"
//       (names percent-encoded, see database_name_for_pc)
//   [x] open(): indexedDB.open(name, schema.version); object stores created and the schema's C++
//       migrations applied inside the one versionchange transaction (see "Migrations" below)
//   [x] read_store(): getAllKeys + getAll in one readonly transaction (a consistent snapshot);
//       a value that is not an ArrayBuffer, or a key that is not a string, is skipped and reported
//   [x] commit(): one readwrite transaction (durability "strict") over the stores the batch names,
//       resolved on `complete`; `abort`/`error` fails the whole batch: QuotaExceededError →
//       QuotaExceeded, anything else (reload, tab closed, storage cleared) → Interrupted
//   [x] Unavailable when indexedDB is missing or open is refused (private mode);
//       VersionTooNew when the database's version is above the schema's (left untouched)
//   [x] `versionchange` from another tab (it upgrades): this connection closes at once so that
//       upgrade is not blocked, and Events::closed says so
//   [x] after every commit a BroadcastChannel('certportal') message; other tabs' storages report
//       Events::changed_externally(stores) so they reload what changed
//   [x] open_best_storage(): IndexedDB, or MemoryStorage with the reason, for the UI's message
//   [ ] Asyncify: not used; every result arrives through a callback, as storage.h specifies
//
// Tests: tests/browser/idb (browser.indexeddb_*: a test module and page assembled in
// build/wasm/idb_test); benchmark: tools/bench_idb.mjs.
//
// Migrations
//   The migrations are C++ callbacks, but a versionchange transaction cannot wait for anything
//   outside IndexedDB: it commits as soon as no request is pending. Calling into wasm is
//   synchronous, though. So onupgradeneeded reads every existing store (getAllKeys + getAll, in
//   the versionchange transaction), hands the snapshot to C++ in one synchronous call
//   (cp_idb_on_upgrade), which runs the pending migrations in order over it and returns the
//   combined WriteBatch, and the JavaScript side applies that batch in the same transaction.
//   Read, compute and write are one transaction: an interruption (reload, crash, quota) leaves the
//   database at its old version with its old data, and no other tab can write between the read
//   and the write. (Opening at the old version, reading, and reopening at the new version would
//   leave that window open and needs two connections.)
//
// Changelog
//   2026-11  first version: open/read/commit, migrations in the upgrade, tabs, fallback factory.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/storage.h"

namespace cp::platform {

// "certportal-bank" (the bank's database, one per browser profile).
std::string bank_database_name();
// "certportal-pc-<pc name>" with every byte outside [A-Za-z0-9_-] written %XX (UTF-8), so
// 利用者のパソコン and "user-pc" both give a stable, ASCII, unambiguous database name.
std::string database_name_for_pc(std::string_view pc_name);
std::string encode_database_name_part(std::string_view text);

// A record that read_store() skipped because IndexedDB holds something this program never writes
// there (another program's record, a value that is not an ArrayBuffer, a non-string key).
struct SkippedRecord {
    std::string store;
    std::string key;     // String(key) as JavaScript prints it
    std::string reason;  // "value is not an ArrayBuffer (object)", "key is not a string (number)"
};

class IndexedDbStorage final : public Storage {
public:
    // Optional notifications; each may be empty.
    struct Events {
        // Another tab (or another storage in this tab) committed to the same database: reload these stores.
        std::function<void(const std::vector<std::string>& stores)> changed_externally;
        // The connection was closed under us: another tab opened a newer schema version
        // (versionchange), or the browser closed it (storage cleared). Every later call gives
        // NotOpen; the page should tell the user and reload.
        std::function<void(std::string_view why)> closed;
        // read_store() skipped a record (also kept in skipped_records()).
        std::function<void(const SkippedRecord&)> skipped;
    };

    explicit IndexedDbStorage(std::string database_name, Events events = {});
    ~IndexedDbStorage() override;  // closes the connection; callbacks still pending are dropped
    IndexedDbStorage(const IndexedDbStorage&) = delete;
    IndexedDbStorage& operator=(const IndexedDbStorage&) = delete;

    void open(const StorageSchema& schema, Opened done) override;
    void read_store(const std::string& store, Read done) override;
    void commit(WriteBatch batch, Done done) override;
    void close();

    // True when indexedDB exists in this window (it may still refuse to open: private mode).
    static bool available();

    const std::string& database_name() const { return name_; }
    bool is_open() const { return open_; }
    std::uint32_t version() const { return version_; }
    // The status of the last open or commit that completed: what persistence.h's
    // PersistResult::StorageFailed does not say (quota or interruption), for the UI's message.
    StorageStatus last_status() const { return last_status_; }
    const std::vector<SkippedRecord>& skipped_records() const { return skipped_; }
    void set_events(Events events) { events_ = std::move(events); }

    // --- Called by the JavaScript completions (indexeddb_storage.cpp's exports); not for callers.
    struct Bridge;

private:
    friend struct Bridge;
    std::string name_;
    Events events_;
    int handle_ = 0;  // this storage's number on the JavaScript side
    bool open_ = false;
    bool opening_ = false;
    std::uint32_t version_ = 0;
    std::vector<std::string> stores_;
    StorageSchema schema_;  // kept while opening: the upgrade runs its migrations
    StorageStatus last_status_ = StorageStatus::Ok;
    std::vector<SkippedRecord> skipped_;
};

// --- Choosing a backend -------------------------------------------------------------------

enum class StorageBackend : std::uint8_t { IndexedDb = 0, Memory = 1 };
const char* storage_backend_name(StorageBackend backend);

struct OpenedStorage {
    std::unique_ptr<Storage> storage;   // never null once done() runs
    StorageBackend backend = StorageBackend::Memory;
    // Why IndexedDB was not used (Ok when it was): Unavailable (no IndexedDB, private mode),
    // VersionTooNew (a newer program's database, left untouched), QuotaExceeded or Interrupted
    // (the upgrade could not be written).
    StorageStatus indexeddb_status = StorageStatus::Ok;
    std::uint32_t previous_version = 0;
    // Null when backend is Memory.
    IndexedDbStorage* indexeddb() const;
};

// One sentence (English, for logs and the developer console) saying what the choice means for
// the user; the UI shows its own catalogue text chosen by backend + indexeddb_status.
const char* storage_choice_description(const OpenedStorage& opened);

// Opens `database_name` in IndexedDB with `schema`; if that fails for any reason, opens a
// MemoryStorage with the same schema instead (nothing survives a reload then) and says why.
void open_best_storage(std::string database_name, const StorageSchema& schema,
                       std::function<void(OpenedStorage)> done, IndexedDbStorage::Events events = {});

}  // namespace cp::platform
