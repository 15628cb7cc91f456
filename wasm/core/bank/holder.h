// certportal bank: whose certificate an operation is about — the administrator's (the contract's
// certificate, the bank code in its subject) or a user's (a 利用者ID).
#pragma once

#include <string>
#include <utility>

namespace cp {

class Holder {
public:
    static Holder admin() { return Holder(true, {}); }
    // `user_id` is a user's 利用者ID as the bank holds it, never empty: an empty one would be saved
    // as, and read back as, the administrator (saved() below).
    static Holder user(std::string user_id) { return Holder(false, std::move(user_id)); }
    // The saved form (saved()) read back: "" is the administrator.
    static Holder from_saved(std::string saved) { return saved.empty() ? admin() : user(std::move(saved)); }

    bool is_admin() const { return admin_; }
    // The 利用者ID ("" for the administrator).
    const std::string& user_id() const { return user_id_; }
    // How the bank's saved state writes a holder: the 利用者ID, "" for the administrator.
    const std::string& saved() const { return user_id_; }

    bool operator==(const Holder&) const = default;

private:
    Holder(bool admin, std::string user_id) : admin_(admin), user_id_(std::move(user_id)) {}
    bool admin_ = true;
    std::string user_id_;
};

}  // namespace cp
