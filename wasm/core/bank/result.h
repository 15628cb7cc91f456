// certportal bank: the outcome of every bank operation — the bank's rules' own codes.
//
// One code per failure, listed once in bank_result.def: the enum, its names (result_name) and its
// catalogue texts (portal/messages.cpp, TextId::Result + the name) are made from that list. The
// PC's, storage's and the procedure flow's codes are their own enums (pc/pc_result.h,
// storage/persist_result.h, result/flow_result.h); a BankResult converts up to a FlowResult as the
// same number. Bank operations never throw; one that cannot proceed returns one of these.
#pragma once

#include <cstdint>

#include "result/flow_result.h"

namespace cp {

#define CP_RESULT_ENUM BankResult
#define CP_RESULT_LIST "bank/bank_result.def"
#include "result/layer_result.inc"

}  // namespace cp
