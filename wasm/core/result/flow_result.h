// certportal result: the outcome of a procedure step, as the flows, the session and the screens
// see it — the flow's own codes or a lower layer's code passed up unchanged.
//
// Each layer names its own failures in its own enum, listed once in a .def file:
//   BankResult    bank/bank_result.def          the bank's rules (PINs, lockout, certificates, ...)
//   PcResult      pc/pc_result.def              the PC: keys, key prompt, acquisition app, install
//                                               prompt, certificate manager
//   PersistResult storage/persist_result.def    loading and saving state
//   FlowResult    result/flow_result.def        the procedure flow: WrongStep, Cancelled
// Like Mbed TLS's error codes, which are segmented by module so that a high-level code can carry
// the low-level one, every code has its own number in one space shared by the layers (0 is Ok in
// every layer; the numbers are the ones audit logs have saved since before the split). A
// FlowResult is one such number: a lower layer's code converts up to it implicitly and loses
// nothing (PcResult::KeyAccessDenied stays KeyAccessDenied: the screen shows the PC's text), and
// compares equal to it. Nothing converts down: a layer's function returns its own enum.
// result_name() and portal/result_text() are made from the four lists; two codes sharing a number
// do not compile (duplicate case labels in result_name).
#pragma once

#include <cstdint>

namespace cp {

// Set by each layer's header for its enum (bank/result.h, pc/pc_result.h, storage/persist_result.h).
template <class E>
inline constexpr bool kIsResultCode = false;
template <class E>
concept LayerResult = kIsResultCode<E>;

// One past the highest number used by any layer; every number below it is some layer's code
// (checked in result_name's file). A new code takes this number and this becomes one more.
inline constexpr std::uint8_t kResultCodeCount = 49;

class [[nodiscard]] FlowResult {
public:
    // The flow's own codes.
    enum class Code : std::uint8_t {
        Ok = 0,
#define CP_RESULT(name, number) name = number,
#include "result/flow_result.def"
#undef CP_RESULT
    };
    static const FlowResult Ok;
#define CP_RESULT(name, number) static const FlowResult name;
#include "result/flow_result.def"
#undef CP_RESULT

    constexpr FlowResult() = default;
    constexpr FlowResult(Code code) : code_(static_cast<std::uint8_t>(code)) {}
    // A lower layer's code, passed up as it is.
    template <LayerResult E>
    constexpr FlowResult(E code) : code_(static_cast<std::uint8_t>(code)) {}
    // An audit entry's saved number (bank_codec.cpp checks it is below kResultCodeCount).
    static constexpr FlowResult from_saved(std::uint8_t number) { return FlowResult(number); }

    // The number in the shared space: what an audit entry saves and hashes.
    constexpr std::uint8_t code() const { return code_; }
    constexpr bool ok() const { return code_ == 0; }

    friend constexpr bool operator==(FlowResult, FlowResult) = default;
    template <LayerResult E>
    friend constexpr bool operator==(FlowResult a, E b) { return a.code_ == static_cast<std::uint8_t>(b); }

private:
    explicit constexpr FlowResult(std::uint8_t number) : code_(number) {}
    std::uint8_t code_ = 0;
};

inline constexpr FlowResult FlowResult::Ok{};
#define CP_RESULT(name, number) inline constexpr FlowResult FlowResult::name{FlowResult::Code::name};
#include "result/flow_result.def"
#undef CP_RESULT

// "ContractLocked", "KeyAccessDenied", "WrongStep" ...: the code's name in its layer's list, the same
// for the layer's enum and for the FlowResult carrying it (logs, tests, the catalogue's key suffix);
// "?" for a number no layer uses.
constexpr const char* result_name(FlowResult result) {
    switch (result.code()) {
    case 0: return "Ok";
#define CP_RESULT(name, number) \
    case number: return #name;
#include "result/all_results.inc"
#undef CP_RESULT
    default: break;
    }
    return "?";
}

// The number space has no gap and nothing past kResultCodeCount (a code that shares a number with
// another does not compile above): so an audit entry's saved number is valid when below the count.
namespace result_detail {
constexpr bool every_number_is_one_code() {
    int codes = 0;
    bool below = true;
#define CP_RESULT(name, number) \
    ++codes;                    \
    below = below && (number) < kResultCodeCount;
#include "result/all_results.inc"
#undef CP_RESULT
    return below && codes + 1 == kResultCodeCount;
}
static_assert(every_number_is_one_code(), "result codes: a gap or a number past kResultCodeCount");
}  // namespace result_detail

}  // namespace cp
