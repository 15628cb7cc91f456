// certportal pc: the outcome of what a simulated PC does — making and protecting keys, answering
// its key-use prompt, the acquisition app, the browser's install prompt — and of its certificate
// manager (the OS's view of the same store, so one enum: the manager has three codes of its own).
// Listed in pc_result.def; converts up to a FlowResult (result/flow_result.h) as the same number.
#pragma once

#include <cstdint>

#include "result/flow_result.h"

namespace cp {

#define CP_RESULT_ENUM PcResult
#define CP_RESULT_LIST "pc/pc_result.def"
#include "result/layer_result.inc"

}  // namespace cp
