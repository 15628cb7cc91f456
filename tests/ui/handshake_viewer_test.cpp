// The TLS handshake viewer (wasm/ui/tls/), as a person uses it: the open button (disabled before a
// certificate login), the rows of a real handshake (tests/core/tls/tls_test_util.h) opened by a
// click, the failing check marked, the downloads, and a phone's width.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "console/console.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "mirror_tree.h"
#include "portal_driver.h"
#include "theme.h"
#include "tls/handshake_viewer.h"
#include "tls/pcapng.h"
#include "tls_test_util.h"

namespace {

using cp::test::Driver;
namespace tls = cp::tls;

// The login's result with its button (a window of its own, as a page's), and the viewer over the
// desk, for a capture the test made; the bundle draws the same two functions with the session's.
struct ViewerDriver : Driver {
    ViewerDriver(tls::Version version, tls::test::LoginEnd end, float width = 1280, float height = 1200)
        : Driver(width, height), capture(tls::test::capture_for(version, end)) {
        console = &demo;
        draw = [this] {
            cp::ui::draw_portal(state, page.session, out, console);
            const cp::ui::Ui u{state, page.session, out, console};
            ImGui::SetNextWindowPos(ImVec2(0, 60));
            ImGui::Begin("##login_result", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
            cp::ui::handshake_viewer_button(u, &capture);
            ImGui::End();
            cp::ui::draw_handshake_viewer(u, &capture);
        };
        ui.settle(draw);
    }
    tls::Capture capture;
    cp::DemoConsole demo;
    std::optional<cp::test::WidgetInfo> row(const std::string& start) const {
        for (const auto& w : ui.widgets())
            if (w.openable && w.label.rfind(start, 0) == 0) return w;
        return std::nullopt;
    }
    // A person scrolls the viewer until the row is wholly in view (the registry reports a row the
    // window clips with the part still visible: none at all when it is out of view).
    bool on_screen(const std::string& start) const {
        const std::optional<cp::test::WidgetInfo> w = row(start);
        return w && w->max.y - w->min.y >= 30.0f;
    }
    bool reach(const std::string& start) {
        const ImVec2 over(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
        for (int i = 0; i < 30 && !on_screen(start); ++i) {
            const std::optional<cp::test::WidgetInfo> w = row(start);
            ui.scroll(over, w && w->min.y < ImGui::GetIO().DisplaySize.y * 0.5f ? 1.0f : -1.0f, draw);
        }
        return on_screen(start);
    }
    void scroll_down() {
        const ImVec2 over(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
        for (int i = 0; i < 10; ++i) ui.scroll(over, -3.0f, draw);
    }
    bool click_row(const std::string& start) {
        if (!reach(start)) return false;
        const std::optional<cp::test::WidgetInfo> w = row(start);
        out.clear();
        const bool ok = ui.click_at(ImVec2((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f), draw);
        apply();
        ui.settle(draw);
        return ok;
    }
};

TEST(HandshakeViewer, TheConsolesButtonIsDisabledUntilACertificateLogin) {
    Driver d(1400, 2400);
    cp::DemoConsole demo;
    d.console = &demo;
    d.ui.settle(d.draw);
    ASSERT_TRUE(d.click("デモコンソールを開く"));
    const auto* open = d.ui.find("TLS ハンドシェイクを見る");
    ASSERT_NE(open, nullptr) << d.ui.labels();
    EXPECT_TRUE(open->disabled);
    EXPECT_EQ(open->description, "電子証明書方式のログインがまだ行われていません。ログインすると、そのハンドシェイクを見られます。");
}

TEST(HandshakeViewer, AnExpiredCertificatesRowsOpenAndTheFailingCheckIsMarked) {
    ViewerDriver d(tls::Version::Tls13, tls::test::LoginEnd::Expired);
    ASSERT_TRUE(d.click("TLS ハンドシェイクを見る"));
    ASSERT_TRUE(d.page.session.desk().handshake_open());
    EXPECT_TRUE(d.shows("TLS 1.3 ・ 接続先 ib.shinkin-test.example ・ メッセージ 11 件")) << d.ui.labels();
    EXPECT_TRUE(d.shows("結果：ハンドシェイクは途中で終わりました。"));
    ASSERT_TRUE(d.row("1. ブラウザー → 銀行  ClientHello")) << d.ui.labels();
    EXPECT_TRUE(d.shows("ブラウザーが銀行のサーバー（ib.shinkin-test.example）に接続を申し込み"));
    EXPECT_TRUE(d.shows("銀行のサーバーがクライアント証明書を求めます。"));
    // The client's Certificate and the server's alert carry the mark and the check's sentence.
    ASSERT_TRUE(d.reach("8. ブラウザー → 銀行  Certificate  [失敗した確認]")) << d.ui.labels();
    ASSERT_TRUE(d.reach("11. 銀行 → ブラウザー  Alert  [失敗した確認]")) << d.ui.labels();
    EXPECT_TRUE(d.shows("失敗した確認：銀行のサーバーは、この電子証明書の有効期限が切れていることを確かめて接続を断りました（certificate_expired）。"));
    EXPECT_TRUE(d.shows("銀行のサーバーが警告（certificate_expired）を送り、接続を終えます。"));
    // A click opens the Certificate's row: its fields (the subject, notAfter) and its bytes.
    EXPECT_FALSE(d.shows("certificate[0].not_after"));
    ASSERT_TRUE(d.click_row("8. ブラウザー → 銀行  Certificate"));
    EXPECT_TRUE(d.page.session.desk().handshake_message_open(7));
    ASSERT_TRUE(d.row("8. ")->opened);
    EXPECT_TRUE(d.shows("certificate[0].not_after"));
    EXPECT_TRUE(d.shows("バイト列（16 進）"));
    EXPECT_TRUE(d.shows("0000  0b 00"));  // handshake type 11, the length follows
    EXPECT_TRUE(d.shows("暗号化されて届き、鍵ログで復号しました。"));
    // The alert: sent under the server's handshake keys after the client's Finished.
    ASSERT_TRUE(d.click_row("11. "));
    d.scroll_down();
    EXPECT_TRUE(d.shows("この警告はブラウザーの Finished の後に")) << d.ui.labels();
    // Clicked again, the Certificate's row closes; 閉じる closes the viewer.
    ASSERT_TRUE(d.click_row("8. "));
    EXPECT_FALSE(d.page.session.desk().handshake_message_open(7));
    EXPECT_FALSE(d.row("8. ")->opened);
    ASSERT_TRUE(d.click("閉じる"));
    EXPECT_FALSE(d.page.session.desk().handshake_open());
    EXPECT_FALSE(d.row("1. "));
}

// What a screen reader is given: each row a button that opens and closes (aria-expanded), and its
// activation (the mirror's click: ImGui::ActivateItemByID, as web_mirror.cpp does) opens the row.
TEST(HandshakeViewer, ScreenReaderRowsAreExpandableButtonsItsActivationOpens) {
    ViewerDriver d(tls::Version::Tls12, tls::test::LoginEnd::Expired);
    ASSERT_TRUE(d.click("TLS ハンドシェイクを見る"));
    const std::string label = "7. ブラウザー → 銀行  Certificate  [失敗した確認]";
    ASSERT_TRUE(d.reach(label));
    auto mirror_row = [&] {
        const auto nodes = cp::ui::build_mirror_tree(cp::ui::widget_registry_widgets(), cp::ui::widget_registry_texts(),
                                                     cp::ui::widget_registry_dialogs());
        for (const cp::ui::MirrorNode& n : nodes)
            if (n.role == cp::ui::MirrorRole::Button && n.name == label) return std::optional<cp::ui::MirrorNode>(n);
        return std::optional<cp::ui::MirrorNode>();
    };
    ASSERT_TRUE(mirror_row().has_value());
    EXPECT_TRUE(mirror_row()->expandable);
    EXPECT_FALSE(mirror_row()->expanded);
    ImGui::ActivateItemByID(d.row(label)->id);
    d.out.clear();
    d.ui.settle(d.draw);
    d.apply();
    d.ui.settle(d.draw);
    EXPECT_TRUE(d.page.session.desk().handshake_message_open(6));
    ASSERT_TRUE(mirror_row().has_value());
    EXPECT_TRUE(mirror_row()->expanded);
    EXPECT_TRUE(d.shows("certificate[0].not_after"));
}

TEST(HandshakeViewer, Tls13CertificateRequestSaysTheCaNamesComeFromTheConfiguration) {
    ViewerDriver d(tls::Version::Tls13, tls::test::LoginEnd::Valid);
    ASSERT_TRUE(d.click("TLS ハンドシェイクを見る"));
    EXPECT_TRUE(d.shows("結果：ハンドシェイクは完了しました。"));
    ASSERT_TRUE(d.click_row("4. 銀行 → ブラウザー  CertificateRequest"));
    EXPECT_TRUE(d.shows("TLS 1.3 のこのメッセージに認証局名の一覧はありません")) << d.ui.labels();
}

TEST(HandshakeViewer, TheDownloadsAreTheCaptureWithItsKeyLogAndTheKeyLog) {
    ViewerDriver d(tls::Version::Tls13, tls::test::LoginEnd::Refused);
    ASSERT_TRUE(d.click("TLS ハンドシェイクを見る"));
    EXPECT_TRUE(d.shows("失敗した確認：秘密キーへのアクセスを「拒否」したため"));
    ASSERT_TRUE(d.click("キャプチャを保存（.pcapng）"));
    auto file = d.demo.take_download();
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ("certportal-handshake-tls13-KeyAccessDenied.pcapng", file->filename);
    EXPECT_EQ(tls::write_pcapng(d.capture.records, d.capture.key_log), file->bytes);
    ASSERT_TRUE(d.click("鍵ログを保存（.keys）"));
    file = d.demo.take_download();
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ("certportal-handshake-tls13-KeyAccessDenied.keys", file->filename);
    EXPECT_EQ(d.capture.key_log, std::string(file->bytes.begin(), file->bytes.end()));
    EXPECT_FALSE(d.capture.key_log.empty());
}

// On a phone the viewer fills the width and nothing of it runs past the screen's edge, an opened
// certificate's fields and bytes included.
TEST(HandshakeViewer, OnAPhoneNothingRunsPastTheEdge) {
    ViewerDriver d(tls::Version::Tls12, tls::test::LoginEnd::Revoked, 390, 844);
    ASSERT_TRUE(d.click("TLS ハンドシェイクを見る"));
    for (const char* label : {"キャプチャを保存（.pcapng）", "鍵ログを保存（.keys）"}) {
        const auto* save = d.ui.find(label);
        ASSERT_NE(save, nullptr) << label;
        EXPECT_LE(save->max.x, 390.5f) << label;
    }
    ASSERT_TRUE(d.click_row("2. 銀行 → ブラウザー  ServerHello"));
    ASSERT_TRUE(d.click_row("7. ブラウザー → 銀行  Certificate"));
    ASSERT_TRUE(d.shows("certificate[0].subject"));
    // Every text and widget drawn (the viewer's rows, sentences, fields, hex lines: the random, the
    // certificate's names) stays inside the screen.
    std::size_t checked = 0;
    for (const auto& w : d.ui.texts()) {
        EXPECT_LE(w.max.x, 390.5f) << w.label;
        EXPECT_GE(w.min.x, -0.5f) << w.label;
        ++checked;
    }
    for (const auto& w : d.ui.widgets()) {
        if (w.window) continue;
        EXPECT_LE(w.max.x, 390.5f) << w.label;
    }
    EXPECT_GE(checked, 60u);
}

}  // namespace
