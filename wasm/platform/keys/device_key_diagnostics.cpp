// certportal platform: diagnostics of the WebCrypto device key for browser tests
// (tests/browser/portal.test.mjs, case device_key_webcrypto). One operation at a time: start it,
// poll the state, read the output.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <memory>
#include <string>

#include "keys/webcrypto_device_key.h"

namespace {

struct Diagnostics {
    int state = 0;  // 0 idle, 1 running, 2 done, -1 failed
    cp::pki::Bytes output;
    std::unique_ptr<cp::platform::WebCryptoDeviceKey> key;
};

Diagnostics g_diag;

cp::platform::WebCryptoDeviceKey& key_for(const char* pc_name) {
    g_diag.key = std::make_unique<cp::platform::WebCryptoDeviceKey>(pc_name != nullptr ? pc_name : "");
    return *g_diag.key;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void cp_debug_device_key_seal(const char* pc_name, const std::uint8_t* data, int size) {
    g_diag.state = 1;
    key_for(pc_name).seal(cp::pki::ByteView(data, static_cast<std::size_t>(size)), [](cp::pki::PkiError e, cp::pki::Bytes sealed) {
        g_diag.state = e == cp::pki::PkiError::Ok ? 2 : -1;
        g_diag.output = std::move(sealed);
    });
}

EMSCRIPTEN_KEEPALIVE void cp_debug_device_key_unseal(const char* pc_name, const std::uint8_t* data, int size) {
    g_diag.state = 1;
    key_for(pc_name).unseal(cp::pki::ByteView(data, static_cast<std::size_t>(size)), [](cp::pki::PkiError e, cp::pki::SecretBytes plain) {
        g_diag.state = e == cp::pki::PkiError::Ok ? 2 : -1;
        const cp::pki::ByteView v = plain.view();
        g_diag.output.assign(v.begin(), v.end());
    });
}

EMSCRIPTEN_KEEPALIVE int cp_debug_device_key_state(void) { return g_diag.state; }
EMSCRIPTEN_KEEPALIVE const std::uint8_t* cp_debug_device_key_output(void) { return g_diag.output.data(); }
EMSCRIPTEN_KEEPALIVE int cp_debug_device_key_output_size(void) { return static_cast<int>(g_diag.output.size()); }

}  // extern "C"
