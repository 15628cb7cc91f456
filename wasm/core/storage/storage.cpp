#include "storage/storage.h"

namespace cp {

const char* storage_status_name(StorageStatus status) {
    switch (status) {
    case StorageStatus::Ok: return "Ok";
    case StorageStatus::Unavailable: return "Unavailable";
    case StorageStatus::QuotaExceeded: return "QuotaExceeded";
    case StorageStatus::Interrupted: return "Interrupted";
    case StorageStatus::Corrupted: return "Corrupted";
    case StorageStatus::VersionTooNew: return "VersionTooNew";
    case StorageStatus::UnknownStore: return "UnknownStore";
    case StorageStatus::NotOpen: return "NotOpen";
    case StorageStatus::Count_: break;
    }
    return "?";
}

void apply_batch(StorageSnapshot& snapshot, const WriteBatch& batch) {
    for (const auto& op : batch.ops()) {
        if (op.remove) snapshot[op.store].erase(op.key);
        else snapshot[op.store][op.key] = op.value;
    }
}

StorageStatus open_now(Storage& storage, const StorageSchema& schema, std::uint32_t* previous_version) {
    StorageStatus out = StorageStatus::NotOpen;
    storage.open(schema, [&](StorageStatus s, std::uint32_t v) {
        out = s;
        if (previous_version != nullptr) *previous_version = v;
    });
    return out;
}

StorageStatus read_now(Storage& storage, const std::string& store, StoreRecords& out) {
    StorageStatus status = StorageStatus::NotOpen;
    storage.read_store(store, [&](StorageStatus s, StoreRecords r) {
        status = s;
        out = std::move(r);
    });
    return status;
}

StorageStatus commit_now(Storage& storage, WriteBatch batch) {
    StorageStatus status = StorageStatus::NotOpen;
    storage.commit(std::move(batch), [&](StorageStatus s) { status = s; });
    return status;
}

}  // namespace cp
