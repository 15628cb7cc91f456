#include "keys/webcrypto_device_key.h"

#include <emscripten/emscripten.h>

#include <utility>
#include <variant>

extern "C" {
// op 0 seal, 1 unseal. Completes through cp_on_device_key_done(request, ok, ptr, size).
void cp_js_device_key(std::uint32_t request, int op, const char* pc_name, const std::uint8_t* data, int size);
}

namespace cp::platform {
namespace {

// Requests in flight, by id. A request outlives its WebCryptoDeviceKey if need be: the callback
// owns what it needs.
using Callback = std::variant<pki::DeviceKeyProtector::SealDone, pki::DeviceKeyProtector::UnsealDone>;
std::map<std::uint32_t, Callback>& requests() {
    static std::map<std::uint32_t, Callback> r;
    return r;
}
std::uint32_t g_next_request = 1;

}  // namespace

WebCryptoDeviceKey::WebCryptoDeviceKey(std::string pc_name) : pc_name_(std::move(pc_name)) {}
WebCryptoDeviceKey::~WebCryptoDeviceKey() = default;

void WebCryptoDeviceKey::seal(pki::ByteView plaintext, SealDone done) {
    const std::uint32_t id = g_next_request++;
    requests().emplace(id, std::move(done));
    cp_js_device_key(id, 0, pc_name_.c_str(), plaintext.data(), static_cast<int>(plaintext.size()));
}

void WebCryptoDeviceKey::unseal(pki::ByteView sealed, UnsealDone done) {
    const std::uint32_t id = g_next_request++;
    requests().emplace(id, std::move(done));
    cp_js_device_key(id, 1, pc_name_.c_str(), sealed.data(), static_cast<int>(sealed.size()));
}

void WebCryptoDeviceKey::on_done(std::uint32_t request, int ok, pki::ByteView output) {
    auto it = requests().find(request);
    if (it == requests().end()) return;
    Callback callback = std::move(it->second);
    requests().erase(it);
    const pki::PkiError error = ok ? pki::PkiError::Ok : pki::PkiError::DeviceKeyFailed;
    if (auto* seal_done = std::get_if<SealDone>(&callback)) {
        (*seal_done)(error, ok ? pki::Bytes(output.begin(), output.end()) : pki::Bytes());
    } else if (auto* unseal_done = std::get_if<UnsealDone>(&callback)) {
        (*unseal_done)(error, ok ? pki::SecretBytes(output) : pki::SecretBytes());
    }
}

}  // namespace cp::platform

extern "C" EMSCRIPTEN_KEEPALIVE void cp_on_device_key_done(std::uint32_t request, int ok, const std::uint8_t* data, int size) {
    cp::platform::WebCryptoDeviceKey::on_done(request, ok, cp::pki::ByteView(data, static_cast<std::size_t>(size)));
}
