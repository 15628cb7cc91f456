// certportal bank: the お客様カード. It carries the 11-digit 契約者ID and, on the back, the
// 確認用パスワード table: each kana symbol has a 2-digit number. At 管理者ログオン the bank asks
// for two random symbols (the seed's example: オ → 89, ウ → 45). The table changes only when
// the card is reissued (generation + 1). Sources: docs/domain.md, "Every other number".
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "bank/random.h"

namespace cp {

inline constexpr std::size_t kCardSymbolCount = 44;

// The symbols in card order: ア イ ウ エ オ カ … ワ (UTF-8).
const std::array<std::string_view, kCardSymbolCount>& card_symbols();
// Index of a symbol, or kCardSymbolCount when it is not on the card.
std::size_t card_symbol_index(std::string_view symbol);

struct CustomerCard {
    std::array<std::uint8_t, kCardSymbolCount> numbers{};  // 0..99 each
    std::uint32_t generation = 1;                          // 1 for the first card, +1 per reissue
    bool lost = false;                                     // reported lost: answers are refused
    bool operator==(const CustomerCard&) const = default;
};

CustomerCard make_customer_card(RandomSource& random, std::uint32_t generation);

// Two different symbols, as indexes.
struct CardChallenge {
    std::uint8_t first = 0;
    std::uint8_t second = 1;
    bool operator==(const CardChallenge&) const = default;
};
CardChallenge make_card_challenge(RandomSource& random);

// Both answers must be right; answers are 2-digit strings (validated by the caller).
bool card_answers_match(const CustomerCard& card, const CardChallenge& challenge, std::string_view first,
                        std::string_view second);

}  // namespace cp
