#include "storage/memory_storage.h"

namespace cp {

std::size_t MemoryStorage::bytes_used() const {
    std::size_t n = 0;
    for (const auto& [store, records] : data_)
        for (const auto& [key, value] : records) n += store.size() + key.size() + value.size();
    return n;
}

StorageStatus MemoryStorage::upgrade(const StorageSchema& schema, std::uint32_t& version, StorageSnapshot& data) {
    if (version > schema.version) return StorageStatus::VersionTooNew;
    StorageSnapshot next = data;  // all migrations or none
    for (const Migration& m : schema.migrations) {
        if (m.to_version <= version || m.to_version > schema.version) continue;
        WriteBatch changes;
        if (m.run) m.run(next, changes);
        apply_batch(next, changes);
    }
    for (const auto& s : schema.stores) next[s];  // create missing stores
    data = std::move(next);
    version = schema.version;
    return StorageStatus::Ok;
}

void MemoryStorage::open(const StorageSchema& schema, Opened done) {
    if (unavailable_) return done(StorageStatus::Unavailable, 0);
    const std::uint32_t previous = version_;
    const StorageStatus s = upgrade(schema, version_, data_);
    if (s == StorageStatus::Ok) {
        stores_ = std::set<std::string>(schema.stores.begin(), schema.stores.end());
        open_ = true;
    }
    done(s, previous);
}

void MemoryStorage::read_store(const std::string& store, Read done) {
    if (!open_) return done(StorageStatus::NotOpen, {});
    if (stores_.count(store) == 0) return done(StorageStatus::UnknownStore, {});
    done(StorageStatus::Ok, data_[store]);
}

void MemoryStorage::commit(WriteBatch batch, Done done) {
    if (unavailable_) return done(StorageStatus::Unavailable);
    if (!open_) return done(StorageStatus::NotOpen);
    for (const auto& op : batch.ops())
        if (stores_.count(op.store) == 0) return done(StorageStatus::UnknownStore);
    // Stage on a copy: an interruption or a quota error leaves data_ as it was.
    StorageSnapshot next = data_;
    std::size_t written = 0;
    for (const auto& op : batch.ops()) {
        if (interrupt_armed_ && written == interrupt_after_) {
            interrupt_armed_ = false;
            return done(StorageStatus::Interrupted);
        }
        if (op.remove) next[op.store].erase(op.key);
        else next[op.store][op.key] = op.value;
        ++written;
    }
    interrupt_armed_ = false;
    std::swap(next, data_);
    if (quota_ != 0 && bytes_used() > quota_) {
        std::swap(next, data_);
        return done(StorageStatus::QuotaExceeded);
    }
    done(StorageStatus::Ok);
}

}  // namespace cp
