#include "storage/file_storage.h"

#include <cstdio>
#include <fstream>
#include <iterator>

#include "storage/byte_codec.h"
#include "crypto/digest.h"

namespace cp {
namespace {

constexpr std::uint8_t kDatabaseMagic[4] = {'C', 'P', 'D', 'B'};

std::vector<std::uint8_t> encode(const StorageSnapshot& data, std::uint32_t version) {
    ByteWriter w;
    w.raw(kDatabaseMagic);
    w.u32(version);
    w.u32(static_cast<std::uint32_t>(data.size()));
    for (const auto& [store, records] : data) {
        w.str(store);
        w.u32(static_cast<std::uint32_t>(records.size()));
        for (const auto& [key, value] : records) {
            w.str(key);
            w.bytes(value);
        }
    }
    const Sha256Digest d = sha256(w.data());
    w.raw(d);
    return w.take();
}

bool decode(const std::vector<std::uint8_t>& file, StorageSnapshot& data, std::uint32_t& version) {
    if (file.size() < 4 + 4 + 4 + 32) return false;
    const std::span<const std::uint8_t> all(file);
    const std::size_t body = file.size() - 32;
    if (!constant_time_equal(sha256(all.first(body)), all.subspan(body))) return false;
    ByteReader r(all.first(body));
    std::uint8_t magic[4];
    r.raw(magic);
    if (magic[0] != 'C' || magic[1] != 'P' || magic[2] != 'D' || magic[3] != 'B') return false;
    version = r.u32();
    StorageSnapshot out;
    const std::uint32_t stores = r.count(1024);
    for (std::uint32_t i = 0; i < stores && !r.failed(); ++i) {
        StoreRecords& records = out[r.str(1024)];
        const std::uint32_t n = r.count(1u << 24);
        for (std::uint32_t k = 0; k < n && !r.failed(); ++k) {
            std::string key = r.str(1u << 16);
            records[key] = r.bytes(1u << 28);
        }
    }
    if (r.failed() || !r.at_end()) return false;
    data = std::move(out);
    return true;
}

}  // namespace

bool FileStorage::write_file(const StorageSnapshot& data, std::uint32_t version, bool crash_before_rename) {
    const std::string tmp = path_ + ".tmp";
    const auto bytes = encode(data, version);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) return false;
    }
    if (crash_before_rename) return false;
    return std::rename(tmp.c_str(), path_.c_str()) == 0;
}

void FileStorage::open(const StorageSchema& schema, Opened done) {
    if (unavailable_) return done(StorageStatus::Unavailable, 0);
    std::remove((path_ + ".tmp").c_str());  // a crashed commit's leftover: the old file stands
    bool corrupted = false;
    std::ifstream in(path_, std::ios::binary);
    if (in) {
        const std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        in.close();
        if (!decode(file, data_, version_)) {
            corrupted = true;
            std::rename(path_.c_str(), (path_ + ".corrupt").c_str());
            data_.clear();
            version_ = 0;
        }
    }
    const std::uint32_t previous = version_;
    const StorageStatus s = upgrade(schema, version_, data_);
    if (s != StorageStatus::Ok) return done(s, previous);
    if (!write_file(data_, version_, false)) return done(StorageStatus::Unavailable, previous);
    stores_ = std::set<std::string>(schema.stores.begin(), schema.stores.end());
    open_ = true;
    done(corrupted ? StorageStatus::Corrupted : StorageStatus::Ok, previous);
}

void FileStorage::commit(WriteBatch batch, Done done) {
    if (!open_) return done(StorageStatus::NotOpen);
    for (const auto& op : batch.ops())
        if (stores_.count(op.store) == 0) return done(StorageStatus::UnknownStore);
    StorageSnapshot next = data_;
    apply_batch(next, batch);
    const bool crash = crash_before_rename_;
    crash_before_rename_ = false;
    if (!write_file(next, version_, crash)) return done(crash ? StorageStatus::Interrupted : StorageStatus::Unavailable);
    data_ = std::move(next);
    done(StorageStatus::Ok);
}

}  // namespace cp
