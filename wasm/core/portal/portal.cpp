#include "portal/portal.h"

namespace cp {

bool apply(PortalState& state, const Action& action) {
    switch (action.kind) {
        case ActionKind::SetLanguage:
            if (state.language == action.language) return false;
            state.language = action.language;
            return true;
        case ActionKind::DismissConfigProblems:
            if (state.config_problems.empty()) return false;
            state.config_problems.clear();
            return true;
        case ActionKind::DismissStorageNotice:
            if (state.storage_notice_dismissed) return false;
            state.storage_notice_dismissed = true;
            return true;
        case ActionKind::DismissPolicyNotice:
            if (state.policy_notice_dismissed) return false;
            state.policy_notice_dismissed = true;
            return true;
    }
    return false;
}

}  // namespace cp
