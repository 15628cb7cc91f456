// certportal storage: Storage in one file, for native tools and tests. Every commit writes the
// whole database to "<path>.tmp" and renames it over <path> (atomic on POSIX and under Node's
// NODERAWFS), so a crash leaves the old file or the new one, never half. The file carries its
// own SHA-256: an unreadable file is renamed to "<path>.corrupt" and reported (Corrupted); the
// database then starts empty.
#pragma once

#include <string>

#include "storage/memory_storage.h"

namespace cp {

class FileStorage final : public MemoryStorage {
public:
    explicit FileStorage(std::string path) : path_(std::move(path)) {}

    void open(const StorageSchema& schema, Opened done) override;
    void commit(WriteBatch batch, Done done) override;

    // Fault injection: the next commit writes the temporary file and "crashes" before the rename.
    void crash_before_rename_on_next_commit() { crash_before_rename_ = true; }
    const std::string& path() const { return path_; }

private:
    bool write_file(const StorageSnapshot& data, std::uint32_t version, bool crash_before_rename);
    std::string path_;
    bool crash_before_rename_ = false;
};

}  // namespace cp
