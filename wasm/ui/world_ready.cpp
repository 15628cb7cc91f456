#include "world_ready.h"

namespace cp::ui {

bool world_ready(const Ui& ui) { return ui.session.world_ready(); }

const char* world_wait_reason(const Ui& ui) {
    return ui.t(ui.session.bank_view() ? TextId::SimReplacing : TextId::SimStarting);
}

}  // namespace cp::ui
