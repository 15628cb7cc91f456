# Dear ImGui and Mbed TLS from the set-up cache. Both are compiled with our flags but without our
# warnings, and included as SYSTEM so their headers do not trip -Werror in our code.
set(IMGUI_DIR "${CERTPORTAL_DEPS_DIR}/imgui")
set(MBEDTLS_DIR "${CERTPORTAL_DEPS_DIR}/mbedtls")
foreach(_dep IN ITEMS "${IMGUI_DIR}/imgui.h" "${MBEDTLS_DIR}/include/mbedtls/version.h")
  if(NOT EXISTS "${_dep}")
    message(FATAL_ERROR "Missing ${_dep}.\nRun tools/setup.sh (or ./tests/run, ./serve.py) to fetch the third-party sources.")
  endif()
endforeach()

# --- Mbed TLS (static libraries mbedcrypto, mbedx509) ----------------------------
# Our configuration file replaces mbedtls_config.h (see wasm/core/pki/mbedtls_config.h when present).
# Emscripten builds take the copy with certportal's wasm bignum patch (tools/setup.sh makes it from
# the same pinned source and tools/patches/mbedtls-3.6.6-wasm-bignum.patch); native builds keep
# Mbed TLS as shipped, so the native and wasm tests compare the two.
if(EMSCRIPTEN)
  set(MBEDTLS_DIR "${CERTPORTAL_DEPS_DIR}/mbedtls-wasm")
  if(NOT EXISTS "${MBEDTLS_DIR}/.certportal-ok")
    message(FATAL_ERROR "Missing ${MBEDTLS_DIR} (Mbed TLS with the wasm patch).\nRun tools/setup.sh (or ./tests/run, ./serve.py).")
  endif()
  # A new patch (tools/setup.sh remakes the copy and its stamp) re-runs the configure step.
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${MBEDTLS_DIR}/.certportal-ok")
endif()
set(ENABLE_PROGRAMS OFF CACHE BOOL "" FORCE)
set(ENABLE_TESTING OFF CACHE BOOL "" FORCE)
set(MBEDTLS_FATAL_WARNINGS OFF CACHE BOOL "" FORCE)
set(USE_SHARED_MBEDTLS_LIBRARY OFF CACHE BOOL "" FORCE)
set(USE_STATIC_MBEDTLS_LIBRARY ON CACHE BOOL "" FORCE)
set(DISABLE_PACKAGE_CONFIG_AND_INSTALL ON CACHE BOOL "" FORCE)
set(GEN_FILES OFF CACHE BOOL "" FORCE)
if(EXISTS "${PROJECT_SOURCE_DIR}/wasm/core/pki/mbedtls_config.h")
  set(MBEDTLS_CONFIG_FILE "${PROJECT_SOURCE_DIR}/wasm/core/pki/mbedtls_config.h" CACHE FILEPATH "" FORCE)
endif()
add_subdirectory("${MBEDTLS_DIR}" "${CMAKE_BINARY_DIR}/mbedtls" EXCLUDE_FROM_ALL SYSTEM)
# One target for our code to link: the X.509 layer and the crypto below it.
add_library(certportal_mbedtls INTERFACE)
target_link_libraries(certportal_mbedtls INTERFACE mbedx509 mbedcrypto)
# The TLS library on top, for wasm/core/tls only (what else links certportal_mbedtls stays without it).
add_library(certportal_mbedtls_tls INTERFACE)
target_link_libraries(certportal_mbedtls_tls INTERFACE mbedtls certportal_mbedtls)

# --- Dear ImGui (the bundle, and the UI tests on ImGui's null backend: not in wasm-tests) -------
if(NOT EMSCRIPTEN OR CERTPORTAL_BUILD_BUNDLE)
  # IMGUI_ENABLE_TEST_ENGINE: imgui.cpp reports every widget to hooks we define
  # (wasm/ui/widget_registry): labels and rectangles for browser tests, UI tests and accessibility.
  # imgui.cpp calls those hooks, so imgui links the registry (a cycle of static libraries, which CMake
  # resolves by repeating them on the link line).
  add_library(imgui STATIC
    "${IMGUI_DIR}/imgui.cpp"
    "${IMGUI_DIR}/imgui_draw.cpp"
    "${IMGUI_DIR}/imgui_tables.cpp"
    "${IMGUI_DIR}/imgui_widgets.cpp")
  target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}")
  target_compile_definitions(imgui PUBLIC
    IMGUI_ENABLE_TEST_ENGINE
    IMGUI_DISABLE_OBSOLETE_FUNCTIONS
    IMGUI_DISABLE_DEFAULT_FONT        # the page supplies BIZ UDPGothic; ProggyClean would be dead weight
    IMGUI_DISABLE_FILE_FUNCTIONS)     # no filesystem in the module (-sFILESYSTEM=0)
  target_link_libraries(imgui INTERFACE certportal_widget_registry)
endif()
