#include "bank/result.h"

namespace cp {

const char* bank_result_name(BankResult result) {
    switch (result) {
    case BankResult::Ok: return "Ok";
#define CP_BANK_RESULT(name, number) \
    case BankResult::name: return #name;
#include "bank/bank_result.def"
#undef CP_BANK_RESULT
    case BankResult::Count_: break;
    }
    return "?";
}

}  // namespace cp
