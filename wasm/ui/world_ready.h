// certportal ui: whether a control that acts on the world can act now, and if not, why. One
// condition (Session::world_ready: the world is loaded or made and not being replaced) for every
// such control — the top page's entries, the browser's menus, the desk's panels — so that a click
// either takes effect or meets a control that is visibly disabled with its reason; never a click
// the session refuses in silence.
#pragma once

#include "screen.h"

namespace cp::ui {

bool world_ready(const Ui& ui);
// The disabled control's reason: 「シミュレーターを起動しています…」 before the first world,
// 「準備中…」 while a world is replaced (a scenario, an import).
const char* world_wait_reason(const Ui& ui);

}  // namespace cp::ui
