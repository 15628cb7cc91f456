#!/usr/bin/env bash
# Builds Dear ImGui's own Emscripten example (example_glfw_opengl3: GLFW emulation + the OpenGL3
# backend, redrawing every animation frame) from the same ImGui sources as certportal, for the
# side-by-side figures of tools/bench_web.mjs. Output: build/bench/imgui_example/ (index.html,
# index.js, index.wasm, .gz/.br). Flags follow the example's Makefile.emscripten, except what this
# toolchain lacks: --use-port (network) becomes the built-in -sUSE_GLFW=3, and the page is ours
# because the Debian source package drops examples/libs.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
imgui=${CERTPORTAL_CACHE:-$HOME/.cache/certportal}/imgui
out="$here/build/bench/imgui_example"
obj="$here/build/bench/imgui_example_obj"
mkdir -p "$out" "$obj/libs/emscripten"
export NODE_PATH=/usr/share/nodejs

# The example includes ../libs/emscripten/emscripten_mainloop_stub.h (absent from Debian's repack):
# a small equivalent that runs the loop body through emscripten_set_main_loop_arg at display rate.
cat > "$obj/libs/emscripten/emscripten_mainloop_stub.h" <<'STUB'
#pragma once
#include <emscripten.h>
#include <functional>
static std::function<void()> MainLoopForEmscriptenP;
static void MainLoopForEmscripten() { MainLoopForEmscriptenP(); }
// The body is wrapped in do { } while (0) so the example's `continue` (skip a frame) compiles.
#define EMSCRIPTEN_MAINLOOP_BEGIN MainLoopForEmscriptenP = [&]() { do
#define EMSCRIPTEN_MAINLOOP_END while (0); }; emscripten_set_main_loop(MainLoopForEmscripten, 0, true)
STUB
mkdir -p "$obj/example"
cp "$imgui/examples/example_glfw_opengl3/main.cpp" "$obj/example/main.cpp"

flags=(-Os -I"$imgui" -I"$imgui/backends" -DIMGUI_DISABLE_FILE_FUNCTIONS -sDISABLE_EXCEPTION_CATCHING=1 -sUSE_GLFW=3)
srcs=("$obj/example/main.cpp" "$imgui/imgui.cpp" "$imgui/imgui_demo.cpp" "$imgui/imgui_draw.cpp" "$imgui/imgui_tables.cpp"
      "$imgui/imgui_widgets.cpp" "$imgui/backends/imgui_impl_glfw.cpp" "$imgui/backends/imgui_impl_opengl3.cpp")
if [ ! -f "$out/index.wasm" ] || [ -n "$(find "${srcs[@]}" -newer "$out/index.wasm" 2>/dev/null)" ]; then
  echo "bench: building Dear ImGui's example_glfw_opengl3 for Emscripten"
  em++ "${flags[@]}" "${srcs[@]}" -o "$out/index.js" \
    -sWASM=1 -sALLOW_MEMORY_GROWTH=1 -sNO_EXIT_RUNTIME=0 -sASSERTIONS=1 -sNO_FILESYSTEM=1 -sMAX_WEBGL_VERSION=2
fi
cat > "$out/index.html" <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"><title>Dear ImGui example_glfw_opengl3</title>
<link rel="stylesheet" href="page.css"></head>
<body><canvas id="canvas" oncontextmenu="return false"></canvas>
<script src="module.js"></script><script src="index.js"></script></body></html>
HTML
printf 'html,body{margin:0;height:100%%;overflow:hidden}#canvas{position:fixed;inset:0;width:100vw;height:100vh;display:block}\n' > "$out/page.css"
# Module setup without inline script (the same CSP as certportal's page).
printf "var Module = { canvas: document.getElementById('canvas') };\n" > "$out/module.js"
for f in index.html index.js index.wasm; do
  gzip -9 -k -f "$out/$f"
  brotli -f -q 11 "$out/$f" -o "$out/$f.br"
done
echo "bench: reference example in $out"
