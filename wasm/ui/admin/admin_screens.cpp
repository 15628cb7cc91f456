#include "admin/admin_screens.h"
#include "renewal/renewal_screens.h"

namespace cp::ui {

bool admin_dialog_open(const AdminFlow& flow) {
    switch (flow.screen()) {
        case AdminFlow::Screen::ChooseCertificate:
        case AdminFlow::Screen::KeyAccess:
        case AdminFlow::Screen::UnlockingKey:
        case AdminFlow::Screen::RenewalWebAccess:
        case AdminFlow::Screen::RenewalProtection:
        case AdminFlow::Screen::RenewalProtectionSettings:
        case AdminFlow::Screen::RenewalInstall: return true;
        case AdminFlow::Screen::ContractPin:
        case AdminFlow::Screen::CardChallenge:
        case AdminFlow::Screen::Notices:
        case AdminFlow::Screen::Menu:
        case AdminFlow::Screen::UserGrid:
        case AdminFlow::Screen::UserEdit:
        case AdminFlow::Screen::UserDone:
        case AdminFlow::Screen::Failed:
        case AdminFlow::Screen::RenewalStart:
        case AdminFlow::Screen::RenewalIssuing:
        case AdminFlow::Screen::RenewalDone:
        case AdminFlow::Screen::RenewalFailed: return false;
    }
    return false;
}

// 証明書更新 under the administrator's session bar: the shared renewal pages (renewal/).
void draw_admin_renewal(const Ui& ui, AdminFlow& flow) {
    draw_admin_session_bar(ui, flow);
    RenewalHolder holder;
    holder.current_expiry = flow.bank().state().contract.admin_certificate.not_after;
    draw_renewal_page(ui, *flow.renewal_flow(), holder);
}

bool draw_admin_page(const Ui& ui, AdminFlow& flow) {
    switch (flow.screen()) {
        case AdminFlow::Screen::ChooseCertificate:
        case AdminFlow::Screen::KeyAccess:
        case AdminFlow::Screen::UnlockingKey: return false;  // dialogs over the top page
        case AdminFlow::Screen::ContractPin: draw_admin_contract_pin(ui, flow); return true;
        case AdminFlow::Screen::CardChallenge: draw_admin_card_challenge(ui, flow); return true;
        case AdminFlow::Screen::Notices: draw_admin_notices(ui, flow); return true;
        case AdminFlow::Screen::Menu: draw_admin_menu(ui, flow); return true;
        case AdminFlow::Screen::UserGrid: draw_admin_user_grid(ui, flow); return true;
        case AdminFlow::Screen::UserEdit: draw_admin_user_edit(ui, flow); return true;
        case AdminFlow::Screen::UserDone: draw_admin_user_done(ui, flow); return true;
        case AdminFlow::Screen::Failed: draw_admin_failure(ui, flow); return true;
        case AdminFlow::Screen::RenewalStart:
        case AdminFlow::Screen::RenewalWebAccess:
        case AdminFlow::Screen::RenewalProtection:
        case AdminFlow::Screen::RenewalProtectionSettings:
        case AdminFlow::Screen::RenewalIssuing:
        case AdminFlow::Screen::RenewalInstall:
        case AdminFlow::Screen::RenewalDone:
        case AdminFlow::Screen::RenewalFailed: draw_admin_renewal(ui, flow); return true;
    }
    return false;
}

}  // namespace cp::ui
