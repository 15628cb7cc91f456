// certportal storage: the outcome of loading or saving the simulated world's state (sim/persistence.h,
// the bank's and the CA's record decoders). Listed in persist_result.def; converts up to a FlowResult
// (result/flow_result.h) as the same number.
#pragma once

#include <cstdint>

#include "result/flow_result.h"

namespace cp {

#define CP_RESULT_ENUM PersistResult
#define CP_RESULT_LIST "storage/persist_result.def"
#include "result/layer_result.inc"

}  // namespace cp
