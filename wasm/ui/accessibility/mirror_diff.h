// certportal ui: the accessibility mirror's diff — from the previous frame's tree to this one's,
// as a small JSON patch for web/lib/library_mirror.js:
//
//   {"tree":[[key,parent],...],          only when nodes came, went or moved (the full order)
//    "set":[{"k":key,"r":"button",...}], nodes that are new or whose fields changed
//    "del":[key,...]}                    nodes that went
//
// An empty patch (nothing changed) is the empty string: the platform then skips the call into
// JavaScript altogether. Fields are per node: "r" role, "n" name, "v" value, "d" description,
// "x" "y" "w" "h" rectangle, "f" flags (1 disabled, 2 checked, 4 expandable, 8 expanded), "i" row index.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "mirror_tree.h"

namespace cp::ui {

class MirrorDiff {
public:
    // The patch that turns the last tree given into `tree` (the first call: the whole tree).
    const std::string& update(const std::vector<MirrorNode>& tree);
    // Forgets the DOM's state (the page rebuilt its mirror): the next update sends everything.
    void reset();

private:
    std::unordered_map<std::uint32_t, std::uint64_t> fields_;  // key → hash of the fields last sent
    std::vector<std::uint64_t> structure_;                     // (key, parent) pairs last sent
    std::string patch_;
};

}  // namespace cp::ui
