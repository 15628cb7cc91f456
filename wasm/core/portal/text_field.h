// certportal portal: what typed text is made of (docs/architecture.md, "Where state lives").
//   TextField  a fixed-size edit buffer in a flow's View. Screens edit it in place (Dear ImGui's
//              InputText writes into a char array); the flow wipes a secret's buffer once its
//              submit is applied, and the whole View when the flow ends. No allocation: a secret
//              never reaches the heap through a growing std::string.
//   Secret     a secret as the submitting command carries it (portal/commands.h).
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

// A PIN, password, card answer or one-time password in a command: the bytes sit in a
// pki::SecretBytes (one allocation of the exact size, wiped when the command is destroyed). Only
// the flow applying the command reads them, through reveal(); recorded() is all a recording of
// commands can write of one — the flow's result beside it says whether it was right.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string_view text) : bytes_(pki::as_bytes(text)) {}
    template <std::size_t N>
    explicit Secret(const TextField<N>& field) : Secret(field.view()) {}

    std::string_view reveal() const { return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()}; }
    bool empty() const { return bytes_.empty(); }

private:
    pki::SecretBytes bytes_;
};

// What a recording writes for a secret: "given" or "empty", never the text.
inline const char* recorded(const Secret& secret) { return secret.empty() ? "empty" : "given"; }

// Sizes: PINs are at most 12 characters (docs/domain.md); room is left so that an over-long
// entry reaches validation and gets its message instead of being cut silently.
using PinField = TextField<40>;
using ShortField = TextField<8>;     // 2-digit card answers, 6-digit one-time passwords
using IdField = TextField<64>;       // 契約者ID, 利用者ID

}  // namespace cp
