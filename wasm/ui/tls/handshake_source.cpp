// certportal ui: where the handshake viewer gets the last certificate login's capture.
#include "tls/handshake_viewer.h"

namespace cp::ui {

const tls::Capture* last_handshake(const Session& session) { return session.last_handshake(); }

}  // namespace cp::ui
