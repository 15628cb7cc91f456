// Bank profiles (config/profile.h): the example profiles load clean, a profile's copy deck changes
// the texts the screens read, its policy makes a new world's rules (never the running world's),
// and every mistake of a malformed profile is listed with its place while defaults stay.
#include "config/policy.h"
#include "config/profile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "session_fixture.h"

namespace {

std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(CERTPORTAL_SOURCE_DIR) + "/" + relative, std::ios::binary);
    EXPECT_TRUE(in.good()) << relative;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

cp::ProfileParseResult example(const std::string& name) {
    return cp::parse_profile_json(read_source_file("web/profiles/" + name + ".json"), "profiles/" + name + ".json");
}

// The copy deck text() consults is the process's: each test that sets one puts the empty one back.
struct DeckInUse {
    explicit DeckInUse(cp::CopyDeck deck) { cp::use_copy_deck(std::move(deck)); }
    ~DeckInUse() { cp::use_copy_deck(cp::CopyDeck{}); }
    DeckInUse(const DeckInUse&) = delete;
    DeckInUse& operator=(const DeckInUse&) = delete;
};

bool has_problem(const std::vector<std::string>& problems, const std::string& part) {
    for (const std::string& p : problems)
        if (p.find(part) != std::string::npos) return true;
    return false;
}

std::string all(const std::vector<std::string>& problems) {
    std::string out;
    for (const std::string& p : problems) out += p + "\n";
    return out;
}

TEST(Profile, ExampleProfilesLoadWithoutMistakes) {
    for (const char* name : {"mirai-shinkin", "plain-ja"}) {
        SCOPED_TRACE(name);
        const cp::ProfileParseResult r = example(name);
        EXPECT_TRUE(r.problems.empty()) << all(r.problems);
    }
    const cp::ProfileParseResult brand = cp::parse_profile_json(read_source_file("web/brand.json"));
    EXPECT_TRUE(brand.problems.empty()) << all(brand.problems);
}

TEST(Profile, TheExampleBankHasItsOwnNamesWindowsAndCounts) {
    const cp::ProfileParseResult r = example("mirai-shinkin");
    EXPECT_EQ(r.profile.brand.bank_name.ja, "みらい信用金庫");
    EXPECT_EQ(r.profile.policy.pickup_window_days, 90u);
    EXPECT_EQ(r.profile.policy.first_reminder_days, 40u);
    EXPECT_EQ(r.profile.policy.renewal_window_days, 40u);
    EXPECT_EQ(r.profile.policy.contract_lockout_count, 5u);
    EXPECT_EQ(r.profile.policy.user_lockout_count, 5u);
    // What a new world would change, against the seeds' rules.
    const std::vector<cp::PolicyDifference> d = cp::policy_differences(cp::BankConfig{}, r.profile.policy);
    ASSERT_FALSE(d.empty());
    bool pickup = false;
    for (const cp::PolicyDifference& x : d)
        pickup |= std::string(x.field->key) == "pickup_window_days" && x.world == 80 && x.profile == 90;
    EXPECT_TRUE(pickup);
}

TEST(Profile, ACopyDeckChangesTheTextsTheScreensRead) {
    const cp::ProfileParseResult r = example("plain-ja");
    ASSERT_TRUE(r.problems.empty()) << all(r.problems);
    const std::string seed_ja = cp::text(cp::TextId::TopCertAdminLogin, cp::Language::Japanese);
    const std::string seed_hint = cp::text(cp::TextId::TopCertAdminLoginHint, cp::Language::English);
    EXPECT_EQ(seed_ja, "電子証明書方式 管理者ログイン");
    {
        DeckInUse deck(r.profile.copy);
        EXPECT_EQ(std::string(cp::text(cp::TextId::TopCertAdminLogin, cp::Language::Japanese)),
                  "管理者の ログイン（電子証明書方式 管理者ログイン）");
        EXPECT_EQ(std::string(cp::text(cp::TextId::TopCertAdminLogin, cp::Language::English)),
                  "Administrator: log in with your certificate");
        // A language the deck is silent in keeps the catalogue's words; so does any other text.
        EXPECT_EQ(std::string(cp::text(cp::TextId::TopCertAdminLoginHint, cp::Language::English)), seed_hint);
        EXPECT_STREQ(cp::text(cp::TextId::TopManual, cp::Language::Japanese), "ご契約先向け簡易マニュアル");
        // The catalogue's own words stay reachable (the deck's checks compare with them).
        EXPECT_EQ(std::string(cp::catalogue_text(cp::TextId::TopCertAdminLogin, cp::Language::Japanese)), seed_ja);
    }
    EXPECT_EQ(std::string(cp::text(cp::TextId::TopCertAdminLogin, cp::Language::Japanese)), seed_ja);
}

