// certportal demo: the bank's audit log as JSON, for the console's export — every entry with its
// chain hash, so the file can be checked outside the simulator, and whether the chain verifies.
#pragma once

#include <string>

#include "bank/audit_log.h"

namespace cp {

// {"format":"certportal-audit-log","verified":true,"first_invalid":null,"entries":[{"sequence":1,
//  "time":"2023-09-01T10:00:00+09:00","actor":"system","action":"PresetLoaded","target":"SeedWorld",
//  "result":"Ok","hash":"<64 hex>"}, ...]}
std::string audit_log_json(const AuditLog& log);

}  // namespace cp
