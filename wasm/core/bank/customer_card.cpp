#include "bank/customer_card.h"

namespace cp {

const std::array<std::string_view, kCardSymbolCount>& card_symbols() {
    static const std::array<std::string_view, kCardSymbolCount> symbols = {
        "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ",
        "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
        "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ"};
    return symbols;
}

std::size_t card_symbol_index(std::string_view symbol) {
    const auto& s = card_symbols();
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == symbol) return i;
    return kCardSymbolCount;
}

CustomerCard make_customer_card(RandomSource& random, std::uint32_t generation) {
    CustomerCard card;
    card.generation = generation;
    for (auto& n : card.numbers) n = static_cast<std::uint8_t>(random.uniform(100));
    return card;
}

CardChallenge make_card_challenge(RandomSource& random) {
    CardChallenge c;
    c.first = static_cast<std::uint8_t>(random.uniform(kCardSymbolCount));
    c.second = static_cast<std::uint8_t>(random.uniform(kCardSymbolCount - 1));
    if (c.second >= c.first) ++c.second;  // distinct, still uniform
    return c;
}

namespace {
bool answer_is(std::uint8_t expected, std::string_view answer) {
    if (answer.size() != 2 || answer[0] < '0' || answer[0] > '9' || answer[1] < '0' || answer[1] > '9') return false;
    const int v = (answer[0] - '0') * 10 + (answer[1] - '0');
    return v == expected;
}
}  // namespace

bool card_answers_match(const CustomerCard& card, const CardChallenge& challenge, std::string_view first,
                        std::string_view second) {
    if (challenge.first >= kCardSymbolCount || challenge.second >= kCardSymbolCount) return false;
    // Evaluate both so the time does not tell which one was wrong.
    const bool a = answer_is(card.numbers[challenge.first], first);
    const bool b = answer_is(card.numbers[challenge.second], second);
    return a && b;
}

}  // namespace cp
