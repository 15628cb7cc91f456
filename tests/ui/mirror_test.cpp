// The accessibility mirror's tree and diff (wasm/ui/accessibility) on the real screens: what a
// screen reader would be given for the top page, an OS dialog, a password field and the users' grid.
#include <gtest/gtest.h>

#include <string>

#include "mirror_diff.h"
#include "mirror_tree.h"
#include "portal_driver.h"

namespace {

using cp::ui::MirrorNode;
using cp::ui::MirrorRole;

MirrorNode leaf(std::uint32_t key, MirrorRole role, std::string name, float x = 0, float y = 0, float w = 0, float h = 0) {
    MirrorNode n;
    n.key = key;
    n.parent = cp::ui::kMirrorPageKey;
    n.role = role;
    n.name = std::move(name);
    n.x = x;
    n.y = y;
    n.w = w;
    n.h = h;
    return n;
}

std::vector<MirrorNode> tree() {
    return cp::ui::build_mirror_tree(cp::ui::widget_registry_widgets(), cp::ui::widget_registry_texts(),
                                     cp::ui::widget_registry_dialogs());
}

const MirrorNode* node(const std::vector<MirrorNode>& nodes, MirrorRole role, std::string_view name) {
    for (const MirrorNode& n : nodes)
        if (n.role == role && n.name == name) return &n;
    return nullptr;
}

const MirrorNode* by_key(const std::vector<MirrorNode>& nodes, std::uint32_t key) {
    for (const MirrorNode& n : nodes)
        if (n.key == key) return &n;
    return nullptr;
}

TEST(Mirror, TopPageButtonsTextAndDisabledReasonInDrawingOrder) {
    cp::test::Driver d;
    std::vector<MirrorNode> nodes = tree();
    ASSERT_FALSE(nodes.empty());
    EXPECT_EQ(nodes[0].role, MirrorRole::Page);
    // The top page: 利用者ログイン and 管理者ログイン, ordinary buttons of the page.
    for (const char* label : {"利用者ログイン", "管理者ログイン"}) {
        const MirrorNode* b = node(nodes, MirrorRole::Button, label);
        ASSERT_NE(b, nullptr) << label;
        EXPECT_EQ(b->parent, cp::ui::kMirrorPageKey) << label;
        EXPECT_GT(b->w, 40.0f) << label;
        EXPECT_FALSE(b->disabled) << label;
    }
    // 利用者ログイン's page: its heading, then 電子証明書取得, disabled on the administrator's PC
    // with its tooltip saying why, and 電子証明書方式 利用者ログイン.
    ASSERT_TRUE(d.click("利用者ログイン"));
    nodes = tree();
    const MirrorNode* pickup = node(nodes, MirrorRole::Button, "電子証明書取得");
    ASSERT_NE(pickup, nullptr);
    EXPECT_TRUE(pickup->disabled);
    EXPECT_FALSE(pickup->description.empty());
    const MirrorNode* login = node(nodes, MirrorRole::Button, "電子証明書方式 利用者ログイン");
    ASSERT_NE(login, nullptr);
    EXPECT_EQ(login->parent, cp::ui::kMirrorPageKey);
    // Drawing order: the heading text above the buttons comes before them.
    std::size_t text_at = 0, pickup_at = 0, login_at = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].role == MirrorRole::Text && nodes[i].name == "利用者ログイン") text_at = i;
        if (&nodes[i] == pickup) pickup_at = i;
        if (&nodes[i] == login) login_at = i;
    }
    EXPECT_GT(text_at, 0u);
    EXPECT_LT(text_at, pickup_at);
    EXPECT_LT(pickup_at, login_at) << "the seed's order: 電子証明書取得, then 電子証明書方式 利用者ログイン";
    // Windows are not widgets.
    for (const MirrorNode& n : nodes) EXPECT_EQ(n.name.find("##"), std::string::npos) << n.name;
}

