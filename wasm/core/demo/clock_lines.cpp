#include "demo/clock_lines.h"

#include <cstdio>

#include "portal/messages.h"

namespace cp {
namespace {

std::string format(const char* pattern, const std::string& a, const std::string& b = {}) {
    char buffer[512];
    // The pattern is a catalogue entry with one or two %s (the catalogue test checks that both
    // languages have the same conversions); a second argument it does not use is ignored.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    std::snprintf(buffer, sizeof buffer, pattern, a.c_str(), b.c_str());
#pragma GCC diagnostic pop
    return buffer;
}

std::string holder_name(const Holder& holder, Language language) {
    return holder.is_admin() ? text(TextId::ConsoleHolderAdmin, language) : holder.user_id();
}

}  // namespace

std::string clock_event_line(const ClockEvent& e, Language language) {
    switch (e.kind) {
    case ClockEventKind::MailSent:
        return format(text(TextId::ClockEventMail, language), text(mail_subject_text(e.mail), language),
                      holder_name(e.holder, language));
    case ClockEventKind::BranchRequestDone:
        return format(text(TextId::ClockEventBranch, language), text(branch_form_text(e.request), language));
    case ClockEventKind::CertificateExpired:
        return format(text(TextId::ClockEventExpired, language), holder_name(e.holder, language));
    case ClockEventKind::PickupWindowPassed:
        return format(text(TextId::ClockEventPickupPassed, language), holder_name(e.holder, language));
    case ClockEventKind::CrlPublished:
        return format(text(TextId::ClockEventCrl, language), std::to_string(e.crl_number));
    case ClockEventKind::Count_: break;
    }
    return {};
}

}  // namespace cp
