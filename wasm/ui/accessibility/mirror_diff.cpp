#include "mirror_diff.h"

#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "json/json_string.h"

namespace cp::ui {
namespace {

std::uint64_t hash_bytes(std::uint64_t h, const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

std::uint64_t hash_string(std::uint64_t h, const std::string& s) {
    h = hash_bytes(h, s.data(), s.size());
    return hash_bytes(h, "\0", 1);  // "ab"+"c" and "a"+"bc" differ
}

// Rectangles are compared at a tenth of a CSS pixel: what the patch writes.
int tenths(float v) { return static_cast<int>(std::lround(v * 10.0f)); }

int flags(const MirrorNode& n) {
    return (n.disabled ? 1 : 0) | (n.checked ? 2 : 0) | (n.expandable ? 4 : 0) | (n.expanded ? 8 : 0);
}

std::uint64_t hash_fields(const MirrorNode& n) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    const int numbers[] = {static_cast<int>(n.role), tenths(n.x), tenths(n.y), tenths(n.w), tenths(n.h), flags(n), n.row_index};
    h = hash_bytes(h, numbers, sizeof(numbers));
    h = hash_string(h, n.name);
    h = hash_string(h, n.value);
    return hash_string(h, n.description);
}

void append_number(std::string& out, const char* field, int tenths_value) {
    char buf[40];
    std::snprintf(buf, sizeof(buf), ",\"%s\":%.1f", field, static_cast<double>(tenths_value) / 10.0);
    out += buf;
}

void append_node(std::string& out, const MirrorNode& n) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "{\"k\":%u,\"p\":%u,\"r\":\"%s\"", n.key, n.parent, mirror_role_name(n.role));
    out += buf;
    if (!n.name.empty()) {
        out += ",\"n\":";
        cp::append_json_string(out, n.name);
    }
    if (!n.value.empty()) {
        out += ",\"v\":";
        cp::append_json_string(out, n.value);
    }
    if (!n.description.empty()) {
        out += ",\"d\":";
        cp::append_json_string(out, n.description);
    }
    if (!mirror_role_is_container(n.role)) {
        append_number(out, "x", tenths(n.x));
        append_number(out, "y", tenths(n.y));
        append_number(out, "w", tenths(n.w));
        append_number(out, "h", tenths(n.h));
    }
    if (flags(n) != 0) {
        std::snprintf(buf, sizeof(buf), ",\"f\":%d", flags(n));
        out += buf;
    }
    if (n.row_index > 0) {
        std::snprintf(buf, sizeof(buf), ",\"i\":%d", n.row_index);
        out += buf;
    }
    out += '}';
}

}  // namespace

void MirrorDiff::reset() {
    fields_.clear();
    structure_.clear();
}

const std::string& MirrorDiff::update(const std::vector<MirrorNode>& tree) {
    patch_.clear();
    std::vector<std::uint64_t> structure;
    structure.reserve(tree.size());
    for (const MirrorNode& n : tree) structure.push_back(static_cast<std::uint64_t>(n.key) << 32 | n.parent);

    std::string set;
    std::unordered_map<std::uint32_t, std::uint64_t> fields;
    fields.reserve(tree.size());
    for (const MirrorNode& n : tree) {
        const std::uint64_t h = hash_fields(n);
        fields.emplace(n.key, h);
        const auto old = fields_.find(n.key);
        if (old != fields_.end() && old->second == h) continue;
        set += set.empty() ? "" : ",";
        append_node(set, n);
    }
    std::string del;
    for (const auto& [key, hash] : fields_) {
        if (fields.count(key) != 0) continue;
        char buf[16];
        std::snprintf(buf, sizeof(buf), "%s%u", del.empty() ? "" : ",", key);
        del += buf;
    }
    const bool moved = structure != structure_;
    if (!moved && set.empty() && del.empty()) return patch_;

    patch_.assign(1, '{');
    if (moved) {
        patch_ += "\"tree\":[";
        for (std::size_t i = 0; i < tree.size(); ++i) {
            char buf[32];
            std::snprintf(buf, sizeof(buf), "%s[%u,%u]", i > 0 ? "," : "", tree[i].key, tree[i].parent);
            patch_ += buf;
        }
        patch_ += "],";
    }
    patch_ += "\"set\":[";
    patch_ += set;
    patch_ += "],\"del\":[";
    patch_ += del;
    patch_ += "]}";
    fields_.swap(fields);
    structure_.swap(structure);
    return patch_;
}

}  // namespace cp::ui