TEST(Mirror, OsDialogHoldsItsButtonsAndIsModal) {
    cp::test::Driver d;
    ASSERT_TRUE(d.click("管理者ログイン"));
    ASSERT_TRUE(d.click("電子証明書方式 管理者ログイン"));
    const std::vector<MirrorNode> nodes = tree();
    const MirrorNode* dialog = node(nodes, MirrorRole::Dialog, "証明書の選択");
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->parent, 0u);  // beside the page, so the page can be made inert
    const MirrorNode* ok = node(nodes, MirrorRole::Button, "OK");
    ASSERT_NE(ok, nullptr);
    EXPECT_EQ(ok->parent, dialog->key);
    const MirrorNode* top = node(nodes, MirrorRole::Button, "電子証明書方式 管理者ログイン");
    ASSERT_NE(top, nullptr);
    EXPECT_EQ(top->parent, cp::ui::kMirrorPageKey);
}

TEST(Mirror, PasswordFieldNeverCarriesItsValue) {
    cp::test::Driver d;
    d.to_contract_pin();
    d.type_into("ご契約先暗証番号", "shinkin01");
    const std::vector<MirrorNode> nodes = tree();
    const MirrorNode* pin = node(nodes, MirrorRole::Password, "ご契約先暗証番号");
    ASSERT_NE(pin, nullptr);
    EXPECT_TRUE(pin->value.empty());
    cp::ui::MirrorDiff diff;
    EXPECT_EQ(diff.update(nodes).find("shinkin01"), std::string::npos);
    // The software keyboard's switch is a checkbox.
    EXPECT_NE(node(nodes, MirrorRole::Checkbox, "ソフトウェアキーボード入力"), nullptr);
}

TEST(Mirror, MenuSectionsSayWhetherTheyAreOpen) {
    cp::test::Driver d;
    d.to_menu();
    const std::vector<MirrorNode> nodes = tree();
    int expanders = 0;
    for (const MirrorNode& n : nodes) {
        if (!n.expandable) continue;
        ++expanders;
        EXPECT_EQ(n.role, MirrorRole::Button) << n.name;
        EXPECT_EQ(n.expanded, n.name.rfind("▼", 0) == 0) << n.name;  // ▼ open, ▶ closed
    }
    EXPECT_GE(expanders, 2);
    cp::ui::MirrorDiff diff;
    EXPECT_NE(diff.update(nodes).find("\"f\":12"), std::string::npos);  // expandable + expanded
}

// A tab needs a tablist (axe: aria-required-parent, critical): the menu's tabs, drawn one after
// the other, share one. A drop-down menu's entry is a button, not the checkbox ImGui's flags say.
TEST(Mirror, TabsShareATablistAndMenuEntriesAreButtons) {
    cp::test::Driver d;
    d.to_menu();
    std::vector<MirrorNode> nodes = tree();
    int tabs = 0;
    std::uint32_t tablist = 0;
    for (const MirrorNode& n : nodes) {
        if (n.role != MirrorRole::Tab) continue;
        ++tabs;
        const MirrorNode* parent = by_key(nodes, n.parent);
        ASSERT_NE(parent, nullptr) << n.name;
        EXPECT_EQ(parent->role, MirrorRole::TabList) << n.name;
        if (tablist == 0) tablist = n.parent;
        EXPECT_EQ(n.parent, tablist) << n.name << ": one tablist for the menu's tabs";
    }
    EXPECT_GE(tabs, 3);
    ASSERT_TRUE(d.click("ツール"));
    nodes = tree();
    EXPECT_NE(node(nodes, MirrorRole::Button, "インターネットオプション(O)"), nullptr);
    EXPECT_EQ(node(nodes, MirrorRole::Checkbox, "インターネットオプション(O)"), nullptr);
}

