// certportal core: the portal's top-level state and the actions screens emit.
//
// Screens (wasm/ui) are functions of a const PortalState that return Actions; only apply()
// changes the state. This keeps every transition testable without ImGui or a browser.
#pragma once

#include <vector>

#include "config/brand.h"
#include "text/catalogue.h"

namespace cp {

enum class Screen : unsigned char {
    Top,  // the service's top page (ログイン入口)
};

struct PortalState {
    Language language = Language::Japanese;
    Screen screen = Screen::Top;
    BrandConfig brand = default_brand();
    std::vector<std::string> config_problems;  // shown to the person, not only logged
};

enum class ActionKind : unsigned char {
    SetLanguage,
    DismissConfigProblems,
};

struct Action {
    ActionKind kind;
    Language language = Language::Japanese;  // SetLanguage

    static Action set_language(Language l) { return {ActionKind::SetLanguage, l}; }
    static Action dismiss_config_problems() { return {ActionKind::DismissConfigProblems}; }
};

// Applies one action; returns true when the state changed (the UI then redraws).
bool apply(PortalState& state, const Action& action);

}  // namespace cp