// Every kind of mistake, each listed with the file, line and column and the key's path; what the
// file got right is taken, the rest keeps its default.
TEST(Profile, EveryMistakeIsListedWithItsPlaceAndDefaultsStay) {
    const std::string limit_breaker(cp::copy_limit(cp::TextId::TopUserLogin, cp::Language::Japanese) + 1, 'a');
    const std::string file =
        "{\n"                                                                    // line 1
        "  \"bank_name_ja\": 5,\n"                                               // 2: not a string
        "  \"colour\": \"red\",\n"                                               // 3: unknown key
        "  \"service_name_ja\": \"ひかり信金ダイレクト\",\n"                     // 4: taken
        "  \"policy\": {\n"                                                      // 5
        "    \"pickup_window_days\": \"90\",\n"                                  // 6: not a number
        "    \"contract_lockout_count\": 0,\n"                                   // 7: out of range
        "    \"user_lockout_count\": 4,\n"                                       // 8: taken
        "    \"tls_version\": 13,\n"                                             // 9: not a policy field (yet)
        "    \"renewal_window_days\": 1.5\n"                                     // 10: not whole
        "  },\n"                                                                 // 11
        "  \"copy\": {\n"                                                        // 12
        "    \"ja\": {\n"                                                        // 13
        "      \"NoSuchText\": \"x\",\n"                                         // 14: no such id
        "      \"TopUserLogin\": \"" + limit_breaker + "\",\n"                   // 15: over the limit
        "      \"ConsoleRunning\": \"実行中\",\n"                                // 16: lost its %s
        "      \"TopAdminLogin\": \"\",\n"                                       // 17: empty
        "      \"TopCertAcquire\": \"取得##x\",\n"                               // 18: ##
        "      \"TopManual\": [\"a\"],\n"                                        // 19: not a string
        "      \"TopFaq\": \"よくある しつもん\"\n"                              // 20: taken
        "    },\n"                                                               // 21
        "    \"fr\": {}\n"                                                       // 22: unknown language
        "  }\n"
        "}\n";
    const cp::ProfileParseResult r = cp::parse_profile_json(file, "profiles/broken.json");
    const std::string listed = all(r.problems);
    EXPECT_EQ(r.problems.size(), 13u) << listed;
    EXPECT_TRUE(has_problem(r.problems, "profiles/broken.json line 2, column 19: \"bank_name_ja\": must be a string, not a number")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 3, column 3: \"colour\": unknown key")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 6, column 27: \"policy.pickup_window_days\": must be a whole number of days from 1 to 180 (not \"90\"); default 80 kept")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 7, column 31: \"policy.contract_lockout_count\": must be a whole number of tries from 1 to 20 (not 0); default 6 kept")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 9, column 5: \"policy.tls_version\": unknown policy field")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 10, column 28: \"policy.renewal_window_days\": must be a whole number")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 14, column 7: \"copy.ja.NoSuchText\": no catalogue text has this id")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 15, column 23: \"copy.ja.TopUserLogin\": at most 30 characters (this text has 31)")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 16, column 25: \"copy.ja.ConsoleRunning\": must keep the catalogue's placeholders in their order (%s)")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 17, column 24: \"copy.ja.TopAdminLogin\": must not be empty")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 18, column 25: \"copy.ja.TopCertAcquire\": \"##\" is not allowed")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 19, column 20: \"copy.ja.TopManual\": must be a string, not an array")) << listed;
    EXPECT_TRUE(has_problem(r.problems, "line 22, column 5: \"copy.fr\": unknown language")) << listed;

    const cp::BankConfig seeds;
    EXPECT_EQ(r.profile.brand.bank_name.ja, cp::default_brand().bank_name.ja);
    EXPECT_EQ(r.profile.brand.service_name.ja, "ひかり信金ダイレクト");
    EXPECT_EQ(r.profile.policy.pickup_window_days, seeds.pickup_window_days);
    EXPECT_EQ(r.profile.policy.contract_lockout_count, seeds.contract_lockout_count);
    EXPECT_EQ(r.profile.policy.renewal_window_days, seeds.renewal_window_days);
    EXPECT_EQ(r.profile.policy.user_lockout_count, 4u);
    EXPECT_EQ(r.profile.copy.size(), 1u);  // TopFaq only
    ASSERT_NE(r.profile.copy.find(cp::TextId::TopFaq, cp::Language::Japanese), nullptr);
    EXPECT_EQ(r.profile.copy.find(cp::TextId::TopUserLogin, cp::Language::Japanese), nullptr);
}

