#include "bank/clock.h"

#include <gtest/gtest.h>

namespace {

TEST(Clock, JstConversionRoundTrips) {
    const cp::SimTime t = cp::from_jst({2023, 10, 2, 9, 30, 15});
    EXPECT_EQ(t, 1696206615);  // 2023-10-02T00:30:15Z
    const cp::JstTime j = cp::to_jst(t);
    EXPECT_EQ(j.year, 2023);
    EXPECT_EQ(j.month, 10);
    EXPECT_EQ(j.day, 2);
    EXPECT_EQ(j.hour, 9);
    EXPECT_EQ(j.minute, 30);
    EXPECT_EQ(j.second, 15);
}

TEST(Clock, JstDayChangesAtMidnightJapanTime) {
    const cp::SimTime before = cp::from_jst({2024, 2, 29, 23, 59, 59});
    EXPECT_EQ(cp::jst_day_number(before) + 1, cp::jst_day_number(before + 1));
    EXPECT_EQ(cp::to_jst(before + 1).month, 3);  // leap day handled
}

TEST(Clock, AdvancesOnlyForward) {
    cp::SimClock clock(1000);
    EXPECT_TRUE(clock.advance(cp::days(14)));
    EXPECT_EQ(clock.now(), 1000 + 14 * 86400);
    EXPECT_FALSE(clock.advance(-1));
    EXPECT_EQ(clock.now(), 1000 + 14 * 86400);
}

}  // namespace

// 有効期限は1年 counts on the JST calendar: the same date and time a year on, 366 days across 29
// February, and 29 February itself to 28 February. Early on a JST morning the UTC date is the day
// before: the year is still added to the Japanese date.
TEST(Clock, AYearLaterIsTheSameJstDateAndTime) {
    const auto jst = [](int y, int m, int d, int h) { return cp::from_jst({y, m, d, h, 0, 0}); };
    EXPECT_EQ(cp::add_jst_years(jst(2022, 10, 2, 9), 1), jst(2023, 10, 2, 9));  // the seed's S0001
    EXPECT_EQ(cp::add_jst_years(jst(2023, 9, 1, 10), 1), jst(2024, 9, 1, 10));
    EXPECT_EQ(jst(2024, 9, 1, 10) - jst(2023, 9, 1, 10), cp::days(366)) << "2024 is a leap year";
    EXPECT_EQ(cp::add_jst_years(jst(2024, 2, 29, 10), 1), jst(2025, 2, 28, 10));
    EXPECT_EQ(cp::add_jst_years(jst(2024, 2, 29, 8), 1), jst(2025, 2, 28, 8)) << "08:00 JST is the 28th in UTC";
    EXPECT_EQ(cp::add_jst_years(jst(2024, 9, 1, 10), -1), jst(2023, 9, 1, 10));
}
