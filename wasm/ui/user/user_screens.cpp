// The user's draw table: each UserFlow::Screen's page and OS dialog, in the enum's order beside
// kUserScreens (portal/flows/user_flow.h), checked when it compiles.
#include "user/user_screens.h"

#include "screen_draw.h"

namespace cp::ui {
namespace {

using S = UserFlow::Screen;
constexpr ScreenDraw<UserFlow> kUserDraw[] = {
    {S::PickupIds, draw_pickup_ids, nullptr},
    {S::PickupOneTimePassword, draw_pickup_otp, nullptr},
    {S::PickupCaPage, draw_ca_page, nullptr},
    // 「Webアクセスの確認」 comes over the one-time password page the person just submitted.
    {S::PickupWebAccess, draw_pickup_otp, draw_user_web_access},
    {S::PickupIssuing, draw_pickup_issuing, nullptr},
    {S::PickupDone, draw_pickup_done, nullptr},
    {S::LoginChooseCertificate, nullptr, draw_user_chooser},
    {S::LoginKeyAccess, nullptr, draw_user_key_access},
    {S::LoginUnlockingKey, nullptr, draw_user_unlocking},
    {S::LoginPin, draw_user_login_pin, nullptr},
    {S::LoginLanding, draw_user_landing, nullptr},
    {S::Renewal, draw_nested_renewal_page<UserFlow>, draw_nested_renewal_dialog<UserFlow>},
    {S::Failed, draw_user_failure, nullptr},
};
static_assert(rows_in_screen_order(kUserDraw));

}  // namespace

void draw_user_dialog(const Ui& ui, UserFlow& flow) {
    draw_screen_dialog(kUserDraw, ui, flow);
}

bool draw_user_page(const Ui& ui, UserFlow& flow) {
    return draw_screen_page(kUserDraw, ui, flow);
}

void draw_user_desk(const Ui& ui, UserFlow& flow, const Rect& browser, bool narrow) {
    if (flow.mode() != UserFlow::Mode::Pickup || flow.path() != AcquisitionPath::AcquisitionApp) return;
    draw_downloads(ui, flow, browser, narrow);
    draw_acquisition_app(ui, flow, browser);
}

}  // namespace cp::ui
