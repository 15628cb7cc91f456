// certportal portal: the answer to the key access prompt from a login form. 管理者ログオン
// (AdminFlow) and 利用者ログイン (UserFlow) share it: 「許可」 hands over the key's password when the
// key asks for one (保護レベル 高; an empty one is refused before the PC sees it), 「拒否」 fails the
// login with KeyAccessDenied. The password comes in the command; the View's field it was typed
// into is wiped either way.
#pragma once

#include "bank/bank.h"
#include "bank/validation.h"
#include "portal/text_field.h"

namespace cp {

// Login: AdminLogin or UserLogin (key_access_needs_password, grant_key_access, deny_key_access).
// `typed` is the View's password field, `password_error` the flow's error slot for it.
template <class Login>
FlowResult grant_key_access(Login& login, const Secret& password, PinField& typed, InputError& password_error) {
    if (login.key_access_needs_password() && password.empty()) {
        password_error = InputError::Empty;
        return BankResult::InvalidInput;
    }
    const FlowResult r = login.grant_key_access(password.reveal());
    typed.wipe();
    return r;
}

template <class Login>
FlowResult deny_key_access(Login& login, PinField& typed) {
    typed.wipe();
    return login.deny_key_access();
}

}  // namespace cp
