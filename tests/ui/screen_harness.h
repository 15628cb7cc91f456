// certportal UI tests: the screens run on Dear ImGui's null backend (no window, no GPU), modelled
// on imgui's examples/example_null, with the bundle's font code, theme and widget registry.
//
//   cp::test::ScreenHarness ui(390, 844);
//   auto draw = [&] { cp::ui::draw_portal(state, actions); };
//   ui.settle(draw);
//   EXPECT_NE(ui.find("English"), nullptr);
//   ui.click("English", draw);
//
// One harness (one ImGui context) at a time: the widget registry is global, as in the bundle.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fields.h"
#include "imgui.h"
#include "widget_registry.h"

namespace cp::test {

using WidgetInfo = cp::ui::WidgetInfo;
using DrawFn = std::function<void()>;

class ScreenHarness {
public:
    // Creates the ImGui context: display size, the 1.92 texture protocol, the UI font (the whole
    // Debian BIZ UDPGothic file, through cp::ui::fonts_install_ui_face) and cp::ui::apply_theme().
    explicit ScreenHarness(float width = 1280, float height = 800);
    ~ScreenHarness();  // DestroyContext
    ScreenHarness(const ScreenHarness&) = delete;
    ScreenHarness& operator=(const ScreenHarness&) = delete;

    // One frame: NewFrame → draw() → Render, then the textures ImGui asked for are "uploaded".
    void frame(const DrawFn& draw);
    // Frames until the page is still: no window appearing (ImGui hides a new window for a measuring
    // frame) and the same widgets and text at the same places as in the frame before (auto-resizing
    // children grow over a few frames; until then their clipped items are not reported). The
    // bundle's runner does the same after a change. click(), type() and press() settle after input.
    void settle(const DrawFn& draw);

    // The last frame's widget with exactly this label (ImGui's label without "##id"); nullptr if none.
    // Only items ImGui did not clip are reported (scrolled-out widgets are absent).
    const WidgetInfo* find(std::string_view label) const;
    std::vector<WidgetInfo> widgets() const;
    // The last frame's static text (headings, paragraphs, the simulator marker) by exact text.
    const WidgetInfo* find_text(std::string_view text) const;
    std::vector<WidgetInfo> texts() const;
    // The last frame's widget labels, quoted and comma-separated, for failure messages.
    std::string labels() const;

    // Moves the mouse to the widget's centre and clicks it, running frames as ImGui needs (hover
    // frame, press, release), calling draw() each frame. Returns false (and ADD_FAILURE with the
    // labels present) if no such widget or it is disabled.
    bool click(std::string_view label, const DrawFn& draw);
    // The same at a point: one of several widgets with the same label (a person tells them apart
    // by what is drawn beside them, such as a certificate's validity).
    bool click_at(ImVec2 at, const DrawFn& draw);
    // Types UTF-8 text into the focused field through io.AddInputCharactersUTF8, and presses keys
    // (io.AddKeyEvent) — with frames run until ImGui has consumed the input.
    void type(std::string_view text, const DrawFn& draw);
    void press(ImGuiKey key, const DrawFn& draw);
    // Pastes as the bundle's platform does for the browser's paste event: the field being edited
    // decides (cp::ui::offer_paste, the text's whole length: a NUL is part of it); only what it
    // accepts becomes the clipboard and a Ctrl+V. Returns the field's verdict.
    cp::ui::PasteVerdict paste(std::string_view text, const DrawFn& draw);
    // Turns the mouse wheel over `at` (negative: down the page), as a person scrolls to what is
    // below the fold; frames run until the page settles.
    void scroll(ImVec2 at, float wheel, const DrawFn& draw);
    // Moves the mouse to `at` (away from what it was over); frames run until the page settles.
    void move_mouse(ImVec2 at, const DrawFn& draw);
    // A finger (ImGuiMouseSource_TouchScreen) put down at `at` and held still for `seconds` of
    // frames (60 a second); then lifted, as the platform reports it (the pointer leaves the page).
    void touch_hold(ImVec2 at, float seconds, const DrawFn& draw);
    void touch_lift(const DrawFn& draw);
    // Whether a tooltip window was drawn in the last frame.
    bool tooltip_shown() const;
    // Changes io.DisplaySize; takes effect at the next frame.
    void resize(float width, float height);

private:
    void make_current() const;
    // Runs frames until ImGui's input queue is empty (at least one).
    void drain_input(const DrawFn& draw);

    ImGuiContext* ctx_ = nullptr;
};

}  // namespace cp::test
