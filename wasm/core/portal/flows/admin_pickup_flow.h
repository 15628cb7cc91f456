// certportal portal: 管理者電子証明書取得 (procedures/admin_pickup.h) — the View, the screen
// of each step and the last command's result. Started from the top page on the PC the person sits
// at (the certificate goes to that PC's store: the seeds ask 管理者のパソコン).
#pragma once

#include <memory>

#include "portal/commands.h"
#include "portal/text_field.h"
#include "procedures/admin_pickup.h"

namespace cp {

class AdminPickupFlow {
public:
    enum class Screen : std::uint8_t {
        EnterIds,    // 契約者ID + ご契約先暗証番号 → 次へ
        WebAccess,   // OS dialog: 「この Web サイトはユーザーの代わりに…」 はい / いいえ
        Issuing,     // 電子証明書発行処理中 (progress; moves on by itself)
        Done,        // 取得完了: log on with it
        Failed,      // why, and the way back
    };
    enum class Field : std::uint8_t { ContractId, ContractPin, Count_ };

    // Written by the screens only: the fields being typed (次へ carries the text) and the show
    // toggle (docs/architecture.md, "Where state lives").
    struct View {
        IdField contract_id;
        PinField contract_pin;
        bool reveal_contract_pin = false;
    };

    AdminPickupFlow(Bank& bank, PcCertificateStore& store, PcServices pc);
    ~AdminPickupFlow();  // wipes the View; a pickup not finished is cancelled

    Screen screen() const;
    BankResult apply(const PickupCommand& command);
    View& view() { return view_; }
    const AdminPickup& pickup() const { return pickup_; }
    const Bank& bank() const { return bank_; }
    BankResult last_result() const { return last_result_; }
    InputError field_error(Field f) const { return field_errors_[static_cast<std::size_t>(f)]; }
    std::uint32_t tries_left() const { return tries_left_; }

private:
    Bank& bank_;
    AdminPickup pickup_;
    View view_;
    BankResult last_result_ = BankResult::Ok;
    std::array<InputError, static_cast<std::size_t>(Field::Count_)> field_errors_{};
    std::uint32_t tries_left_ = 0;
};

}  // namespace cp
