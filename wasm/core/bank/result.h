// certportal bank: the outcome of every bank operation and procedure step.
//
// One code per failure, listed once in bank_result.def: the enum, its names (bank_result_name) and
// its catalogue texts (portal/messages.cpp, TextId::Result + the name) are made from that list.
// Procedures never throw; a step that cannot proceed returns one of these and says which state
// it is in afterwards.
#pragma once

#include <cstdint>

namespace cp {

enum class [[nodiscard]] BankResult : std::uint8_t {
    Ok = 0,
#define CP_BANK_RESULT(name, number) name = number,
#include "bank/bank_result.def"
#undef CP_BANK_RESULT
    Count_
};

// "ContractLocked" etc.: stable identifiers for logs, tests and catalogue keys.
const char* bank_result_name(BankResult result);

}  // namespace cp
