#include "replay/command_codec.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <type_traits>

namespace cp {

namespace {

// --- names -----------------------------------------------------------------------------------------
// One line per command type: its stable name. A command type without a line does not compile.
template <class T>
struct CommandName;
#define CP_COMMAND_NAME(Type, Name)                                   \
    template <>                                                       \
    struct CommandName<Type> {                                        \
        static constexpr std::string_view value = Name;               \
    };
CP_COMMAND_NAME(cmd::StartAdminLogin, "StartAdminLogin")
CP_COMMAND_NAME(cmd::LeaveFlow, "LeaveFlow")
CP_COMMAND_NAME(cmd::SwitchPc, "SwitchPc")
CP_COMMAND_NAME(cmd::OpenPanel, "OpenPanel")
CP_COMMAND_NAME(cmd::ReportCardLost, "ReportCardLost")
CP_COMMAND_NAME(cmd::AdvanceClock, "AdvanceClock")
CP_COMMAND_NAME(cmd::MoveClockTo, "MoveClockTo")
CP_COMMAND_NAME(cmd::DismissSaveError, "DismissSaveError")
CP_COMMAND_NAME(cmd::ReadMail, "ReadMail")
CP_COMMAND_NAME(cmd::SubmitBranchRequest, "SubmitBranchRequest")
CP_COMMAND_NAME(cmd::StartAdminPickup, "StartAdminPickup")
CP_COMMAND_NAME(cmd::OpenInternetOptions, "OpenInternetOptions")
CP_COMMAND_NAME(cmd::CloseInternetOptions, "CloseInternetOptions")
CP_COMMAND_NAME(cmd::StartUserPickup, "StartUserPickup")
CP_COMMAND_NAME(cmd::StartUserLogin, "StartUserLogin")
CP_COMMAND_NAME(cmd::SetBrowserKind, "SetBrowserKind")
CP_COMMAND_NAME(cmd::ReloadInIeMode, "ReloadInIeMode")
CP_COMMAND_NAME(cmd::CloseIeBanner, "CloseIeBanner")
CP_COMMAND_NAME(cmd::LeaveIeMode, "LeaveIeMode")
CP_COMMAND_NAME(cmd::OpenSitePage, "OpenSitePage")
CP_COMMAND_NAME(cmd::ShowHandshake, "ShowHandshake")
CP_COMMAND_NAME(cmd::ToggleHandshakeMessage, "ToggleHandshakeMessage")
CP_COMMAND_NAME(cmd::ChooseCertificate, "ChooseCertificate")
CP_COMMAND_NAME(cmd::ShowCertificateProperties, "ShowCertificateProperties")
CP_COMMAND_NAME(cmd::GrantKeyAccess, "GrantKeyAccess")
CP_COMMAND_NAME(cmd::DenyKeyAccess, "DenyKeyAccess")
CP_COMMAND_NAME(cmd::SubmitContractPin, "SubmitContractPin")
CP_COMMAND_NAME(cmd::ClearContractPin, "ClearContractPin")
CP_COMMAND_NAME(cmd::SubmitCardAnswers, "SubmitCardAnswers")
CP_COMMAND_NAME(cmd::SetHideNotices, "SetHideNotices")
CP_COMMAND_NAME(cmd::AcknowledgeNotices, "AcknowledgeNotices")
CP_COMMAND_NAME(cmd::SelectMenuTab, "SelectMenuTab")
CP_COMMAND_NAME(cmd::ToggleMenuSection, "ToggleMenuSection")
CP_COMMAND_NAME(cmd::VerifyAuditLog, "VerifyAuditLog")
CP_COMMAND_NAME(cmd::OpenUserMaintenance, "OpenUserMaintenance")
CP_COMMAND_NAME(cmd::SelectUser, "SelectUser")
CP_COMMAND_NAME(cmd::ShowMoreUsers, "ShowMoreUsers")
CP_COMMAND_NAME(cmd::ToggleUserActions, "ToggleUserActions")
CP_COMMAND_NAME(cmd::ChooseChange, "ChooseChange")
CP_COMMAND_NAME(cmd::SetCertificateAction, "SetCertificateAction")
CP_COMMAND_NAME(cmd::SetRevokeReason, "SetRevokeReason")
CP_COMMAND_NAME(cmd::SubmitCertificateAction, "SubmitCertificateAction")
CP_COMMAND_NAME(cmd::ReturnToMenu, "ReturnToMenu")
CP_COMMAND_NAME(cmd::OpenRenewal, "OpenRenewal")
CP_COMMAND_NAME(cmd::StartRenewal, "StartRenewal")
CP_COMMAND_NAME(cmd::AnswerWebAccess, "AnswerWebAccess")
CP_COMMAND_NAME(cmd::OpenProtectionSettings, "OpenProtectionSettings")
CP_COMMAND_NAME(cmd::SetProtectionChoice, "SetProtectionChoice")
CP_COMMAND_NAME(cmd::CloseProtectionSettings, "CloseProtectionSettings")
CP_COMMAND_NAME(cmd::AnswerProtection, "AnswerProtection")
CP_COMMAND_NAME(cmd::CloseRenewal, "CloseRenewal")
CP_COMMAND_NAME(cmd::ShowContentTab, "ShowContentTab")
CP_COMMAND_NAME(cmd::OpenCertificateList, "OpenCertificateList")
CP_COMMAND_NAME(cmd::CloseCertificateList, "CloseCertificateList")
CP_COMMAND_NAME(cmd::SelectStoreTab, "SelectStoreTab")
CP_COMMAND_NAME(cmd::HighlightCertificate, "HighlightCertificate")
CP_COMMAND_NAME(cmd::ShowCertificateDetails, "ShowCertificateDetails")
CP_COMMAND_NAME(cmd::DeleteCertificate, "DeleteCertificate")
CP_COMMAND_NAME(cmd::ConfirmDeletion, "ConfirmDeletion")
CP_COMMAND_NAME(cmd::SubmitPickupIds, "SubmitPickupIds")
CP_COMMAND_NAME(cmd::AnswerPickupWebAccess, "AnswerPickupWebAccess")
CP_COMMAND_NAME(cmd::user::SubmitIds, "user.SubmitIds")
CP_COMMAND_NAME(cmd::user::SubmitOneTimePassword, "user.SubmitOneTimePassword")
CP_COMMAND_NAME(cmd::user::Download, "user.Download")
CP_COMMAND_NAME(cmd::user::OpenDownload, "user.OpenDownload")
CP_COMMAND_NAME(cmd::user::Acquire, "user.Acquire")
CP_COMMAND_NAME(cmd::user::CloseApp, "user.CloseApp")
CP_COMMAND_NAME(cmd::user::AnswerWebAccess, "user.AnswerWebAccess")
CP_COMMAND_NAME(cmd::user::ChooseCertificate, "user.ChooseCertificate")
CP_COMMAND_NAME(cmd::user::ShowCertificateProperties, "user.ShowCertificateProperties")
CP_COMMAND_NAME(cmd::user::GrantKeyAccess, "user.GrantKeyAccess")
CP_COMMAND_NAME(cmd::user::DenyKeyAccess, "user.DenyKeyAccess")
CP_COMMAND_NAME(cmd::user::SubmitPin, "user.SubmitPin")
#undef CP_COMMAND_NAME

// --- enumerations: the last valid number of each ----------------------------------------------------
template <class E>
constexpr std::underlying_type_t<E> last_of();
template <> constexpr std::uint8_t last_of<SitePage>() { return static_cast<std::uint8_t>(SitePage::AdminLogin); }
template <> constexpr std::uint8_t last_of<PcId>() { return static_cast<std::uint8_t>(PcId::User); }
template <> constexpr std::uint8_t last_of<DeskPanel>() { return static_cast<std::uint8_t>(DeskPanel::Token); }
template <> constexpr std::uint8_t last_of<BranchRequestKind>() { return static_cast<std::uint8_t>(BranchRequestKind::Count_) - 1; }
template <> constexpr std::uint8_t last_of<BrowserKind>() { return static_cast<std::uint8_t>(BrowserKind::Chrome); }
template <> constexpr std::uint8_t last_of<MenuTab>() { return static_cast<std::uint8_t>(MenuTab::ManagementInfo); }
template <> constexpr std::uint8_t last_of<MenuSection>() { return static_cast<std::uint8_t>(MenuSection::AuditLog); }
template <> constexpr std::uint8_t last_of<RevokeReason>() { return static_cast<std::uint8_t>(RevokeReason::Count_) - 1; }
template <> constexpr std::uint8_t last_of<UserCertificateAction>() { return static_cast<std::uint8_t>(UserCertificateAction::Revoke); }
template <> constexpr std::uint8_t last_of<KeyProtection>() { return static_cast<std::uint8_t>(KeyProtection::High); }
template <> constexpr std::uint8_t last_of<CertificateStoreTab>() { return static_cast<std::uint8_t>(CertificateStoreTab::TrustedRoot); }

// --- fields: one list per command, read by both directions ------------------------------------------
// `io(name, member)` for each member, in order. A command with members and no list does not compile.
template <class T, class IO>
void fields(T&, IO&) {
    static_assert(std::is_empty_v<T>, "a command with members needs its field list below");
}
template <class IO> void fields(cmd::SwitchPc& c, IO& io) { io("pc", c.pc); }
template <class IO> void fields(cmd::OpenPanel& c, IO& io) { io("panel", c.panel); }
template <class IO> void fields(cmd::AdvanceClock& c, IO& io) { io("days", c.days); }
template <class IO> void fields(cmd::MoveClockTo& c, IO& io) { io("to", c.to); }
template <class IO> void fields(cmd::ReadMail& c, IO& io) { io("mail_id", c.mail_id); }
template <class IO> void fields(cmd::SubmitBranchRequest& c, IO& io) { io("kind", c.kind); }
template <class IO> void fields(cmd::SetBrowserKind& c, IO& io) { io("kind", c.kind); }
template <class IO> void fields(cmd::OpenSitePage& c, IO& io) { io("page", c.page); }
template <class IO> void fields(cmd::ShowHandshake& c, IO& io) { io("open", c.open); }
template <class IO> void fields(cmd::ToggleHandshakeMessage& c, IO& io) { io("index", c.index); }
template <class IO> void fields(cmd::ChooseCertificate& c, IO& io) { io("serial", c.serial); }
template <class IO> void fields(cmd::ShowCertificateProperties& c, IO& io) { io("serial", c.serial); }
template <class IO> void fields(cmd::GrantKeyAccess& c, IO& io) { io("password", c.password); }
template <class IO> void fields(cmd::SubmitContractPin& c, IO& io) { io("pin", c.pin); }
template <class IO> void fields(cmd::SubmitCardAnswers& c, IO& io) { io("first", c.first); io("second", c.second); }
template <class IO> void fields(cmd::SetHideNotices& c, IO& io) { io("hide", c.hide); }
template <class IO> void fields(cmd::SelectMenuTab& c, IO& io) { io("tab", c.tab); }
template <class IO> void fields(cmd::ToggleMenuSection& c, IO& io) { io("section", c.section); }
template <class IO> void fields(cmd::SelectUser& c, IO& io) { io("user_id", c.user_id); }
template <class IO> void fields(cmd::SetCertificateAction& c, IO& io) { io("action", c.action); }
template <class IO> void fields(cmd::SetRevokeReason& c, IO& io) { io("reason", c.reason); }
template <class IO> void fields(cmd::SubmitCertificateAction& c, IO& io) { io("confirmation_pin", c.confirmation_pin); }
template <class IO> void fields(cmd::AnswerWebAccess& c, IO& io) { io("yes", c.yes); }
template <class IO> void fields(cmd::SetProtectionChoice& c, IO& io) { io("level", c.level); }
template <class IO> void fields(cmd::CloseProtectionSettings& c, IO& io) { io("accept", c.accept); io("password", c.password); io("again", c.again); }
template <class IO> void fields(cmd::AnswerProtection& c, IO& io) { io("ok", c.ok); }
template <class IO> void fields(cmd::SelectStoreTab& c, IO& io) { io("tab", c.tab); }
template <class IO> void fields(cmd::HighlightCertificate& c, IO& io) { io("id", c.id); }
template <class IO> void fields(cmd::ShowCertificateDetails& c, IO& io) { io("id", c.id); }
template <class IO> void fields(cmd::ConfirmDeletion& c, IO& io) { io("yes", c.yes); }
template <class IO> void fields(cmd::SubmitPickupIds& c, IO& io) { io("contract_id", c.contract_id); io("contract_pin", c.contract_pin); }
template <class IO> void fields(cmd::AnswerPickupWebAccess& c, IO& io) { io("yes", c.yes); }
template <class IO> void fields(cmd::user::SubmitIds& c, IO& io) { io("contract_id", c.contract_id); io("user_id", c.user_id); io("pin", c.pin); }
template <class IO> void fields(cmd::user::SubmitOneTimePassword& c, IO& io) { io("code", c.code); }
template <class IO> void fields(cmd::user::AnswerWebAccess& c, IO& io) { io("yes", c.yes); }
template <class IO> void fields(cmd::user::ChooseCertificate& c, IO& io) { io("serial", c.serial); }
template <class IO> void fields(cmd::user::ShowCertificateProperties& c, IO& io) { io("serial", c.serial); }
template <class IO> void fields(cmd::user::GrantKeyAccess& c, IO& io) { io("password", c.password); }
template <class IO> void fields(cmd::user::SubmitPin& c, IO& io) { io("pin", c.pin); }

// --- the two directions -----------------------------------------------------------------------------
struct Writer {
    CommandFields& out;
    void put(const char* name, std::string value) { out.fields.emplace_back(name, std::move(value)); }
    void operator()(const char* name, std::string& v) { put(name, v); }
    void operator()(const char* name, Secret& v) { put(name, recorded(v)); }
    void operator()(const char* name, bool& v) { put(name, v ? "true" : "false"); }
    template <class N>
        requires std::is_integral_v<N>
    void operator()(const char* name, N& v) { put(name, std::to_string(v)); }
    template <class E>
        requires std::is_enum_v<E>
    void operator()(const char* name, E& v) { put(name, std::to_string(static_cast<unsigned>(v))); }
};

struct Reader {
    const CommandFields& in;
    std::string_view command;
    const SecretStandIn& secrets;
    std::string error;
    std::size_t read = 0;

