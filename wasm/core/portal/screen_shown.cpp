#include "portal/screen_shown.h"

namespace cp {

namespace {

const char* site_page_name(SitePage page) {
    switch (page) {
    case SitePage::Top: return "Top";
    case SitePage::UserLogin: return "UserLogin";
    case SitePage::AdminLogin: return "AdminLogin";
    }
    return "Top";
}

// "<flow>/<screen>", and "/<renewal screen>" while 証明書更新 runs in it.
template <class Flow, class Row, std::size_t N>
std::string holder_screen(const char* flow_name, const Flow& flow, const Row (&table)[N]) {
    std::string name = std::string(flow_name) + "/" + screen_row(table, flow.screen()).name;
    if (flow.screen() == Flow::Screen::Renewal && flow.renewal_flow() != nullptr)
        name += std::string("/") + screen_row(kRenewalScreens, flow.renewal_flow()->screen()).name;
    return name;
}

}  // namespace

std::string screen_shown(const Session& session) {
    if (const CertificateManagerFlow* m = session.certificate_manager())
        return std::string("manager/") + screen_row(kCertificateManagerScreens, m->screen()).name;
    if (const AdminFlow* a = session.admin_flow()) return holder_screen("admin", *a, kAdminScreens);
    if (const UserFlow* u = session.user_flow()) return holder_screen("user", *u, kUserScreens);
    if (const AdminPickupFlow* p = session.admin_pickup())
        return std::string("admin-pickup/") + screen_row(kAdminPickupScreens, p->screen()).name;
    return std::string("site/") + site_page_name(session.desk().site_page());
}

}  // namespace cp
