// certportal storage: Storage in memory — the fallback when no persistent storage is available,
// and the backend of the tests, with fault injection (quota, unavailable, a commit interrupted
// after N of its writes) to check that nothing is ever half written.
#pragma once

#include <cstddef>
#include <set>

#include "storage/storage.h"

namespace cp {

class MemoryStorage : public Storage {
public:
    void open(const StorageSchema& schema, Opened done) override;
    void read_store(const std::string& store, Read done) override;
    void commit(WriteBatch batch, Done done) override;

    // Fault injection.
    void set_unavailable(bool unavailable) { unavailable_ = unavailable; }
    void set_quota_bytes(std::size_t bytes) { quota_ = bytes; }  // 0: unlimited
    void interrupt_next_commit_after(std::size_t writes) { interrupt_after_ = writes; interrupt_armed_ = true; }

    // Direct access, for tests that damage records.
    StorageSnapshot& raw() { return data_; }
    std::uint32_t version() const { return version_; }
    std::size_t bytes_used() const;

protected:
    // Shared with FileStorage: runs the schema's migrations over `data`.
    static StorageStatus upgrade(const StorageSchema& schema, std::uint32_t& version, StorageSnapshot& data);

    StorageSnapshot data_;
    std::uint32_t version_ = 0;
    std::set<std::string> stores_;
    bool open_ = false;
    bool unavailable_ = false;
    std::size_t quota_ = 0;
    std::size_t interrupt_after_ = 0;
    bool interrupt_armed_ = false;
};

}  // namespace cp
