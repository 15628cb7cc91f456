// certportal platform: IndexedDbStorage (see indexeddb_storage.h), the C++ half.
//
// Index: [SECTION] Names, Requests and handles, Packing, IndexedDbStorage, Exports, open_best_storage
#include "indexeddb_storage.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <span>

#include "idb_bridge.h"
#include "pki/bytes.h"
#include "storage/byte_codec.h"
#include "storage/memory_storage.h"

namespace cp::platform {

// The status numbers library_idb.js sends (its CPIDB.OK, ...).
static_assert(static_cast<int>(StorageStatus::Ok) == 0);
static_assert(static_cast<int>(StorageStatus::Unavailable) == 1);
static_assert(static_cast<int>(StorageStatus::QuotaExceeded) == 2);
static_assert(static_cast<int>(StorageStatus::Interrupted) == 3);
static_assert(static_cast<int>(StorageStatus::VersionTooNew) == 5);

// ---------------------------------------------------------------------------------------------
// [SECTION] Names
// ---------------------------------------------------------------------------------------------

std::string encode_database_name_part(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_';
        if (plain) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string bank_database_name() { return "certportal-bank"; }

std::string database_name_for_pc(std::string_view pc_name) { return "certportal-pc-" + encode_database_name_part(pc_name); }

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Requests and handles
// ---------------------------------------------------------------------------------------------
// A request outlives nothing: when its storage is destroyed, its entry is erased and the late
// JavaScript answer finds no request (the data it carries is freed and dropped).

struct Pending {
    IndexedDbStorage* storage = nullptr;
    Storage::Opened opened;
    Storage::Read read;
    Storage::Done done;
    std::string store;
};

std::map<int, Pending>& requests() {
    static std::map<int, Pending> r;
    return r;
}
std::map<int, IndexedDbStorage*>& handles() {
    static std::map<int, IndexedDbStorage*> h;
    return h;
}
int g_next_request = 1;
int g_next_handle = 1;

int add_request(Pending p) {
    const int id = g_next_request++;
    requests().emplace(id, std::move(p));
    return id;
}

bool take_request(int id, Pending& out) {
    auto it = requests().find(id);
    if (it == requests().end()) return false;
    out = std::move(it->second);
    requests().erase(it);
    return true;
}

StorageStatus status_from_js(int code) {
    if (code < 0 || code >= static_cast<int>(StorageStatus::Count_)) return StorageStatus::Interrupted;
    return static_cast<StorageStatus>(code);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Packing (formats: library_idb.js)
// ---------------------------------------------------------------------------------------------

constexpr std::size_t kMaxField = std::numeric_limits<std::uint32_t>::max();

std::vector<std::uint8_t> pack_batch(const WriteBatch& batch) {
    ByteWriter w;
    w.u32(static_cast<std::uint32_t>(batch.ops().size()));
    for (const auto& op : batch.ops()) {
        w.u8(op.remove ? 1 : 0);
        w.str(op.store);
        w.str(op.key);
        w.bytes(op.value);
    }
    return w.take();
}

struct Unpacked {
    StorageSnapshot records;
    std::vector<SkippedRecord> skipped;
    bool ok = true;
};

// Reads packed records, then wipes and frees the buffer (values may be protected keys).
Unpacked unpack_records(std::uint8_t* data, int size) {
    Unpacked out;
    if (data == nullptr) return out;
    const std::span<const std::uint8_t> in(data, static_cast<std::size_t>(size < 0 ? 0 : size));
    ByteReader r(in);
    const std::uint32_t count = r.count(static_cast<std::uint32_t>(in.size() / 13 + 1));
    for (std::uint32_t i = 0; i < count && !r.failed(); ++i) {
        const std::uint8_t kind = r.u8();
        std::string store = r.str(kMaxField);
        std::string key = r.str(kMaxField);
        std::vector<std::uint8_t> value = r.bytes(kMaxField);
        if (r.failed()) break;
        if (kind == 0) {
            out.records[store][key] = std::move(value);
        } else {
            out.skipped.push_back(SkippedRecord{std::move(store), std::move(key), std::string(value.begin(), value.end())});
        }
    }
    out.ok = !r.failed() && r.at_end();
    pki::secure_wipe(data, in.size());
    std::free(data);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] IndexedDbStorage
// ---------------------------------------------------------------------------------------------

// The exports below reach the storage's private state through this.
struct IndexedDbStorage::Bridge {
    static void opened(IndexedDbStorage& s, StorageStatus status) {
        s.opening_ = false;
        s.open_ = status == StorageStatus::Ok;
        s.last_status_ = status;
        if (s.open_) {
            s.version_ = s.schema_.version;
            s.stores_ = s.schema_.stores;
        }
    }
    static const StorageSchema& schema(const IndexedDbStorage& s) { return s.schema_; }
    static void skipped(IndexedDbStorage& s, std::vector<SkippedRecord> records) {
        for (auto& r : records) {
            std::fprintf(stderr, "certportal: %s: skipped record %s/%s: %s\n", s.name_.c_str(), r.store.c_str(),
                         r.key.c_str(), r.reason.c_str());
            if (s.events_.skipped) s.events_.skipped(r);
            s.skipped_.push_back(std::move(r));
        }
    }
    static void committed(IndexedDbStorage& s, StorageStatus status) {
        s.last_status_ = status;
    }
    static void closed(IndexedDbStorage& s, std::string_view why) {
        s.open_ = false;
        if (s.events_.closed) s.events_.closed(why);
    }
    static void changed(IndexedDbStorage& s, const std::vector<std::string>& stores) {
        if (s.events_.changed_externally) s.events_.changed_externally(stores);
    }
};

IndexedDbStorage::IndexedDbStorage(std::string database_name, Events events)
    : name_(std::move(database_name)), events_(std::move(events)), handle_(g_next_handle++) {
    handles()[handle_] = this;
}

IndexedDbStorage::~IndexedDbStorage() {
    close();
    for (auto it = requests().begin(); it != requests().end();) {
        if (it->second.storage == this) it = requests().erase(it);
        else ++it;
    }
    handles().erase(handle_);
}

bool IndexedDbStorage::available() { return cp_idb_js_available() != 0; }

void IndexedDbStorage::close() {
    cp_idb_js_close(handle_);  // a no-op when JavaScript holds nothing for this handle
    // An open still in flight will never answer now: drop it.
    for (auto it = requests().begin(); it != requests().end();) {
        if (it->second.storage == this && it->second.opened) it = requests().erase(it);
        else ++it;
    }
    open_ = false;
    opening_ = false;
}

void IndexedDbStorage::open(const StorageSchema& schema, Opened done) {
    close();
    if (!available()) {
        last_status_ = StorageStatus::Unavailable;
        return done(StorageStatus::Unavailable, 0);
    }
    schema_ = schema;
    opening_ = true;
    std::string stores;
    for (const auto& s : schema.stores) stores += s + "\n";
    std::uint32_t migrate_below = 0;
    for (const Migration& m : schema.migrations)
        if (m.to_version <= schema.version && m.to_version > migrate_below) migrate_below = m.to_version;
    Pending p;
    p.storage = this;
    p.opened = std::move(done);
    const int request = add_request(std::move(p));
    cp_idb_js_open(handle_, request, name_.c_str(), static_cast<int>(schema.version), stores.c_str(),
                   static_cast<int>(migrate_below));
}

void IndexedDbStorage::read_store(const std::string& store, Read done) {
    if (!open_) return done(StorageStatus::NotOpen, {});
    bool known = false;
    for (const auto& s : stores_) known |= s == store;
    if (!known) return done(StorageStatus::UnknownStore, {});
    Pending p;
    p.storage = this;
    p.read = std::move(done);
    p.store = store;
    const int request = add_request(std::move(p));
    cp_idb_js_read(handle_, request, store.c_str());
}

void IndexedDbStorage::commit(WriteBatch batch, Done done) {
    if (!open_) return done(StorageStatus::NotOpen);
    for (const auto& op : batch.ops()) {
        bool known = false;
        for (const auto& s : stores_) known |= s == op.store;
        if (!known) return done(StorageStatus::UnknownStore);
    }
    if (batch.empty()) return done(StorageStatus::Ok);
    std::vector<std::uint8_t> packed = pack_batch(batch);
    Pending p;
    p.storage = this;
    p.done = std::move(done);
    const int request = add_request(std::move(p));
    cp_idb_js_commit(handle_, request, packed.data(), static_cast<int>(packed.size()));
    pki::secure_wipe(packed.data(), packed.size());  // JavaScript has its copy
}

IndexedDbStorage* OpenedStorage::indexeddb() const {
    return backend == StorageBackend::IndexedDb ? static_cast<IndexedDbStorage*>(storage.get()) : nullptr;
}

}  // namespace cp::platform

// ---------------------------------------------------------------------------------------------
// [SECTION] Exports (called by library_idb.js)
// ---------------------------------------------------------------------------------------------
// Each takes its request out of the table, updates the storage, and calls the caller's callback
// last: the callback may destroy the storage.

using cp::platform::IndexedDbStorage;

extern "C" {

EMSCRIPTEN_KEEPALIVE void cp_idb_on_opened(int request, int status, int previous_version) {
    cp::platform::Pending p;
    if (!cp::platform::take_request(request, p) || p.storage == nullptr) return;
    const cp::StorageStatus s = cp::platform::status_from_js(status);
    IndexedDbStorage::Bridge::opened(*p.storage, s);
    if (p.opened) p.opened(s, static_cast<std::uint32_t>(previous_version < 0 ? 0 : previous_version));
}

EMSCRIPTEN_KEEPALIVE std::uint8_t* cp_idb_on_upgrade(int request, int old_version, std::uint8_t* records, int size) {
    cp::platform::Unpacked in = cp::platform::unpack_records(records, size);
    auto it = cp::platform::requests().find(request);
    if (it == cp::platform::requests().end() || it->second.storage == nullptr || !in.ok) return nullptr;
    IndexedDbStorage& storage = *it->second.storage;
    IndexedDbStorage::Bridge::skipped(storage, std::move(in.skipped));
    const cp::StorageSchema& schema = IndexedDbStorage::Bridge::schema(storage);
    // As MemoryStorage::upgrade: each migration sees the result of the previous ones; the
    // combined batch is their changes in order.
    cp::StorageSnapshot snapshot = std::move(in.records);
    cp::WriteBatch all;
    for (const cp::Migration& m : schema.migrations) {
        if (m.to_version <= static_cast<std::uint32_t>(old_version) || m.to_version > schema.version) continue;
        cp::WriteBatch changes;
        if (m.run) m.run(snapshot, changes);
        cp::apply_batch(snapshot, changes);
        for (const auto& op : changes.ops()) {
            if (op.remove) all.remove(op.store, op.key);
            else all.put(op.store, op.key, op.value);
        }
    }
    for (auto& [store, recs] : snapshot)
        for (auto& [key, value] : recs) cp::pki::secure_wipe(value.data(), value.size());
    const std::vector<std::uint8_t> packed = cp::platform::pack_batch(all);
    auto* out = static_cast<std::uint8_t*>(std::malloc(packed.size() + 4));
    if (out == nullptr) return nullptr;
    const auto n = static_cast<std::uint32_t>(packed.size());
    for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
    std::memcpy(out + 4, packed.data(), packed.size());
    return out;
}

EMSCRIPTEN_KEEPALIVE void cp_idb_on_read(int request, int status, std::uint8_t* records, int size) {
    cp::platform::Unpacked in = cp::platform::unpack_records(records, size);  // frees `records` in every case
    cp::platform::Pending p;
    if (!cp::platform::take_request(request, p) || p.storage == nullptr) return;
    cp::StorageStatus s = cp::platform::status_from_js(status);
    if (s == cp::StorageStatus::Ok && !in.ok) s = cp::StorageStatus::Interrupted;
    IndexedDbStorage::Bridge::skipped(*p.storage, std::move(in.skipped));
    cp::StoreRecords out;
    if (s == cp::StorageStatus::Ok) {
        auto found = in.records.find(p.store);
        if (found != in.records.end()) out = std::move(found->second);
    }
    if (p.read) p.read(s, std::move(out));
}

EMSCRIPTEN_KEEPALIVE void cp_idb_on_committed(int request, int status) {
    cp::platform::Pending p;
    if (!cp::platform::take_request(request, p) || p.storage == nullptr) return;
    const cp::StorageStatus s = cp::platform::status_from_js(status);
    IndexedDbStorage::Bridge::committed(*p.storage, s);
    if (p.done) p.done(s);
}

EMSCRIPTEN_KEEPALIVE void cp_idb_on_event(int handle, int kind, const char* text) {
    auto it = cp::platform::handles().find(handle);
    if (it == cp::platform::handles().end()) return;
    IndexedDbStorage& storage = *it->second;
    const std::string_view t = text != nullptr ? std::string_view(text) : std::string_view();
    if (kind == 1) {
        IndexedDbStorage::Bridge::closed(storage, t);
    } else if (kind == 2) {
        std::vector<std::string> stores;
        std::size_t start = 0;
        while (start <= t.size()) {
            const std::size_t end = t.find('\n', start);
            const std::string_view part = t.substr(start, end == std::string_view::npos ? t.size() - start : end - start);
            if (!part.empty()) stores.emplace_back(part);
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        IndexedDbStorage::Bridge::changed(storage, stores);
    }
}

}  // extern "C"

// ---------------------------------------------------------------------------------------------
// [SECTION] open_best_storage
// ---------------------------------------------------------------------------------------------

namespace cp::platform {

const char* storage_backend_name(StorageBackend backend) {
    return backend == StorageBackend::IndexedDb ? "IndexedDB" : "memory";
}

const char* storage_choice_description(const OpenedStorage& opened) {
    if (opened.backend == StorageBackend::IndexedDb) return "Saved in this browser (IndexedDB): it survives reloads and restarts.";
    switch (opened.indexeddb_status) {
    case StorageStatus::Unavailable:
        return "This browser gives the page no storage (private mode, or storage blocked): everything is kept in "
               "memory and is lost when the tab closes.";
    case StorageStatus::VersionTooNew:
        return "The saved data was written by a newer version of the simulator and was left untouched: this tab "
               "works in memory only.";
    case StorageStatus::QuotaExceeded:
        return "The browser's storage is full: this tab works in memory only until space is freed.";
    default:
        return "The browser's storage could not be opened: this tab works in memory only.";
    }
}

void open_best_storage(std::string database_name, const StorageSchema& schema, std::function<void(OpenedStorage)> done,
                       IndexedDbStorage::Events events) {
    // The open is in flight until the callback: the box keeps the storage alive meanwhile.
    auto box = std::make_shared<std::unique_ptr<IndexedDbStorage>>(
        std::make_unique<IndexedDbStorage>(std::move(database_name), std::move(events)));
    IndexedDbStorage* idb = box->get();
    idb->open(schema, [box, schema, done = std::move(done)](StorageStatus status, std::uint32_t previous) {
        OpenedStorage out;
        if (status == StorageStatus::Ok) {
            out.storage = std::move(*box);
            out.backend = StorageBackend::IndexedDb;
            out.previous_version = previous;
            return done(std::move(out));
        }
        std::fprintf(stderr, "certportal: IndexedDB %s: %s; using memory\n", (*box)->database_name().c_str(),
                     storage_status_name(status));
        box->reset();
        auto memory = std::make_unique<MemoryStorage>();
        std::uint32_t memory_previous = 0;
        // MemoryStorage completes synchronously and cannot refuse a fresh open.
        (void)open_now(*memory, schema, &memory_previous);
        out.storage = std::move(memory);
        out.backend = StorageBackend::Memory;
        out.indexeddb_status = status;
        out.previous_version = memory_previous;
        done(std::move(out));
    });
}

}  // namespace cp::platform
