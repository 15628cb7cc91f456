// certportal platform: the module's entry point and lifecycle.
//
// The page (web/loader.js) downloads certportal.wasm, the UI font and the bank profile (web/brand.json,
// or a link's profiles/<name>.json: config/profile.h) with progress, instantiates the module and
// calls cp_start(). From then on everything is event-driven: see
// runner.h for when frames happen. Start-up failures replace the canvas with a readable message.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "browser.h"
#include "config/policy.h"
#include "config/profile.h"
#include "demo/console.h"
#include "demo/link_params.h"
#include "fonts.h"
#include "imgui.h"
#include "pki/bytes.h"
#include "portal/portal.h"
#include "renderer_webgl2.h"
#include "runner.h"
#include "simulation_host.h"
#include "theme.h"
#include "portal_ui.h"
#include "web_input.h"
#include "web_mirror.h"
#include "widget_registry.h"

namespace {

constexpr const char* kCanvas = "#canvas";

struct App {
    cp::PortalState state;
    cp::ui::UiOut out;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::optional<cp::Language> shown_language;  // none at start: the first frame sets <html lang> and the title
    bool text_font_requested = false;
    std::unique_ptr<cp::platform::SimulationHost> simulation;  // the browser's services for the bank and the PCs
    cp::Session session;  // the simulation, the PC the person sits at, the running flow (after the host: uses it)
    cp::DemoConsole console;  // the demo console beside the desk (its state and its files)
    const cp::Scenario* link_scenario = nullptr;  // ?scenario=: started (or asked for) once the world is ready
    cp::BankConfig profile_policy;  // the profile's policy: the BankConfig of every world made from now on
    // Diagnostics: the last key job started through cp_debug_start_key_job (browser tests).
    int debug_key_job_state = 0;  // 0 none, 1 running, 2 done, -N failed with PkiError N
    int debug_key_job_bytes = 0;  // size of the PKCS#8 key it produced
    // Diagnostics: the last reset through cp_debug_reset_preset (benchmarks, browser tests).
    int debug_reset_state = 0;  // 0 none, 1 running, 2 done, -1 failed
};

App* g_app = nullptr;

void sync_document(App& app) {
    if (app.shown_language == app.state.language) return;
    // The first one is the start's (a link's lang=, or the remembered choice): only a switch at
    // run time is remembered as the person's choice.
    const bool switched = app.shown_language.has_value();
    app.shown_language = app.state.language;
    const std::string title = app.state.brand.service_name.in(app.state.language);
    cp_js_set_document_language(std::string(cp::language_tag(app.state.language)).c_str(), title.c_str(), switched ? 1 : 0);
}

// The large text face is only needed once somebody types: fetched the first time a text field is
// focused, so the first load stays small.
void request_text_font_once(App& app) {
    if (app.text_font_requested) return;
    app.text_font_requested = true;
    cp_js_request_text_font();
}

// The simulation loads (or, on the first visit, creates) its world asynchronously; the page shows
// its progress and then the simulated date. Started once the first frame is drawn: opening the
// database, making the CA's keys and starting the key worker would otherwise compete with the
// first frame for the main thread and the cores.
// The page's status (the status line, cp_debug_simulation_status): Ready only once the world a
// person will use is in place (SimulationHost: not while one is being replaced). A link's scenario
// replaces a loaded world at the next frame, so until then the loaded one is not that world; on a
// first visit the simulation made the link's scenario itself (first_world): nothing to replace.
void refresh_simulation_view(App& app) {
    cp::SimulationView& view = app.state.simulation;
    view = app.simulation->view();
    if (view.status != cp::SimulationStatus::Ready || app.link_scenario == nullptr) return;
    if (view.created_this_run) {
        app.link_scenario = nullptr;
        return;
    }
    view.status = cp::SimulationStatus::Preparing;
    view.replacing = true;
}

void start_simulation(App& app) {
    app.simulation = std::make_unique<cp::platform::SimulationHost>(app.state.brand.ca_name.ja, app.profile_policy);
    const cp::Preset first_world = app.link_scenario != nullptr ? app.link_scenario->preset : cp::Preset::SeedWorld;
    app.simulation->start(app.session, first_world, [] {
        refresh_simulation_view(*g_app);
        // The bank's data (the company, users' names) is not in the UI subset, which is built from
        // the catalogue and the brand: once there is data to show, fetch the text face (JIS X 0208).
        if (g_app->state.simulation.status == cp::SimulationStatus::Ready) request_text_font_once(*g_app);
        cp::platform::runner_request_frame();
    });
}

bool build_frame(void* user) {
    App& app = *static_cast<App*>(user);
    app.session.follow_real_time(emscripten_get_now() / 1000.0);  // the bank's clock (token codes)
    app.session.update();  // saves what async work (a key unsealed, a job done) changed
    app.out.clear();
    bool changed = false;
    if (app.link_scenario != nullptr && app.session.bank() != nullptr && !app.session.resetting()) {
        // A link's scenario: started at once on a fresh world, asked for when progress would go.
        changed |= app.console.apply(cp::make_console_command(cp::console::ChooseScenario{app.link_scenario}), app.session);
        app.link_scenario = nullptr;
        refresh_simulation_view(app);  // replacing, or (the console asks first) the loaded world is the one
    }
    cp::ui::draw_portal(app.state, app.session, app.out, &app.console);
    if (app.out.redraw_in > 0.0) cp::platform::runner_request_frame_after(app.out.redraw_in);
    for (const cp::Action& a : app.out.actions) changed |= cp::apply(app.state, a);
    for (const cp::Command& c : app.out.commands) changed |= app.session.apply(c).changed;
    for (const cp::ConsoleCommand& c : app.out.console) changed |= app.console.apply(c, app.session);
    if (auto file = app.console.take_download()) {
        cp_js_download(file->bytes.data(), static_cast<int>(file->bytes.size()), file->filename.c_str(), file->mime.c_str());
        cp::pki::secure_wipe(file->bytes.data(), file->bytes.size());
    }
    if (app.console.take_file_request()) cp_js_pick_file();
    // Kiosk mode: a timer for the idle reset's countdown (none otherwise: idle frames stay 0).
    const double idle_wake = app.console.idle_tick(emscripten_get_now() / 1000.0, app.session);
    if (idle_wake > 0.0) cp::platform::runner_request_frame_after(idle_wake);
    sync_document(app);
    if (ImGui::GetIO().WantTextInput) request_text_font_once(app);
    return changed;
}

EM_BOOL on_context_lost(int, const void*, void*) {
    cp::platform::renderer_context_lost();
    return EM_TRUE;  // preventDefault: tells the browser we want the context restored
}

EM_BOOL on_context_restored(int, const void*, void*) {
    cp::platform::renderer_context_restored();
    cp::platform::runner_force_redraw();
    return EM_TRUE;
}

// web/loader.js creates this context early (it overlaps the downloads) with the same attributes:
// keep the two in step.
bool create_gl_context(App& app) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;               // the page background is opaque: cheaper compositing
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;           // ImGui anti-aliases its own geometry
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    // WebGL2 core is all the renderer uses. Enabling every extension by default costs a GPU-process
    // round trip each: measured 545 ms of the start-up in headless Chromium (SwiftShader).
    attrs.enableExtensionsByDefault = EM_FALSE;
    app.gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (app.gl <= 0) return false;
    emscripten_webgl_make_context_current(app.gl);
    emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(kCanvas, nullptr, EM_FALSE, on_context_restored);
    return true;
}

