# Test registration shared by every suite.
#
# certportal_add_suite(NAME target): registers a GoogleTest executable as "<prefix>.NAME", where the
# prefix says where it runs: native (g++ with ASan + UBSan) or wasm (under Node).
#
# The `native` tree also pulls in the tests of the sibling tree build/wasm-tests, so one ctest run
# in build/native runs every suite and prints one summary.
if(EMSCRIPTEN)
  set(CERTPORTAL_TEST_PREFIX "wasm")
else()
  set(CERTPORTAL_TEST_PREFIX "native")
endif()

function(certportal_add_suite name target)
  # Eight test files to a unit: GoogleTest's and the simulation's headers, and the code their
  # macros and templates instantiate under ASan, were most of each file's compile (the six native
  # suites: about 490 s of CPU file by file, 200 s in units, 2026-12-07). File-local helpers must
  # not share a name with a unit-mate's; a file whose helpers do is marked
  # SKIP_UNITY_BUILD_INCLUSION in its suite's CMakeLists.txt, and the build says which when a new
  # one collides.
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  if(EMSCRIPTEN)
    # NODERAWFS: tests read fixtures and write temporary files under Node as they do natively.
    target_link_options(${target} PRIVATE -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node -sEXIT_RUNTIME=1)
    add_test(NAME wasm.${name} COMMAND node --no-experimental-fetch $<TARGET_FILE:${target}>)
  else()
    add_test(NAME ${CERTPORTAL_TEST_PREFIX}.${name} COMMAND ${target})
  endif()
endfunction()

# In build/native only: include the sibling trees' tests (they are built by tests/run first).
option(CERTPORTAL_INCLUDE_SIBLING_TESTS "Run the wasm-tests tree's tests from this tree" OFF)
if(CERTPORTAL_INCLUDE_SIBLING_TESTS)
  set(_siblings "")
  foreach(_tree wasm-tests)
    set(_dir "${PROJECT_SOURCE_DIR}/build/${_tree}")
    string(APPEND _siblings "if(EXISTS \"${_dir}/CTestTestfile.cmake\")\n  subdirs(\"${_dir}\")\nelse()\n  message(WARNING \"${_dir} is not built: its tests are skipped (run ./tests/run)\")\nendif()\n")
  endforeach()
  file(WRITE "${CMAKE_BINARY_DIR}/sibling_trees.cmake" "${_siblings}")
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY TEST_INCLUDE_FILES "${CMAKE_BINARY_DIR}/sibling_trees.cmake")
endif()

# A native test that runs a host tool (openssl, tshark) finds it at CERTPORTAL_<DEFINE>. tools/setup.sh
# installs each, so a missing one stops the configure instead of skipping the cases that need it.
# Under wasm the define is absent and those cases skip (Node runs no processes).
function(certportal_test_uses_tool target define program)
  if(NOT EMSCRIPTEN)
    find_program(CERTPORTAL_TOOL_${define} ${program} REQUIRED)
    target_compile_definitions(${target} PRIVATE CERTPORTAL_${define}="${CERTPORTAL_TOOL_${define}}")
  endif()
endfunction()
