// certportal platform: the boundary between indexeddb_storage.cpp and web/lib/library_idb.js.
//
// C++ → JavaScript: the cp_idb_js_* functions (implemented in library_idb.js). Each carries the
// storage's handle and a request number; the answer comes back later through the matching
// cp_idb_on_* export with a status code (cp::StorageStatus's numbers). Packed formats are
// described at the top of library_idb.js.
#pragma once

#include <cstdint>

extern "C" {

// --- Implemented in JavaScript --------------------------------------------------------------
int cp_idb_js_available(void);
// stores: '\n'-separated names; migrate_below: highest migration to_version (0: none).
void cp_idb_js_open(int handle, int request, const char* name, int version, const char* stores, int migrate_below);
void cp_idb_js_read(int handle, int request, const char* store);
// The batch is copied before the call returns.
void cp_idb_js_commit(int handle, int request, const std::uint8_t* batch, int size);
void cp_idb_js_close(int handle);

// --- Called from JavaScript (exported) -------------------------------------------------------
void cp_idb_on_opened(int request, int status, int previous_version);
// Runs the pending migrations over the packed snapshot (freed here) and returns a malloc'd
// [u32 size][packed batch] that JavaScript frees; null aborts the upgrade.
std::uint8_t* cp_idb_on_upgrade(int request, int old_version, std::uint8_t* records, int size);
// records: malloc'd packed records (freed here), null when status is not Ok.
void cp_idb_on_read(int request, int status, std::uint8_t* records, int size);
void cp_idb_on_committed(int request, int status);
// kind 1: closed (text: why); kind 2: changed externally (text: '\n'-separated store names).
void cp_idb_on_event(int handle, int kind, const char* text);

}  // extern "C"