    std::optional<std::string_view> take(const char* name) {
        if (!error.empty()) return std::nullopt;
        for (const auto& [key, value] : in.fields) {
            if (key == name) {
                ++read;
                return value;
            }
        }
        error = std::string(command) + ": the field \"" + name + "\" is missing";
        return std::nullopt;
    }
    void malformed(const char* name, std::string_view value) {
        error = std::string(command) + ": the field \"" + name + "\" has an invalid value \"" + std::string(value) + "\"";
    }
    template <class N>
    bool number(const char* name, std::string_view text, N& out) {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) {
            malformed(name, text);
            return false;
        }
        return true;
    }
    void operator()(const char* name, std::string& v) {
        if (auto t = take(name)) v = std::string(*t);
    }
    void operator()(const char* name, Secret& v) {
        const auto t = take(name);
        if (!t) return;
        if (*t != "given" && *t != "empty") return malformed(name, *t);
        v = secrets ? secrets(command, name, *t == "given") : Secret();
    }
    void operator()(const char* name, bool& v) {
        const auto t = take(name);
        if (!t) return;
        if (*t != "true" && *t != "false") return malformed(name, *t);
        v = *t == "true";
    }
    template <class N>
        requires std::is_integral_v<N>
    void operator()(const char* name, N& v) {
        if (auto t = take(name)) (void)number(name, *t, v);
    }
    template <class E>
        requires std::is_enum_v<E>
    void operator()(const char* name, E& v) {
        const auto t = take(name);
        unsigned n = 0;
        if (!t || !number(name, *t, n)) return;
        if (n > last_of<E>()) return malformed(name, *t);
        v = static_cast<E>(n);
    }
};

// The names of a command's fields.
struct FieldNames {
    std::vector<std::string_view> names;
    template <class V>
    void operator()(const char* name, V&) { names.push_back(name); }
};

// Calls f(std::type_identity<T>{}) for every command type T, in the order of the variants.
template <class Variant, class F, std::size_t... I>
void each_alternative(F& f, std::index_sequence<I...>) {
    (f(std::type_identity<std::variant_alternative_t<I, Variant>>{}), ...);
}
template <class F>
void each_command_type(F&& f) {
    const auto inner = [&]<class Inner>(std::type_identity<Inner>) {
        each_alternative<Inner>(f, std::make_index_sequence<std::variant_size_v<Inner>>{});
    };
    each_alternative<Command>(inner, std::make_index_sequence<std::variant_size_v<Command>>{});
}

}  // namespace

