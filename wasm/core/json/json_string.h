// certportal core: writing a JSON string literal (RFC 8259): quotes, backslashes and control
// characters escaped, UTF-8 kept as it is. For the small JSON documents the project writes (the
// audit log export, the widget registry's listing).
#pragma once

#include <string>
#include <string_view>

namespace cp {

void append_json_string(std::string& out, std::string_view s);

}  // namespace cp
