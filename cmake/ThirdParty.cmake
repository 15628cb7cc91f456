# Dear ImGui and Mbed TLS from the set-up cache. Both are compiled with our flags but without our
# warnings, and included as SYSTEM so their headers do not trip -Werror in our code.
set(IMGUI_DIR "${CERTPORTAL_DEPS_DIR}/imgui")
set(MBEDTLS_DIR "${CERTPORTAL_DEPS_DIR}/mbedtls")
foreach(_dep IN ITEMS "${IMGUI_DIR}/imgui.h" "${MBEDTLS_DIR}/include/mbedtls/version.h")
  if(NOT EXISTS "${_dep}")
    message(FATAL_ERROR "Missing ${_dep}.\nRun tools/setup.sh (or ./tests/run, ./serve.py) to fetch the third-party sources.")
  endif()
endforeach()
