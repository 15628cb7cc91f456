#include "user/user_screens.h"

#include "renewal/renewal_screens.h"

namespace cp::ui {

bool user_dialog_open(const UserFlow& flow) {
    switch (flow.screen()) {
        case UserFlow::Screen::PickupWebAccess:
        case UserFlow::Screen::LoginChooseCertificate:
        case UserFlow::Screen::LoginKeyAccess:
        case UserFlow::Screen::LoginUnlockingKey: return true;
        case UserFlow::Screen::Renewal: return renewal_dialog_open(*flow.renewal_flow());
        case UserFlow::Screen::PickupIds:
        case UserFlow::Screen::PickupOneTimePassword:
        case UserFlow::Screen::PickupCaPage:
        case UserFlow::Screen::PickupIssuing:
        case UserFlow::Screen::PickupDone:
        case UserFlow::Screen::LoginPin:
        case UserFlow::Screen::LoginLanding:
        case UserFlow::Screen::Failed: return false;
    }
    return false;
}

bool draw_user_page(const Ui& ui, UserFlow& flow) {
    switch (flow.screen()) {
        case UserFlow::Screen::PickupIds: draw_pickup_ids(ui, flow); return true;
        case UserFlow::Screen::PickupOneTimePassword: draw_pickup_otp(ui, flow); return true;
        case UserFlow::Screen::PickupCaPage: draw_ca_page(ui, flow); return true;
        // 「Webアクセスの確認」 comes over the one-time password page the person just submitted.
        case UserFlow::Screen::PickupWebAccess: draw_pickup_otp(ui, flow); return true;
        case UserFlow::Screen::PickupIssuing: draw_pickup_issuing(ui, flow); return true;
        case UserFlow::Screen::PickupDone: draw_pickup_done(ui, flow); return true;
        case UserFlow::Screen::LoginChooseCertificate:
        case UserFlow::Screen::LoginKeyAccess:
        case UserFlow::Screen::LoginUnlockingKey: return false;  // dialogs over the top page
        case UserFlow::Screen::LoginPin: draw_user_login_pin(ui, flow); return true;
        case UserFlow::Screen::LoginLanding: draw_user_landing(ui, flow); return true;
        case UserFlow::Screen::Renewal: draw_user_renewal(ui, flow); return true;
        case UserFlow::Screen::Failed: draw_user_failure(ui, flow); return true;
    }
    return false;
}

void draw_user_desk(const Ui& ui, UserFlow& flow, const Rect& browser, bool narrow) {
    if (flow.mode() != UserFlow::Mode::Pickup || flow.path() != AcquisitionPath::AcquisitionApp) return;
    draw_downloads(ui, flow, browser, narrow);
    draw_acquisition_app(ui, flow, browser);
}

}  // namespace cp::ui
