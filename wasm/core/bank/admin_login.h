// certportal bank: 管理者ログオン as a state machine (the seeds' steps (3)-(8)):
//   ChooseCertificate  証明書の選択: the admin certificate of 管理者のパソコン
//   ContractPin        ご契約先暗証番号 → ログオン
//   CardChallenge      確認用パスワード: two symbols of the お客様カード → OK
//   Notices            重要なお知らせ (skipped when there is none) → 次へ
//   Menu               logged in: the admin menu procedures take this session
//   Failed             a dead end; the result that led there is failure()
// A wrong PIN or card answer keeps the step (a new challenge is drawn); a lock, an expired or
// wrong certificate or a lost card ends in Failed, as on the real site ("close every window and
// log in again", or a paper form at the branch).
#pragma once

#include <vector>

#include "bank/bank.h"

namespace cp {

class AdminLogin {
public:
    enum class Step : std::uint8_t { ChooseCertificate, ContractPin, CardChallenge, Notices, Menu, Failed };

    explicit AdminLogin(Bank& bank) : bank_(bank) {}

    Step step() const { return step_; }
    bool logged_in() const { return step_ == Step::Menu; }
    BankResult failure() const { return failure_; }

    BankResult choose_certificate(const InstalledCertificate& certificate);
    BankResult enter_contract_pin(std::string_view pin);
    const CardChallenge& challenge() const { return challenge_; }
    BankResult answer_card(std::string_view first, std::string_view second);
    const std::vector<NoticeKind>& notices() const { return notices_; }
    // 次へ, optionally with 全てのお知らせをしばらく表示しない ticked.
    BankResult acknowledge_notices(bool hide_for_a_while);

private:
    BankResult fail(BankResult why);
    BankResult enter_card_step();
    void finish_login();

    Bank& bank_;
    Step step_ = Step::ChooseCertificate;
    BankResult failure_ = BankResult::Ok;
    CardChallenge challenge_;
    std::vector<NoticeKind> notices_;
};

}  // namespace cp
