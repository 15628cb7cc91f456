// certportal pki: error texts.
#include "pki/error.h"

#include "pki/enum_texts.h"

namespace cp::pki {

namespace {

constexpr detail::EnumText kPkiErrorTexts[] = {
#define CP_PKI_ERROR(name, message) {#name, message},
#include "pki/errors.def"
#undef CP_PKI_ERROR
};
constexpr detail::EnumText kUnknownPkiError{"Unknown", "unknown error"};

}  // namespace

const char* pki_error_message(PkiError error) {
    return detail::enum_text(kPkiErrorTexts, error, kUnknownPkiError).text;
}

const char* pki_error_name(PkiError error) { return detail::enum_text(kPkiErrorTexts, error, kUnknownPkiError).name; }

}  // namespace cp::pki
