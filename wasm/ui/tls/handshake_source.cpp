// certportal ui: where the handshake viewer gets the last certificate login's capture.
#include "tls/handshake_viewer.h"

namespace cp::ui {

// INTEGRATION: the login's handshake lives in the session once every certificate login goes through
// it (branch `tlslogin`). Until then no login leaves a capture, so the viewer's button is drawn
// disabled. The line that connects it:  return session.last_handshake();
const tls::Capture* last_handshake(const Session& /*session*/) { return nullptr; }

}  // namespace cp::ui
