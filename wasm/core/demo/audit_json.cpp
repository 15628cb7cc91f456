#include "demo/audit_json.h"

#include <cstdio>

#include "json/json_string.h"

namespace cp {
namespace {

std::string iso_jst(SimTime t) {
    const JstTime j = to_jst(t);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", j.year, j.month, j.day, j.hour, j.minute,
                  j.second);
    return buffer;
}

std::string hex(const Sha256Digest& d) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : d) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

}  // namespace

std::string audit_log_json(const AuditLog& log) {
    const std::size_t bad = log.first_invalid();
    std::string out = "{\"format\":\"certportal-audit-log\",\"verified\":";
    out += bad == log.entries().size() ? "true" : "false";
    out += ",\"first_invalid\":";
    out += bad == log.entries().size() ? "null" : std::to_string(bad);
    out += ",\"entries\":[";
    bool first = true;
    for (const AuditEntry& e : log.entries()) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "{\"sequence\":" + std::to_string(e.sequence) + ",\"time\":";
        append_json_string(out, iso_jst(e.time));
        out += ",\"actor\":";
        append_json_string(out, e.actor);
        out += ",\"action\":";
        append_json_string(out, audit_action_name(e.action));
        out += ",\"target\":";
        append_json_string(out, e.target);
        out += ",\"result\":";
        append_json_string(out, result_name(e.result));
        out += ",\"hash\":";
        append_json_string(out, hex(e.hash));
        out += '}';
    }
    out += "\n]}\n";
    return out;
}

}  // namespace cp