TEST(Profile, APolicyBreakingARelationKeepsBothDefaults) {
    const cp::ProfileParseResult r = cp::parse_profile_json(
        R"({"policy": {"first_reminder_days": 10, "second_reminder_days": 20, "pickup_window_days": 120}})", "p.json");
    ASSERT_EQ(r.problems.size(), 1u) << all(r.problems);
    EXPECT_NE(r.problems[0].find("p.json line 1, column 12: \"policy\": second_reminder_days (20) must not be more than first_reminder_days (10); both defaults kept"),
              std::string::npos)
        << r.problems[0];
    EXPECT_EQ(r.profile.policy.first_reminder_days, cp::BankConfig{}.first_reminder_days);
    EXPECT_EQ(r.profile.policy.second_reminder_days, cp::BankConfig{}.second_reminder_days);
    EXPECT_EQ(r.profile.policy.pickup_window_days, 120u);
}

TEST(Profile, AFileThatIsNotUtf8IsListedWithItsPlaceAndEverythingStaysDefault) {
    // 「管理者」 in Shift_JIS inside a copy deck's text, on line 3.
    const std::string file = std::string("{\"policy\": {\"contract_lockout_count\": 5},\n \"copy\": {\"ja\": {\n  \"TopAdminLogin\": \"") +
                             "\x8A\xC7\x97\x9D\x8E\xD2" + "\"}}}";
    const cp::ProfileParseResult r = cp::parse_profile_json(file, "profiles/sjis.json");
    ASSERT_EQ(r.problems.size(), 1u) << all(r.problems);
    EXPECT_NE(r.problems[0].find("profiles/sjis.json line 3, column 21: invalid UTF-8"), std::string::npos) << r.problems[0];
    EXPECT_NE(r.problems[0].find("the default brand, policy and texts are used"), std::string::npos) << r.problems[0];
    EXPECT_EQ(r.profile.policy.contract_lockout_count, cp::BankConfig{}.contract_lockout_count);
    EXPECT_EQ(r.profile.copy.size(), 0u);
}

// The policy is the world's: a profile's makes the next world, the running one keeps its rules
// (its failures already counted against its own lockout count), and the session says they differ.
TEST(Profile, APolicyMakesTheNextWorldAndTheBankFollowsIt) {
    const cp::ProfileParseResult r = example("mirai-shinkin");
    ASSERT_TRUE(r.problems.empty()) << all(r.problems);
    cp::test::BrowserProfile browser;
    cp::test::PageLoad page(browser);
    cp::Simulation& sim = *page.session.simulation();
    EXPECT_TRUE(page.session.policy_differences().empty());
    sim.set_new_world_config(cp::with_policy(sim.new_world_config(), r.profile.policy));
    EXPECT_EQ(sim.new_world_config().pin_hash_iterations, cp::test::fast_config().pin_hash_iterations);  // not the policy's

    // The running world is not changed: it still locks after the seeds' 6 tries, and says so.
    EXPECT_EQ(page.bank().state().config.contract_lockout_count, 6u);
    EXPECT_FALSE(page.session.policy_differences().empty());

    cp::FlowResult reset = cp::FlowResult::WrongStep;
    page.session.reset(cp::Preset::UserPickupPending, [&](cp::FlowResult x) { reset = x; });
    ASSERT_EQ(reset, cp::FlowResult::Ok);
    EXPECT_TRUE(page.session.policy_differences().empty());
    cp::Bank& bank = page.bank();
    EXPECT_EQ(bank.state().config.pickup_window_days, 90u);
    // S0001's certificate, reissued now, can be picked up for 90 days.
    const cp::User* s0001 = bank.find_user("S0001");
    ASSERT_NE(s0001, nullptr);
    EXPECT_EQ(s0001->certificate.pickup_deadline - s0001->certificate.registered_at, 90 * 86400);
    // Five wrong contract PINs lock the contract (the seeds' rule takes six).
    for (int i = 1; i < 5; ++i) EXPECT_EQ(bank.check_contract_pin("wrongpin1"), cp::BankResult::WrongContractPin) << i;
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), cp::BankResult::ContractLocked);
    EXPECT_TRUE(bank.state().contract.locked);
}

}  // namespace
