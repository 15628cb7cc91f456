// certportal ui: the TLS handshake viewer — the last certificate login's handshake, message by
// message (tls/transcript.h), both directions, each row opened to its fields and bytes, one
// sentence per message saying what it does for this login, the failing check marked; and the
// capture (.pcapng, key log embedded) and key log (.keys) downloads for Wireshark.
//
//   handshake_viewer.cpp  the open button and the viewer's window (rows, fields, hex, downloads)
//   handshake_text.cpp    which catalogue sentence each message and failing check gets
//   handshake_source.cpp  where the screens get the last login's capture (the session's)
//
// A function of the capture and the desk's state (Desk::handshake_open, handshake_message_open):
// it emits cmd::ShowHandshake, cmd::ToggleHandshakeMessage and console::SaveHandshake.
#pragma once

#include <optional>
#include <string>

#include "screen.h"
#include "tls/capture.h"
#include "tls/transcript.h"

namespace cp::ui {

// The last certificate login's handshake, or nullptr before the first one (handshake_source.cpp).
const tls::Capture* last_handshake(const Session& session);

// 「TLS ハンドシェイクを見る」: opens the viewer. Without a capture it is drawn disabled and its
// tooltip (the mirror's description) says that no certificate login has happened yet. For the
// login's result page and the demo console.
void handshake_viewer_button(const Ui& ui, const tls::Capture* capture);

// The viewer's window over the desk, while the desk says it is open and there is a capture.
void draw_handshake_viewer(const Ui& ui, const tls::Capture* capture);

// The sentence for `message` of this login (handshake_text.cpp), in the page's language.
std::string handshake_message_sentence(const Ui& ui, const tls::Message& message, const tls::Capture& capture);
// The failing check's sentence (nullopt when the handshake ended without an alert).
std::optional<std::string> handshake_failing_check(const Ui& ui, const tls::Capture& capture);

}  // namespace cp::ui
