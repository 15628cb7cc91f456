// The certificate login's handshake at the session: Session::last_handshake() (the viewer's source)
// and the bank's TLS server identity and version as saved with the world.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bank/bank_codec.h"
#include "session_fixture.h"
#include "sim/persistence.h"
#include "storage/byte_codec.h"
#include "tls/capture.h"

namespace tls_session_test {

using cp::BankResult;
using cp::FlowResult;
using cp::PcResult;
using cp::test::BrowserProfile;
using cp::test::PageLoad;
using cp::tls::Outcome;
namespace cmd = cp::cmd;
using Screen = cp::AdminFlow::Screen;

constexpr const char* kBankDb = "certportal-bank";

cp::StoreRecords read_store(BrowserProfile& profile, const std::string& store) {
    cp::StoreRecords records;
    profile.databases[kBankDb].read_store(store, [&](cp::StorageStatus s, cp::StoreRecords r) {
        EXPECT_EQ(s, cp::StorageStatus::Ok);
        records = std::move(r);
    });
    return records;
}

void put(BrowserProfile& profile, const std::string& store, const std::string& key, std::vector<std::uint8_t> value) {
    cp::WriteBatch batch;
    batch.put(store, key, std::move(value));
    profile.databases[kBankDb].commit(std::move(batch), [](cp::StorageStatus s) { EXPECT_EQ(s, cp::StorageStatus::Ok); });
}

// The CA record's own version byte (PkiAuthority: 1 before the TLS login, 2 with the server identity).
std::uint8_t saved_ca_version(BrowserProfile& profile) {
    std::vector<std::uint8_t> payload;
    EXPECT_EQ(cp::unwrap_record(read_store(profile, "authority").at("ca"), cp::RecordKind::CertificateAuthority, payload),
              cp::RecordError::None);
    return payload.empty() ? 0 : payload.front();
}

TEST(TlsSession, TheLastHandshakeIsKeptForRefusedLoginsAndClearedByAReset) {
    BrowserProfile profile;
    PageLoad page(profile);
    EXPECT_EQ(page.session.last_handshake(), nullptr) << "no certificate login yet";
    // 拒否 at the key prompt: the client's internal_error.
    ASSERT_TRUE(page.apply(cmd::StartAdminLogin{}));
    EXPECT_EQ(page.session.last_handshake(), nullptr) << "the chooser is open: the handshake has not ended";
    page.apply(cmd::ChooseCertificate{page.flow().store().certificates.back().serial});
    ASSERT_EQ(page.screen(), Screen::KeyAccess);
    page.apply(cmd::DenyKeyAccess{});
    ASSERT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), PcResult::KeyAccessDenied);
    const cp::tls::Capture* refused = page.session.last_handshake();
    ASSERT_NE(refused, nullptr);
    EXPECT_EQ(refused->outcome, Outcome::KeyAccessDenied);
    ASSERT_TRUE(refused->alert.has_value());
    EXPECT_EQ(refused->alert->direction, cp::tls::Direction::ClientToServer);
    EXPECT_EQ(int{refused->alert->description}, 80);
    EXPECT_EQ(refused->version, cp::tls::Version::Tls13) << "the default";
    // An expired certificate: the server's certificate_expired; the page says what it said.
    ASSERT_EQ(page.bank().advance_time(cp::days(400)), FlowResult::Ok);
    cp::test::choose_certificate(page);
    ASSERT_EQ(page.screen(), Screen::Failed);
    EXPECT_EQ(page.flow().failure(), BankResult::AdminCertificateExpired);
    const cp::tls::Capture* expired = page.session.last_handshake();
    ASSERT_NE(expired, nullptr);
    EXPECT_EQ(expired->outcome, Outcome::Expired) << "the next login replaces it";
    ASSERT_TRUE(expired->alert.has_value());
    EXPECT_EQ(int{expired->alert->description}, 45);
    // A reset: another world, no handshake of it yet.
    page.load_preset(cp::Preset::SeedWorld);
    EXPECT_EQ(page.session.last_handshake(), nullptr);
    cp::test::log_in_as_admin(page);
    ASSERT_NE(page.session.last_handshake(), nullptr);
    EXPECT_EQ(page.session.last_handshake()->outcome, Outcome::Ok);
    // A reload: a new session, nothing kept (it is never saved).
    PageLoad reload(profile);
    EXPECT_EQ(reload.session.last_handshake(), nullptr);
}

