// certportal portal: what a flow's form shows of the last command it applied — its result (Ok
// after success), one InputError per field, and the tries left after a wrong secret. One piece for
// the flows that own a form of their own (AdminFlow, UserFlow, AdminPickupFlow): each derives from
// FormOutcome<its Field enum>, whose last value is Count_, and applies every command through
// outcome_of() with the command's FormEffect: the one place the form's outcome is reset and set.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "bank/bank.h"
#include "bank/validation.h"

namespace cp {

// What a command does to the form's outcome.
enum class FormEffect : std::uint8_t {
    Submit,  // a step of the procedure (or one refused): starts from a clean form; its result shows
    View,    // changes only what is shown (a tab, a section, properties): the fields' errors and the
             // tries left stay; its result (Ok) replaces the last one
    Choice,  // a choice the next submit reads (a checkbox, the revoke reason): the last submit's
             // outcome stays on screen, as ticking a box on a paper form would
};

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
    // Applies a command (`apply`: its work, returning its result) with its effect on the form.
    template <class Apply>
    FlowResult outcome_of(FormEffect effect, Apply&& apply) {
        if (effect == FormEffect::Submit) {
            field_errors_.fill(InputError::None);
            tries_left_ = 0;
        }
        const FlowResult r = apply();
        if (effect != FormEffect::Choice) last_result_ = r;
        return r;
    }
    InputError& error_slot(Field f) { return field_errors_[index(f)]; }
    void set_field_error(Field f, InputError e) { error_slot(f) = e; }

    std::uint32_t tries_left_ = 0;

private:
    FlowResult last_result_ = FlowResult::Ok;
    static constexpr std::size_t index(Field f) { return static_cast<std::size_t>(f); }
    std::array<InputError, static_cast<std::size_t>(Field::Count_)> field_errors_{};
};

}  // namespace cp
