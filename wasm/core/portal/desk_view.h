// certportal portal: the simulated desk's pure view details (docs/architecture.md, "Where state
// lives"): what the sample-data panels show that neither the bank, a test nor a replay of
// commands needs. The desk is no flow, so the Session keeps the one DeskView; the panels
// (ui/desk/) write it, the core never reads it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace cp {

struct DeskView {
    // The token device: which of the token holders it shows (an index into the holders, in the
    // bank's order) and, per user, the 30 s step its 「1」 button woke the display for.
    int token_holder = 0;
    std::map<std::string, std::int64_t> token_woken_step;
    // お客様カード: reporting the card lost is being confirmed (the report takes a second click).
    bool confirming_card_lost = false;
};

}  // namespace cp
