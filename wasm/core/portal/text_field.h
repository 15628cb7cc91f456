// certportal portal: a fixed-size text buffer for a form field. Screens edit it in place (Dear
// ImGui's InputText writes into a char array); the flow that owns it wipes it when the field is
// submitted or the flow ends, so a typed PIN does not linger in memory. No allocation: a secret
// never reaches the heap through a growing std::string.
#pragma once

#include <cstddef>
#include <string_view>

#include "pki/bytes.h"

namespace cp {

template <std::size_t N>
class TextField {
public:
    static constexpr std::size_t kCapacity = N;  // bytes, including the terminating NUL

    TextField() = default;
    ~TextField() { wipe(); }
    // A field belongs to one form: copying would leave a second, unwiped copy of a secret.
    TextField(const TextField&) = delete;
    TextField& operator=(const TextField&) = delete;

    char* data() { return buffer_; }
    const char* c_str() const { return buffer_; }
    std::size_t capacity() const { return N; }
    std::string_view view() const { return std::string_view(buffer_); }
    bool empty() const { return buffer_[0] == '\0'; }
    void wipe() { pki::secure_wipe(buffer_, N); }
    // Replaces the content (tests and the software keyboard); truncated to the capacity.
    void assign(std::string_view text) {
        wipe();
        const std::size_t n = text.size() < N - 1 ? text.size() : N - 1;
        for (std::size_t i = 0; i < n; ++i) buffer_[i] = text[i];
    }

private:
    char buffer_[N] = {};
};

// Sizes: PINs are at most 12 characters (docs/domain.md); room is left so that an over-long
// entry reaches validation and gets its message instead of being cut silently.
using PinField = TextField<40>;
using ShortField = TextField<8>;     // 2-digit card answers, 6-digit one-time passwords
using IdField = TextField<64>;       // 契約者ID, 利用者ID

}  // namespace cp
