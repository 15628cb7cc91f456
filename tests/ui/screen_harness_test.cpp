// The harness and the registry's item flags, on plain ImGui widgets (no screen has a text field or
// a checkbox yet).
#include <gtest/gtest.h>

#include <string>

#include "imgui.h"
#include "screen_harness.h"

namespace {

using cp::test::ScreenHarness;
using cp::test::WidgetInfo;

struct Form {
    char name[64] = "";
    bool agree = false;
    bool open = false;
    int submitted = 0;
    std::function<void()> draw = [this] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("Form", nullptr, ImGuiWindowFlags_NoSavedSettings);
        ImGui::InputText("氏名##name", name, sizeof(name));
        ImGui::Checkbox("同意する", &agree);
        open = ImGui::TreeNodeEx("詳細", ImGuiTreeNodeFlags_NoTreePushOnOpen);
        if (ImGui::Button("送信")) ++submitted;
        ImGui::End();
    };
};

TEST(ScreenHarness, RegistryReportsItemFlags) {
    ScreenHarness ui(800, 600);
    Form form;
    ui.settle(form.draw);
    const WidgetInfo* name = ui.find("氏名");
    ASSERT_NE(name, nullptr) << "the label is shown without its ##id; widgets: " << ui.labels();
    EXPECT_TRUE(name->inputable);
    const WidgetInfo* agree = ui.find("同意する");
    ASSERT_NE(agree, nullptr);
    EXPECT_TRUE(agree->checkable);
    EXPECT_FALSE(agree->checked);
    const WidgetInfo* details = ui.find("詳細");
    ASSERT_NE(details, nullptr);
    EXPECT_TRUE(details->openable);
    EXPECT_FALSE(details->opened);
    EXPECT_FALSE(ui.find("送信")->checkable);

    ASSERT_TRUE(ui.click("同意する", form.draw));
    EXPECT_TRUE(form.agree);
    EXPECT_TRUE(ui.find("同意する")->checked);
    ASSERT_TRUE(ui.click("詳細", form.draw));
    EXPECT_TRUE(ui.find("詳細")->opened);
}

TEST(ScreenHarness, TypesIntoTheFocusedField) {
    ScreenHarness ui(800, 600);
    Form form;
    ui.settle(form.draw);
    ASSERT_TRUE(ui.click("氏名", form.draw));
    ui.type("山田 太郎", form.draw);
    EXPECT_EQ(std::string(form.name), "山田 太郎");
    ui.press(ImGuiKey_Backspace, form.draw);
    EXPECT_EQ(std::string(form.name), "山田 太");
}

TEST(ScreenHarness, KeyboardNavigationReachesTheButton) {
    ScreenHarness ui(800, 600);
    Form form;
    ui.settle(form.draw);
    // Tab: 氏名 → 同意する → 詳細 → 送信; Space presses the focused button.
    for (int i = 0; i < 4; ++i) ui.press(ImGuiKey_Tab, form.draw);
    ui.press(ImGuiKey_Space, form.draw);
    EXPECT_EQ(form.submitted, 1);
    EXPECT_FALSE(form.agree) << "Space landed on the checkbox";
}

TEST(ScreenHarness, ResizeChangesTheViewport) {
    ScreenHarness ui(800, 600);
    ui.resize(390, 844);
    ui.settle([] {});
    EXPECT_EQ(ImGui::GetMainViewport()->Size.x, 390.0f);
    EXPECT_EQ(ImGui::GetMainViewport()->Size.y, 844.0f);
}

}  // namespace