void on_input() {
    if (g_app != nullptr) g_app->console.note_input(emscripten_get_now() / 1000.0);  // cancels a kiosk countdown
    cp::platform::runner_request_frame();
}

}  // namespace

extern "C" {

// The profile file the page fetches for the link's ?profile= ("profiles/<name>.json"), or "" when
// the link names none or names it wrongly (then brand.json, and cp_start lists the mistake): the one
// rule of a profile's name (link_params.h). The string lives until the next call.
EMSCRIPTEN_KEEPALIVE const char* cp_link_profile_path(const char* search) {
    static std::string path;
    const cp::LinkParams link = cp::parse_link_params(search != nullptr ? search : "");
    path = link.profile.empty() ? std::string() : cp::profile_path(link.profile);
    return path.c_str();
}

// Starts the portal. font: the UI subset (malloc'd; ownership passes to ImGui). profile_json /
// profile_size: the bytes of the bank profile as served (not decoded: the parser checks they are
// UTF-8), or none: the link's profiles/<name>.json (cp_link_profile_path), or web/brand.json when
// the link names none. profile_error: why the link's profile could not be fetched ("HTTP 404"), ""
// when it was (or none was asked for); the bytes are then brand.json's. language_tag: the last
// choice (the page's localStorage), or empty; a link's ?lang= (in `search`) decides over it, by the
// one rule of parse_language_tag. search: location.search, the link's parameters (demo/link_params.h).
EMSCRIPTEN_KEEPALIVE int cp_start(std::uint8_t* font, int font_size, const char* profile_json, int profile_size,
                                  const char* profile_error, const char* language_tag, const char* search) {
    IM_ASSERT(g_app == nullptr && "cp_start() called twice");
    g_app = new App();
    App& app = *g_app;
    app.state.language = cp::language_from_tag(language_tag != nullptr ? language_tag : "");
    const cp::LinkParams link = cp::parse_link_params(search != nullptr ? search : "");
    if (link.language_asked) app.state.language = link.language;  // a bad lang= says Japanese is used: it is
    app.link_scenario = link.scenario;
    app.console.set_link(link);
    for (const cp::LinkProblem& p : link.problems)
        std::fprintf(stderr, "certportal: link parameter %s=%s not used\n", p.name.c_str(), p.value.c_str());

    std::string source = link.profile.empty() ? std::string("brand.json") : cp::profile_path(link.profile);
    if (profile_error != nullptr && profile_error[0] != '\0') {
        app.state.config_problems.push_back(source + ": not loaded (" + cp::quoted_value(profile_error) +
                                            "); the default profile brand.json is used");
        source = "brand.json";
    }
    if (profile_json != nullptr && profile_size > 0) {
        cp::ProfileParseResult profile =
            cp::parse_profile_json(std::string_view(profile_json, static_cast<std::size_t>(profile_size)), source);
        app.state.brand = profile.profile.brand;
        app.profile_policy = profile.profile.policy;
        cp::use_copy_deck(std::move(profile.profile.copy));
        app.state.config_problems.insert(app.state.config_problems.end(), profile.problems.begin(), profile.problems.end());
    }
    for (const std::string& p : app.state.config_problems) std::fprintf(stderr, "certportal: %s\n", p.c_str());

    if (!create_gl_context(app)) {
        std::free(font);
        cp_js_show_fatal_error("WebGL2 is not available in this browser, so the portal cannot be drawn.");
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window layout is the page's, not the visitor's to persist
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    cp::ui::apply_theme();
    if (!cp::ui::fonts_install_ui_face(font, font_size)) {
        cp_js_show_fatal_error("The UI font could not be read (fonts/ui.ttf is damaged). Reload the page.");
        return 2;
    }
    cp::platform::renderer_init();
    cp::platform::web_input_install(kCanvas, on_input);
    cp::platform::web_mirror_install();
    cp_js_observe_canvas();        // calls cp_on_canvas_resize at once
    cp_js_observe_pointer_kind();  // calls cp_on_pointer_kind at once

    cp::platform::RunnerHooks hooks;
    hooks.build_frame = build_frame;
    hooks.first_frame_drawn = [](void* user) {
        cp_js_first_frame_drawn();
        start_simulation(*static_cast<App*>(user));
    };
    hooks.cannot_draw = [](void*) { cp_js_show_fatal_error("The WebGL2 shaders did not compile on this device."); };
    hooks.user = &app;
    cp::ui::page_background(hooks.clear_rgb);
    cp::platform::runner_start(hooks);
    return 0;
}

EMSCRIPTEN_KEEPALIVE void cp_on_canvas_resize(float css_width, float css_height, float device_pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(css_width, css_height);
    io.DisplayFramebufferScale = ImVec2(device_pixel_ratio, device_pixel_ratio);
    cp::platform::runner_force_redraw();  // resizing the drawing buffer cleared it
}

EMSCRIPTEN_KEEPALIVE void cp_on_pointer_kind(int coarse) {
    if (g_app == nullptr) return;
    g_app->state.coarse_pointer = coarse != 0;
    cp::platform::runner_request_frame();
}

EMSCRIPTEN_KEEPALIVE void cp_on_font_loaded(int kind, std::uint8_t* data, int size) {
    if (kind == 1 && !cp::ui::fonts_merge_text_face(data, size))
        std::fprintf(stderr, "certportal: the text font could not be read; typed kanji outside the UI subset may show as boxes\n");
    cp::platform::runner_request_frame();
}

EMSCRIPTEN_KEEPALIVE void cp_request_frame(void) { cp::platform::runner_request_frame(); }

// The file the console's 「ファイルから読み込む」 picker returned: imported (or refused) at once.
EMSCRIPTEN_KEEPALIVE void cp_on_file_picked(std::uint8_t* data, int size) {
    g_app->console.import_file({data, static_cast<std::size_t>(size)}, g_app->session);
    cp::pki::secure_wipe(data, static_cast<std::size_t>(size));
    std::free(data);
    cp::platform::runner_request_frame();
}

// Diagnostics for tests and tools: the last frame's widgets, and frame counters.
EMSCRIPTEN_KEEPALIVE const char* cp_debug_widgets(void) { return cp::ui::widget_registry_json().c_str(); }
EMSCRIPTEN_KEEPALIVE const char* cp_debug_texts(void) { return cp::ui::widget_registry_texts_json().c_str(); }
EMSCRIPTEN_KEEPALIVE unsigned cp_debug_frames_built(void) { return cp::platform::runner_stats().frames_built; }
EMSCRIPTEN_KEEPALIVE unsigned cp_debug_frames_drawn(void) { return cp::platform::runner_stats().frames_drawn; }
EMSCRIPTEN_KEEPALIVE int cp_debug_frame_pending(void) { return cp::platform::runner_frame_pending() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int cp_debug_frames_settled(void) { return cp::platform::runner_settled() ? 1 : 0; }

// Starts a key generation in the worker (0 RSA-2048, 1 P-256); its state through
// cp_debug_key_job_state(). The page must keep drawing meanwhile (browser test).
EMSCRIPTEN_KEEPALIVE void cp_debug_start_key_job(int key_type) {
    if (g_app == nullptr || g_app->simulation == nullptr) return;  // before the first frame: no simulation yet
    g_app->debug_key_job_state = 1;
    g_app->simulation->key_jobs().submit_key_generation(static_cast<cp::pki::KeyType>(key_type), [](cp::pki::KeyJobResult r) {
        g_app->debug_key_job_state = r.error == cp::pki::PkiError::Ok ? 2 : -static_cast<int>(r.error);
        g_app->debug_key_job_bytes = static_cast<int>(r.private_key_pkcs8.view().size());
        cp::platform::runner_request_frame();  // an async completion: the UI may show it
    });
}
EMSCRIPTEN_KEEPALIVE int cp_debug_key_job_state(void) { return g_app != nullptr ? g_app->debug_key_job_state : 0; }
EMSCRIPTEN_KEEPALIVE int cp_debug_key_job_bytes(void) { return g_app != nullptr ? g_app->debug_key_job_bytes : 0; }

// Replaces the running world by a preset (cp::Preset's value; Session::reset): diagnostics for
// benchmarks and tests, not a person's control. The state through cp_debug_reset_state():
// 0 none yet, 1 running, 2 done, -1 failed or refused (the previous world runs on).
EMSCRIPTEN_KEEPALIVE void cp_debug_reset_preset(int preset) {
    if (g_app == nullptr) return;
    if (preset < 0 || preset >= static_cast<int>(cp::Preset::Count_)) {
        g_app->debug_reset_state = -1;
        return;
    }
    g_app->debug_reset_state = 1;
    g_app->session.reset(static_cast<cp::Preset>(preset), [](cp::FlowResult r) {
        g_app->debug_reset_state = r == cp::FlowResult::Ok ? 2 : -1;
        if (r != cp::FlowResult::Ok) std::fprintf(stderr, "certportal: reset failed: %s\n", cp::result_name(r));
        cp::platform::runner_request_frame();
    });
    cp::platform::runner_request_frame();
}
EMSCRIPTEN_KEEPALIVE int cp_debug_reset_state(void) { return g_app != nullptr ? g_app->debug_reset_state : 0; }

// CPU time of the last built frame (build + render, ms), and of the last frames built (up to
// cp::platform::kFrameTimeRing, oldest first) as a JSON array of milliseconds.
EMSCRIPTEN_KEEPALIVE double cp_debug_last_frame_ms(void) { return cp::platform::runner_stats().last_frame_ms; }
EMSCRIPTEN_KEEPALIVE const char* cp_debug_frame_times_json(void) {
    static std::string json;
    const cp::platform::RunnerStats& st = cp::platform::runner_stats();
    cp::platform::ring_times_json(json, st.frame_ms, cp::platform::kFrameTimeRing, st.frames_built);
    return json.c_str();
}

// Asks for the large text face as a focused text field would (browser test of the on-demand path).
EMSCRIPTEN_KEEPALIVE void cp_debug_request_text_font(void) {
    if (g_app != nullptr) request_text_font_once(*g_app);
}

// The simulation behind the page: status (0 starting, 1 preparing, 2 ready, 3 failed), storage
// notice (0 saved in IndexedDB, 1.. memory only and why), and whether this load created the world.
EMSCRIPTEN_KEEPALIVE int cp_debug_simulation_status(void) { return g_app != nullptr ? static_cast<int>(g_app->state.simulation.status) : -1; }
EMSCRIPTEN_KEEPALIVE int cp_debug_simulation_storage(void) { return g_app != nullptr ? static_cast<int>(g_app->state.simulation.storage) : -1; }
EMSCRIPTEN_KEEPALIVE int cp_debug_simulation_created(void) { return g_app != nullptr && g_app->state.simulation.created_this_run ? 1 : 0; }

// Whether the large text face has been merged (the page loads it when a text field is focused).
EMSCRIPTEN_KEEPALIVE int cp_debug_text_font_present(void) { return cp::ui::fonts_text_face_present() ? 1 : 0; }

}  // extern "C"
