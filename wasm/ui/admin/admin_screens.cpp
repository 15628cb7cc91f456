// The administrator's draw table: each AdminFlow::Screen's page and OS dialog, in the enum's order
// beside kAdminScreens (portal/flows/admin_flow.h), checked when it compiles.
#include "admin/admin_screens.h"
#include "screen_draw.h"

namespace cp::ui {
namespace {

using S = AdminFlow::Screen;
constexpr ScreenDraw<AdminFlow> kAdminDraw[] = {
    {S::ChooseCertificate, nullptr, draw_admin_chooser},
    {S::KeyAccess, nullptr, draw_admin_key_access},
    {S::UnlockingKey, nullptr, draw_admin_unlocking},
    {S::ContractPin, draw_admin_contract_pin, nullptr},
    {S::CardChallenge, draw_admin_card_challenge, nullptr},
    {S::Notices, draw_admin_notices, nullptr},
    {S::Menu, draw_admin_menu, nullptr},
    {S::UserGrid, draw_admin_user_grid, nullptr},
    {S::UserEdit, draw_admin_user_edit, nullptr},
    {S::UserDone, draw_admin_user_done, nullptr},
    {S::Failed, draw_admin_failure, nullptr},
    {S::Renewal, draw_admin_renewal, draw_nested_renewal_dialog<AdminFlow>},
};
static_assert(rows_in_screen_order(kAdminDraw));

}  // namespace

// 証明書更新 under the administrator's session bar: the shared renewal pages (renewal/).
void draw_admin_renewal(const Ui& ui, AdminFlow& flow) {
    draw_admin_session_bar(ui, flow);
    draw_nested_renewal_page(ui, flow);
}

void draw_admin_dialog(const Ui& ui, AdminFlow& flow) {
    draw_screen_dialog(kAdminDraw, ui, flow);
}

bool draw_admin_page(const Ui& ui, AdminFlow& flow) {
    return draw_screen_page(kAdminDraw, ui, flow);
}

}  // namespace cp::ui
