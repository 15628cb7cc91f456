#include "desk/desk.h"

#include "admin/admin_screens.h"
#include "imgui.h"
#include "os/certificate_manager.h"
#include "theme.h"
#include "user/user_screens.h"

namespace cp::ui {

void draw_desk(const Ui& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool narrow = vp->WorkSize.x < size::kNarrow;
    const float taskbar_h = taskbar_height(ui, vp->WorkSize.x);
    AdminFlow* flow = ui.session.admin_flow();
    const CertificateManagerFlow* manager = ui.session.certificate_manager();
    AdminPickupFlow* pickup = ui.session.admin_pickup();
    UserFlow* user = ui.session.user_flow();
    const bool dialog = (flow != nullptr && flow->dialog_open()) || manager != nullptr ||
                        (pickup != nullptr && admin_pickup_dialog_open(*pickup)) ||
                        (user != nullptr && user->dialog_open());
    const bool saving = ui.session.saving();

    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kDesk);
    ImGui::Begin("##desk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    // Behind an OS dialog (or while a step is being saved) the browser is disabled, as Windows does
    // with the window a modal dialog belongs to.
    ImGui::BeginDisabled(dialog || saving);
    const float gap = narrow ? 0.0f : 8.0f;
    const Rect browser{vp->WorkPos.x + gap, vp->WorkPos.y + size::kMarkerBar + gap, vp->WorkSize.x - 2 * gap,
                       vp->WorkSize.y - size::kMarkerBar - taskbar_h - 2 * gap};
    draw_browser_window(ui, browser, narrow);
    ImGui::EndDisabled();
    // The taskbar is the simulator's own controls (PC, sample data, language): usable while an OS
    // dialog waits, so a person can look up a PIN or switch the language mid-step.
    draw_taskbar(ui, Rect{vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - taskbar_h, vp->WorkSize.x, taskbar_h});
    ImGui::End();

    // Over the browser: IE mode's banner, the user flow's download UI and acquisition app.
    ImGui::BeginDisabled(dialog || saving);
    draw_ie_banner(ui, browser, browser.y + browser_chrome_height(narrow));
    if (user != nullptr) draw_user_desk(ui, *user, browser, narrow);
    ImGui::EndDisabled();
    draw_panels(ui, taskbar_h);
    // One OS dialog at a time: the certificate manager opens only from the browser's ツール menu,
    // which an open dialog of the flow disables.
    // While a step is saved the session refuses the flows' commands: the dialog's buttons too are
    // disabled until the save is done.
    ImGui::BeginDisabled(saving);
    if (manager != nullptr) draw_certificate_manager(ui, *manager);
    else if (pickup != nullptr) draw_admin_pickup_dialog(ui, *pickup);
    else if (flow != nullptr && flow->dialog_open()) draw_admin_dialog(ui, *flow);
    else if (user != nullptr && user->dialog_open()) draw_user_dialog(ui, *user);
    ImGui::EndDisabled();
}

}  // namespace cp::ui
