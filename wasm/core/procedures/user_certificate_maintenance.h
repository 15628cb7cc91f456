// certportal procedures: the administrator reissues / revokes / continues a user's certificate (the
// seed's 利用者の電子証明書を再発行する, steps (8)-(10)):
//   SelectUser       ご契約先管理情報変更 → 利用者情報登録／変更: the grid; pick a user
//   ChangeOrDelete   変更・登録抹消・各種設定 → 変更
//   EditCertificate  利用者電子証明書の再発行・失効: the record; 継続 / 再発行 / 失効 +
//                    ご契約先確認暗証番号 → OK
//   Done / Failed
// Needs a logged-in AdminLogin. After a reissue, token_missing() tells the admin that the user
// has no one-time password token yet and cannot pick up before one is registered.
#pragma once

#include "procedures/admin_login.h"

namespace cp {

class UserCertificateMaintenance {
public:
    enum class Step : std::uint8_t { SelectUser, ChangeOrDelete, EditCertificate, Done, Failed };

    UserCertificateMaintenance(Bank& bank, const AdminLogin& session) : bank_(bank), session_(session) {}

    Step step() const { return step_; }
    FlowResult failure() const { return failure_; }
    const std::vector<User>& users() const { return bank_.state().users; }
    const User* selected() const { return bank_.find_user(user_id_); }

    FlowResult select_user(std::string_view user_id);
    FlowResult choose_change();
    // `reason`: why (失効), kept in the audit log.
    FlowResult apply(UserCertificateAction action, std::string_view confirmation_pin, std::string_view reason = {});
    bool token_missing() const { return token_missing_; }

private:
    bool allowed(Step expected) const { return session_.logged_in() && step_ == expected; }
    Bank& bank_;
    const AdminLogin& session_;
    Step step_ = Step::SelectUser;
    FlowResult failure_ = FlowResult::Ok;
    std::string user_id_;
    bool token_missing_ = false;
};

}  // namespace cp
