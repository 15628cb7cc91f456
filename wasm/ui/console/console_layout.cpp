// Where the demo console goes: beside the desk on a wide screen (the desk's work area shrinks),
// over it on a narrow one (the desk keeps the whole screen underneath).
#include "console/console.h"
#include "imgui.h"

namespace cp::ui {

void reserve_console_area(const DemoConsole& console) {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    // Reset every frame: ImGui recomputes the work area only at NewFrame.
    vp->WorkPos = vp->Pos;
    vp->WorkSize = vp->Size;
    if (console.open() && vp->Size.x >= kConsoleBesideMinWidth) vp->WorkSize.x -= kConsoleWidth;
}

}  // namespace cp::ui
