// What a screen reader hears (the accessibility mirror's live regions: text of kind error, assertive,
// and status, polite; web/lib/library_mirror.js announces every one shown when one appears or
// changes): a wrong PIN's whole message, which of the alike web access prompts is asking, and the
// progress of 電子証明書発行処理中 — on the real screens (ImGui's null backend).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mirror_tree.h"
#include "portal_driver.h"

namespace {

using cp::test::Driver;
using cp::ui::MirrorNode;
using cp::ui::MirrorRole;

std::vector<std::string> announced(MirrorRole role) {
    std::vector<std::string> names;
    for (const MirrorNode& n : cp::ui::build_mirror_tree(cp::ui::widget_registry_widgets(), cp::ui::widget_registry_texts(),
                                                         cp::ui::widget_registry_dialogs()))
        if (n.role == role) names.push_back(n.name);
    return names;
}

TEST(Announcements, AWrongPinAnnouncesTheWholeMessageTheTriesLeftToo) {
    Driver d;
    d.to_contract_pin();
    d.type_into("ご契約先暗証番号", "wrongpin1");
    ASSERT_TRUE(d.click("ログイン"));
    EXPECT_EQ(announced(MirrorRole::Error),
              (std::vector<std::string>{"ご契約先暗証番号に誤りがあります。", "あと5回誤るとサービスがロックされます。"}));
}

TEST(Announcements, EachWebAccessPromptSaysWhichItIsAndTheIssuingSaysWhatItDoes) {
    Driver d;
    d.page.load_preset(cp::Preset::AdminRenewalWindow);
    d.ui.settle(d.draw);
    d.to_menu();
    ASSERT_TRUE(d.click("証明書更新"));
    ASSERT_TRUE(d.click("更新"));
    EXPECT_EQ(announced(MirrorRole::Status), std::vector<std::string>{"確認 1/2：電子証明書の発行の前"});
    ASSERT_TRUE(d.click("はい"));
    // The second prompt looks like the first: its status says it is the second, so the はい
    // before is heard to have been taken.
    EXPECT_EQ(announced(MirrorRole::Status), std::vector<std::string>{"確認 2/2：電子証明書の発行の前"});
    ASSERT_TRUE(d.click("はい"));
    // 電子証明書発行処理中 while the PC protects the new key (its device key answers later).
    d.page.admin.device_key.set_deferred(true);
    ASSERT_TRUE(d.click("OK"));
    const std::vector<std::string> progress = announced(MirrorRole::Status);
    ASSERT_EQ(progress.size(), 1u);
    EXPECT_EQ(progress[0], "電子証明書発行処理中 2 / 4：秘密キーの保護（このパソコン）");
    d.page.admin.device_key.set_deferred(false);
    d.page.admin.device_key.run_pending();
    d.page.session.update();
    d.ui.settle(d.draw);
    // The install's confirmation says so (the finished progress stays on the page behind it).
    EXPECT_EQ(announced(MirrorRole::Status),
              (std::vector<std::string>{"電子証明書発行処理中 4 / 4：電子証明書の発行（認証局）", "確認：電子証明書のインストールの前"}));
}

}  // namespace
