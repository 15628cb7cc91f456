// certportal sim: "progress you can keep" — the whole simulated world in one file: the bank
// (state with its audit log, and its CA), and every simulated PC's certificate store with each
// key still protected as it was on that PC (低 plain, 中 sealed by the PC's device key, 高
// encrypted under the person's password). Nothing is unwrapped to export.
//
//   file = the record envelope (storage/record_envelope.h, kind WorldArchive: magic, format
//          version, SHA-256 over everything) around
//     str "certportal-world" | u32 keys sealed by a device key (中) | bytes bank state
//     (bank_codec.h) | bytes CA record (PkiAuthority::encode) | u32 PC count |
//     per PC: str name | u32 count | per certificate: bytes certificate part | bytes protected key
//
// A 中 key is sealed by the browser's non-extractable WebCrypto key of that PC: the file can be
// imported into another browser, but those keys cannot be opened there. The header counts them so
// the export can say so before the file leaves; the import (Simulation::import_world) tries each
// one with this browser's device key and lists the ones it cannot open as unusable.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "bank/bank_state.h"
#include "pc/pc_certificate_store.h"
#include "pki/bytes.h"

namespace cp {

struct WorldArchive {
    BankState bank;
    pki::SecretBytes authority;            // PkiAuthority::encode(): the CA's key is inside
    std::vector<PcCertificateStore> pcs;   // 管理者のパソコン, 利用者のパソコン (any order)
};

enum class ArchiveError : std::uint8_t {
    None = 0,
    NotAnArchive,     // another program's file, or another certportal record
    Damaged,          // truncated or altered (the digest does not match, or the contents do not decode)
    NewerFormat,      // written by a newer certportal
    MissingPc,        // a simulated PC of this version is not in the file
    AuditChainBroken, // the bank's audit log fails its own hash-chain check (AuditLog::first_invalid)
    Count_
};
const char* archive_error_name(ArchiveError error);

// The file's bytes (they hold the CA's key: kept as secret bytes until handed to the download).
pki::SecretBytes encode_world_archive(const WorldArchive& world);
// Reads `file` into `out` only when every part decodes and checks as the loaders check it: the
// bank state as load_bank decodes it, every certificate as load_pc_store decodes it (one per
// serial on a PC), and the audit log's hash chain with the check the 改ざん検証 uses. On
// failure `out` is untouched. What this does not catch: the envelope's SHA-256 is not keyed and
// the chain covers only the audit entries, not the rest of the state, and is anchored nowhere:
// an edit that recomputes the digest (and, for the log, every hash after the edit) decodes.
// (The CA record is checked by Simulation::import_world, before anything is replaced.)
ArchiveError decode_world_archive(std::span<const std::uint8_t> file, WorldArchive& out);

// Keys protected at 中 (sealed by the PC's device key): usable only in the browser that exported.
std::size_t device_sealed_key_count(const WorldArchive& world);

}  // namespace cp