CommandFields encode_command(const Command& command) {
    CommandFields out;
    std::visit([&](const auto& inner) {
        std::visit([&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            out.name = std::string(CommandName<T>::value);
            T copy = c;  // the field lists take members by reference for both directions
            Writer w{out};
            fields(copy, w);
        }, inner);
    }, command);
    return out;
}

bool decode_command(const CommandFields& in, const SecretStandIn& secrets, Command& out, std::string& error) {
    bool found = false;
    bool ok = false;
    each_command_type([&]<class T>(std::type_identity<T>) {
        if (found || CommandName<T>::value != in.name) return;
        found = true;
        T c{};
        Reader r{in, CommandName<T>::value, secrets, {}};
        fields(c, r);
        if (r.error.empty() && r.read != in.fields.size()) {
            // More fields than the command reads: one it does not have, or one given twice.
            FieldNames names;
            fields(c, names);
            std::vector<std::string_view> seen;
            for (const auto& [key, value] : in.fields) {
                const bool known = std::find(names.names.begin(), names.names.end(), key) != names.names.end();
                const bool twice = std::find(seen.begin(), seen.end(), key) != seen.end();
                if (!known || twice) {
                    r.error = in.name + ": the field \"" + key + (known ? "\" is given twice" : "\" is not one of its fields");
                    break;
                }
                seen.push_back(key);
            }
        }
        if (!r.error.empty()) {
            error = r.error;
            return;
        }
        out = make_command(std::move(c));
        ok = true;
    });
    if (!found) error = "unknown command \"" + in.name + "\"";
    return ok;
}

std::vector<std::string_view> command_names() {
    std::vector<std::string_view> names;
    each_command_type([&]<class T>(std::type_identity<T>) { names.push_back(CommandName<T>::value); });
    return names;
}

}  // namespace cp