TEST(Mirror, UserGridIsATableWithHeadersRowsAndRadios) {
    cp::test::Driver d;
    d.to_menu();
    ASSERT_TRUE(d.click("ご契約先管理情報変更"));
    ASSERT_TRUE(d.click("利用者情報登録／変更 >"));
    const std::vector<MirrorNode> nodes = tree();
    const MirrorNode* radio = node(nodes, MirrorRole::Radio, "S0001");
    ASSERT_NE(radio, nullptr);
    EXPECT_TRUE(radio->checked);
    const MirrorNode* cell = by_key(nodes, radio->parent);
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(cell->role, MirrorRole::Cell);
    const MirrorNode* row = by_key(nodes, cell->parent);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->role, MirrorRole::Row);
    EXPECT_GT(row->row_index, 1);  // the headers row is row 1
    const MirrorNode* table = by_key(nodes, row->parent);
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->role, MirrorRole::Table);
    int headers = 0;
    for (const MirrorNode& n : nodes) {
        const MirrorNode* parent_row = n.role == MirrorRole::ColumnHeader ? by_key(nodes, n.parent) : nullptr;
        if (parent_row != nullptr && parent_row->parent == table->key) ++headers;
    }
    EXPECT_GE(headers, 3);
    // S0002's radio is in another row of the same table.
    const MirrorNode* other = node(nodes, MirrorRole::Radio, "S0002");
    ASSERT_NE(other, nullptr);
    EXPECT_FALSE(other->checked);
    const MirrorNode* other_cell = by_key(nodes, other->parent);
    ASSERT_NE(other_cell, nullptr);
    EXPECT_NE(other_cell->parent, row->key);
}

TEST(MirrorDiff, SendsEverythingOnceThenOnlyWhatChanged) {
    std::vector<MirrorNode> nodes(3);
    nodes[0].key = cp::ui::kMirrorPageKey;
    nodes[0].role = MirrorRole::Page;
    nodes[1] = leaf(10, MirrorRole::Button, "OK", 1, 2, 30, 20);
    nodes[2] = leaf(11, MirrorRole::Text, "説明");
    cp::ui::MirrorDiff diff;
    const std::string first = diff.update(nodes);
    EXPECT_NE(first.find("\"tree\":[[1,0],[10,1],[11,1]]"), std::string::npos) << first;
    EXPECT_NE(first.find("\"n\":\"OK\""), std::string::npos) << first;
    EXPECT_EQ(diff.update(nodes), "");  // the same frame again: no call into the page at all

    nodes[1].disabled = true;
    const std::string changed = diff.update(nodes);
    EXPECT_EQ(changed.find("\"tree\""), std::string::npos) << changed;     // nothing moved
    EXPECT_EQ(changed.find("\"k\":11"), std::string::npos) << changed;     // the text did not change
    EXPECT_NE(changed.find("{\"k\":10,\"p\":1,\"r\":\"button\",\"n\":\"OK\",\"x\":1.0,\"y\":2.0,\"w\":30.0,\"h\":20.0,\"f\":1}"),
              std::string::npos) << changed;

    nodes.pop_back();
    const std::string removed = diff.update(nodes);
    EXPECT_NE(removed.find("\"tree\":[[1,0],[10,1]]"), std::string::npos) << removed;
    EXPECT_NE(removed.find("\"del\":[11]"), std::string::npos) << removed;
    EXPECT_NE(removed.find("\"set\":[]"), std::string::npos) << removed;

    diff.reset();
    EXPECT_NE(diff.update(nodes).find("\"n\":\"OK\""), std::string::npos);  // everything again
}

TEST(MirrorDiff, EscapesNamesAsJson) {
    std::vector<MirrorNode> nodes(1);
    nodes[0] = leaf(5, MirrorRole::Text, "「\"quoted\"」\\\n");
    cp::ui::MirrorDiff diff;
    const std::string patch = diff.update(nodes);
    EXPECT_NE(patch.find("\"n\":\"「\\\"quoted\\\"」\\\\\\u000a\""), std::string::npos) << patch;
}

}  // namespace
