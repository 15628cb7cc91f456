// certportal pc: which of the two simulated PCs — the simulation holds one store and one set of
// key services for each; the session knows which one the person sits at.
#pragma once

#include <cstdint>

namespace cp {

enum class PcId : std::uint8_t { Admin = 0, User = 1 };  // 管理者のパソコン, 利用者のパソコン

}  // namespace cp
