// certportal procedures: 管理者ログオン as a state machine (the seeds' steps (3)-(8)):
//   ChooseCertificate  証明書の選択: the admin certificate of 管理者のパソコン; the bank sends a
//                      challenge that the PC signs with the certificate's private key
//   KeyAccess          保護レベル 中: 「アクセス許可の付与」 (grant_key_access()) / 高: the key's
//                      password (a wrong one keeps the step); 低 skips it
//   UnlockingKey       the PC's device key is unsealing the key (asynchronous): the UI waits
//   ContractPin        ご契約先暗証番号 → ログオン
//   CardChallenge      確認用パスワード: two symbols of the お客様カード → OK
//   Notices            重要なお知らせ (skipped when there is none) → 次へ
//   Menu               logged in: the admin menu procedures take this session
//   Failed             a dead end; the result that led there is failure()
// A wrong PIN or card answer keeps the step (a new challenge is drawn); a lock, an expired or
// wrong certificate (a user's: NotAdminCertificate), a refused key access or a lost card ends in
// Failed, as on the real site ("close every window and
// log in again", or a paper form at the branch).
#pragma once

#include <vector>

#include "bank/bank.h"
#include "procedures/certificate_login_step.h"

namespace cp {

enum class AdminLoginStep : std::uint8_t {
    ChooseCertificate, KeyAccess, UnlockingKey, ContractPin, CardChallenge, Notices, Menu, Failed
};

// The certificate part (choose_certificate, key access) is CertificateLogin's.
class AdminLogin : public CertificateLogin<AdminLoginStep> {
public:
    using Step = AdminLoginStep;

    // `pc`: the PC the administrator sits at (its device key unlocks 中 keys).
    AdminLogin(Bank& bank, PcServices pc);

    bool logged_in() const { return step_ == Step::Menu; }

    FlowResult enter_contract_pin(std::string_view pin);
    const CardChallenge& challenge() const { return challenge_; }
    FlowResult answer_card(std::string_view first, std::string_view second);
    const std::vector<NoticeKind>& notices() const { return notices_; }
    // 次へ, optionally with 全てのお知らせをしばらく表示しない ticked.
    FlowResult acknowledge_notices(bool hide_for_a_while);

private:
    FlowResult enter_card_step();
    void finish_login();

    Bank& bank_;
    CardChallenge challenge_;
    std::vector<NoticeKind> notices_;
};

}  // namespace cp
