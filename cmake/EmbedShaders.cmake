# Generates a C++ header with the GLSL sources as raw string literals (run with cmake -P).
#   -DOUT=path/shaders_embedded.h -DVERT=imgui.vert -DFRAG=imgui.frag
file(READ "${VERT}" vert)
file(READ "${FRAG}" frag)
set(content "// Generated from shaders/ by cmake/EmbedShaders.cmake: do not edit.\n#pragma once\n")
string(APPEND content "inline constexpr const char* kImguiVertSource = R\"glsl(${vert})glsl\";\n")
string(APPEND content "inline constexpr const char* kImguiFragSource = R\"glsl(${frag})glsl\";\n")
file(WRITE "${OUT}.tmp" "${content}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