// The bank's profile chooses the version; it is saved with the world and survives a reload.
TEST(TlsSession, TheTlsVersionIsSavedWithTheWorld) {
    BrowserProfile profile;
    {
        PageLoad page(profile);
        std::vector<std::uint8_t> payload;
        std::uint16_t version = 0;
        ASSERT_EQ(cp::unwrap_record(read_store(profile, "bank").at("state"), cp::RecordKind::BankState, payload, &version),
                  cp::RecordError::None);
        EXPECT_EQ(version, cp::kRecordFormatVersion);
        cp::BankState state;
        ASSERT_EQ(cp::decode_bank_state(payload, state, version), FlowResult::Ok);
        EXPECT_EQ(state.config.tls_version, cp::TlsVersion::Tls13);
        state.config.tls_version = cp::TlsVersion::Tls12;
        put(profile, "bank", "state", cp::wrap_record(cp::RecordKind::BankState, cp::encode_bank_state(state)));
    }
    PageLoad reload(profile);
    EXPECT_EQ(reload.bank().state().config.tls_version, cp::TlsVersion::Tls12);
    cp::test::log_in_as_admin(reload);
    ASSERT_NE(reload.session.last_handshake(), nullptr);
    EXPECT_EQ(reload.session.last_handshake()->version, cp::tls::Version::Tls12);
    EXPECT_EQ(reload.session.last_handshake()->requested_authorities.size(), 1u) << "the bank's CA, off the wire";
}

// A world saved before the TLS login: its CA record has no server identity (version 1) and its bank
// state no TLS version (format 2). It loads as it is, gets a server identity made and saved, and its
// certificates log on.
TEST(TlsSession, AWorldSavedBeforeTheTlsLoginGetsAServerIdentityOnLoad) {
    BrowserProfile profile;
    std::string admin_serial;
    {
        PageLoad page(profile);
        admin_serial = page.bank().state().contract.admin_certificate.serial;
    }
    ASSERT_EQ(saved_ca_version(profile), 2);
    {  // Rewrite both records as the previous format wrote them.
        std::vector<std::uint8_t> payload;
        ASSERT_EQ(cp::unwrap_record(read_store(profile, "authority").at("ca"), cp::RecordKind::CertificateAuthority, payload),
                  cp::RecordError::None);
        cp::ByteReader r(payload);
        ASSERT_EQ(r.u8(), 2);
        cp::ByteWriter w;
        w.u8(1);
        for (int part = 0; part < 4; ++part) w.bytes(r.bytes(64 * 1024));  // root, issuing CA, its key, CRL
        ASSERT_FALSE(r.failed());
        put(profile, "authority", "ca", cp::wrap_record(cp::RecordKind::CertificateAuthority, w.take(), 2));
        std::vector<std::uint8_t> state_payload;
        ASSERT_EQ(cp::unwrap_record(read_store(profile, "bank").at("state"), cp::RecordKind::BankState, state_payload),
                  cp::RecordError::None);
        state_payload.pop_back();  // format 2 ended before the TLS version
        put(profile, "bank", "state", cp::wrap_record(cp::RecordKind::BankState, state_payload, 2));
    }
    ASSERT_EQ(saved_ca_version(profile), 1);
    PageLoad reload(profile);
    EXPECT_FALSE(reload.session.simulation()->created_this_run()) << "loaded, not made anew";
    EXPECT_TRUE(reload.session.simulation()->set_aside().empty());
    EXPECT_EQ(reload.bank().state().contract.admin_certificate.serial, admin_serial);
    EXPECT_EQ(reload.bank().state().config.tls_version, cp::TlsVersion::Tls13);
    EXPECT_FALSE(reload.session.simulation()->authority().server_certificate().empty());
    EXPECT_EQ(saved_ca_version(profile), 2) << "the identity made on load was saved";
    cp::test::log_in_as_admin(reload);
    EXPECT_EQ(reload.session.last_handshake()->outcome, Outcome::Ok);
    // The next load reads the saved identity (the same certificate), it does not make another.
    const std::vector<std::uint8_t> server(reload.session.simulation()->authority().server_certificate().der().begin(),
                                           reload.session.simulation()->authority().server_certificate().der().end());
    PageLoad again(profile);
    const cp::pki::ByteView der = again.session.simulation()->authority().server_certificate().der();
    EXPECT_EQ(std::vector<std::uint8_t>(der.begin(), der.end()), server);
}

}  // namespace tls_session_test
