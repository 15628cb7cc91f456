// certportal portal: what a flow's form shows of the last command it applied — the bank's result
// (Ok after success), one InputError per field, and the tries left after a wrong secret. One
// piece for the flows that own a form of their own (AdminFlow, UserFlow, AdminPickupFlow): each
// derives from FormOutcome<its Field enum>, whose last value is Count_.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "bank/bank.h"
#include "bank/validation.h"

namespace cp {

template <class Field>
class FormOutcome {
public:
    // The last command's outcome: the bank's result (Ok after success) and each field's error.
    FlowResult last_result() const { return last_result_; }
    InputError field_error(Field f) const { return field_errors_[index(f)]; }
    bool has_field_errors() const {
        return std::any_of(field_errors_.begin(), field_errors_.end(), [](InputError e) { return e != InputError::None; });
    }
    // Tries left before the lock, after a wrong PIN, card answer or one-time password (0 otherwise).
    std::uint32_t tries_left() const { return tries_left_; }

protected:
    // Before a command: no error, Ok, no count of tries.
    void clear_errors() {
        field_errors_.fill(InputError::None);
        last_result_ = FlowResult::Ok;
        tries_left_ = 0;
    }
    InputError& error_slot(Field f) { return field_errors_[index(f)]; }
    void set_field_error(Field f, InputError e) { error_slot(f) = e; }

    FlowResult last_result_ = FlowResult::Ok;
    std::uint32_t tries_left_ = 0;

private:
    static constexpr std::size_t index(Field f) { return static_cast<std::size_t>(f); }
    std::array<InputError, static_cast<std::size_t>(Field::Count_)> field_errors_{};
};

}  // namespace cp
