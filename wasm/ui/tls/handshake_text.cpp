// certportal ui: the handshake viewer's sentences — one per message, for this login, and the failing
// check's (catalogue keys TlsMsg*, TlsCheck*).
#include "format.h"
#include "tls/handshake_viewer.h"

namespace cp::ui {
namespace {

TextId handshake_sentence_id(const tls::Message& m) {
    using tls::HandshakeType;
    const bool client = m.direction == tls::Direction::ClientToServer;
    switch (static_cast<HandshakeType>(m.handshake_type)) {
        case HandshakeType::ClientHello: return TextId::TlsMsgClientHello;
        case HandshakeType::ServerHello: return TextId::TlsMsgServerHello;
        case HandshakeType::EncryptedExtensions: return TextId::TlsMsgEncryptedExtensions;
        case HandshakeType::CertificateRequest: return TextId::TlsMsgCertificateRequest;
        case HandshakeType::Certificate: return client ? TextId::TlsMsgClientCertificate : TextId::TlsMsgServerCertificate;
        case HandshakeType::ServerKeyExchange: return TextId::TlsMsgServerKeyExchange;
        case HandshakeType::ServerHelloDone: return TextId::TlsMsgServerHelloDone;
        case HandshakeType::CertificateVerify:
            return client ? TextId::TlsMsgClientCertificateVerify : TextId::TlsMsgServerCertificateVerify;
        case HandshakeType::ClientKeyExchange: return TextId::TlsMsgClientKeyExchange;
        case HandshakeType::Finished: return client ? TextId::TlsMsgClientFinished : TextId::TlsMsgServerFinished;
        default: return TextId::TlsMsgOther;
    }
}

}  // namespace

std::string handshake_message_sentence(const Ui& ui, const tls::Message& m, const tls::Capture& capture) {
    switch (m.kind) {
        case tls::MessageKind::Handshake: {
            const TextId id = handshake_sentence_id(m);
            if (id == TextId::TlsMsgClientHello) return formatf(ui.t(id), capture.host_name.c_str());
            return ui.t(id);
        }
        case tls::MessageKind::ChangeCipherSpec: return ui.t(TextId::TlsMsgChangeCipherSpec);
        case tls::MessageKind::Alert:
            return formatf(ui.t(m.direction == tls::Direction::ClientToServer ? TextId::TlsMsgClientAlert : TextId::TlsMsgServerAlert),
                           tls::alert_name(m.alert_description));
        case tls::MessageKind::ApplicationData: return ui.t(TextId::TlsMsgApplicationData);
        case tls::MessageKind::Encrypted: return ui.t(TextId::TlsMsgEncrypted);
        case tls::MessageKind::Malformed: return ui.t(TextId::TlsMsgMalformed);
    }
    return ui.t(TextId::TlsMsgOther);
}

std::optional<std::string> handshake_failing_check(const Ui& ui, const tls::Capture& capture) {
    if (!capture.alert) return std::nullopt;
    const tls::Alert& a = *capture.alert;
    if (a.direction == tls::Direction::ClientToServer) {
        if (capture.outcome == tls::Outcome::KeyAccessDenied) return std::string(ui.t(TextId::TlsCheckRefused));
    } else {
        switch (a.description) {
            case 42:
            case 43: return std::string(ui.t(TextId::TlsCheckBadCertificate));
            case 44: return std::string(ui.t(TextId::TlsCheckRevoked));
            case 45: return std::string(ui.t(TextId::TlsCheckExpired));
            case 46: return std::string(ui.t(TextId::TlsCheckNotYetValid));
            case 48: return std::string(ui.t(TextId::TlsCheckUnknownCa));
            default: break;
        }
    }
    return formatf(ui.t(TextId::TlsCheckOther), tls::alert_name(a.description));
}

}  // namespace cp::ui
