// certportal portal: 管理者電子証明書取得 (procedures/admin_pickup.h) — the View, the screen
// of each step and the last command's result. Started from the top page on the PC the person sits
// at (the certificate goes to that PC's store: the seeds ask 管理者のパソコン).
#pragma once

#include <memory>

#include "portal/commands.h"
#include "portal/flows/form_outcome.h"
#include "portal/flows/screen_table.h"
#include "portal/text_field.h"
#include "procedures/admin_pickup.h"

namespace cp {

enum class AdminPickupField : std::uint8_t { ContractId, ContractPin, Count_ };

class AdminPickupFlow : public FormOutcome<AdminPickupField> {
public:
    enum class Screen : std::uint8_t {
        EnterIds,    // 契約者ID + ご契約先暗証番号 → 次へ
        WebAccess,   // OS dialog: 「この Web サイトはユーザーの代わりに…」 はい / いいえ
        Issuing,     // 電子証明書発行処理中 (progress; moves on by itself)
        Done,        // 取得完了: log on with it
        Failed,      // why, and the way back
        Count_
    };
    using Field = AdminPickupField;

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
    FlowResult apply(const PickupCommand& command);
    View& view() { return view_; }
    const AdminPickup& pickup() const { return pickup_; }
    const Bank& bank() const { return bank_; }

private:
    Bank& bank_;
    AdminPickup pickup_;
    View view_;
};

// Each screen's kind and stable name (portal/flows/screen_table.h).
inline constexpr ScreenRow<AdminPickupFlow::Screen> kAdminPickupScreens[] = {
    {AdminPickupFlow::Screen::EnterIds, ScreenKind::Page, "EnterIds"},
    {AdminPickupFlow::Screen::WebAccess, ScreenKind::Dialog, "WebAccess"},
    {AdminPickupFlow::Screen::Issuing, ScreenKind::Page, "Issuing"},
    {AdminPickupFlow::Screen::Done, ScreenKind::Page, "Done"},
    {AdminPickupFlow::Screen::Failed, ScreenKind::Page, "Failed"},
};
static_assert(rows_in_screen_order(kAdminPickupScreens));

}  // namespace cp
