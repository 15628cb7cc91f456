#include "demo/guide.h"

#include <array>

namespace cp {
namespace {

using T = TextId;
constexpr T kNone = T::Count_;

// Seed 000: 電子証明書更新 by the administrator, then the old certificate deleted.
constexpr std::array<GuideStep, 13> kRenewal{{
    {T::Guide000Open, T::PcAdmin},          {T::Guide000Login, T::TopCertAdminLogin, T::TopAdminLogin}, {T::Guide000Choose, T::OsOk},
    {T::Guide000Pin, T::LogIn},             {T::Guide000Card, T::OsOk},              {T::Guide000Renew, T::AuthRenewCertificate},
    {T::Guide000Update, T::RenewalUpdate},  {T::Guide000Yes, T::OsYes},              {T::Guide000Level, T::OsOk},
    {T::Guide000Issuing, kNone},            {T::Guide000YesAgain, T::OsYes},         {T::Guide000Installed, T::CloseThisWindow},
    {T::Guide000Tools, T::BrowserToolsMenu},
}};
// Seed 001 part 1: the administrator reissues S0001's certificate.
constexpr std::array<GuideStep, 10> kReissue{{
    {T::Guide001aCard, T::DeskCustomerCard}, {T::Guide001aOpen, T::PcAdmin},       {T::Guide001aLogin, T::TopCertAdminLogin, T::TopAdminLogin},
    {T::Guide001aChoose, T::OsOk},           {T::Guide001aPin, T::LogIn},          {T::Guide001aCardAnswer, T::OsOk},
    {T::Guide001aNext, T::Next},             {T::Guide001aMenu, T::MenuTabManagement},
    {T::Guide001aUser, T::UserActionsExpander}, {T::Guide001aReissue, T::ActionReissue},
}};
// Seed 001 part 2: the user picks the certificate up with the acquisition app.
constexpr std::array<GuideStep, 8> kPickup{{
    {T::Guide001bPrepare, T::DeskSampleData}, {T::Guide001bOpen, T::PcUser},       {T::Guide001bAcquire, T::TopCertAcquire, T::TopUserLogin},
    {T::Guide001bIds, T::Next},               {T::Guide001bOtp, T::PickupAcquire}, {T::Guide001bDownload, T::CaPageDownload},
    {T::Guide001bObtain, T::CaPageAcquire},   {T::Guide001bDone, T::Close},
}};

GuidePosition at(std::size_t step, bool done = false) { return GuidePosition{step, done}; }

// Where the administrator's flow is, in the terms of the seeds' steps (one switch over the
// flow's screens and one over the nested renewal's: a new screen does not compile until it is placed).
enum class AdminPhase : std::uint8_t { Choose, Pin, Card, Notices, Menu, Grid, Edit, Reissued, Start, Web, Level, Issuing, Install, Renewed };

AdminPhase renewal_phase(RenewalFlow::Screen screen) {
    using S = RenewalFlow::Screen;
    switch (screen) {
    case S::Start: return AdminPhase::Start;
    case S::WebAccess: return AdminPhase::Web;
    case S::Protection: return AdminPhase::Level;
    case S::ProtectionSettings: return AdminPhase::Level;
    case S::Issuing: return AdminPhase::Issuing;
    case S::Install: return AdminPhase::Install;
    case S::Done: return AdminPhase::Renewed;
    case S::Failed: return AdminPhase::Menu;
    case S::Count_: break;
    }
    return AdminPhase::Menu;
}

AdminPhase admin_phase(const AdminFlow& flow) {
    using S = AdminFlow::Screen;
    switch (flow.screen()) {
    case S::ChooseCertificate: return AdminPhase::Choose;
    case S::KeyAccess: return AdminPhase::Choose;
    case S::UnlockingKey: return AdminPhase::Choose;
    case S::ContractPin: return AdminPhase::Pin;
    case S::CardChallenge: return AdminPhase::Card;
    case S::Notices: return AdminPhase::Notices;
    case S::Menu: return AdminPhase::Menu;
    case S::Failed: return AdminPhase::Menu;  // back to the menu or the top: the step before
    case S::UserGrid: return AdminPhase::Grid;
    case S::UserEdit: return AdminPhase::Edit;
    case S::UserDone: return AdminPhase::Reissued;
    case S::Renewal: return renewal_phase(flow.renewal_flow()->screen());
    case S::Count_: break;
    }
    return AdminPhase::Menu;
}

// The step of each phase, in AdminPhase's order.
constexpr std::array<std::size_t, 14> kRenewalStepOf{2, 3, 4, 5, 5, 5, 5, 5, 6, 7, 8, 9, 10, 11};
constexpr std::array<std::size_t, 14> kReissueStepOf{3, 4, 5, 6, 7, 8, 9, 9, 7, 7, 7, 7, 7, 7};

GuidePosition renewal_position(const Session& s) {
    if (s.desk().pc() != PcId::Admin) return at(0);
    if (s.certificate_manager() != nullptr) return at(12);
    const AdminFlow* flow = s.admin_flow();
    const PcCertificateStore* store = s.pc_store(PcId::Admin);
    if (flow == nullptr) return at(store != nullptr && store->certificates.size() > 1 ? 12 : 1);
    return at(kRenewalStepOf[static_cast<std::size_t>(admin_phase(*flow))]);
}

GuidePosition reissue_position(const Session& s) {
    if (s.desk().pc() != PcId::Admin) return at(1);
    const AdminFlow* flow = s.admin_flow();
    if (flow == nullptr) return at(2);
    const AdminPhase phase = admin_phase(*flow);
    return at(kReissueStepOf[static_cast<std::size_t>(phase)], phase == AdminPhase::Reissued);
}

GuidePosition pickup_position(const Session& s) {
    if (s.desk().pc() != PcId::User) return at(1);
    const UserFlow* flow = s.user_flow();
    if (flow == nullptr) return at(2);
    switch (flow->screen()) {
    case UserFlow::Screen::PickupIds: return at(3);
    case UserFlow::Screen::PickupOneTimePassword: return at(4);
    case UserFlow::Screen::PickupCaPage:
        switch (flow->app_window()) {
        case UserFlow::AppWindow::Closed: return at(5);
        case UserFlow::AppWindow::Ready:
        case UserFlow::AppWindow::Working: return at(6);
        case UserFlow::AppWindow::Done: return at(7);
        }
        return at(5);
    case UserFlow::Screen::PickupWebAccess:
    case UserFlow::Screen::PickupIssuing: return at(6);
    case UserFlow::Screen::PickupDone:
    case UserFlow::Screen::LoginChooseCertificate:
    case UserFlow::Screen::LoginKeyAccess:
    case UserFlow::Screen::LoginUnlockingKey:
    case UserFlow::Screen::LoginPin:
    case UserFlow::Screen::LoginLanding:
    case UserFlow::Screen::Renewal: return at(7, true);  // logged on with the picked-up certificate
    case UserFlow::Screen::Failed:
    case UserFlow::Screen::Count_: return at(2);
    }
    return at(2);
}

}  // namespace

std::span<const GuideStep> guide_steps(SeedProcedure procedure) {
    switch (procedure) {
    case SeedProcedure::AdminRenewal: return kRenewal;
    case SeedProcedure::UserReissue: return kReissue;
    case SeedProcedure::UserPickup: return kPickup;
    case SeedProcedure::None:
    case SeedProcedure::BranchForm: break;
    }
    return {};
}

TextId guide_title(SeedProcedure procedure) {
    switch (procedure) {
    case SeedProcedure::AdminRenewal: return T::Guide000Title;
    case SeedProcedure::UserReissue: return T::Guide001aTitle;
    case SeedProcedure::UserPickup: return T::Guide001bTitle;
    case SeedProcedure::None:
    case SeedProcedure::BranchForm: break;
    }
    return T::GuideTitle;
}

namespace {

GuidePosition position_of(SeedProcedure procedure, const Session& session) {
    switch (procedure) {
    case SeedProcedure::AdminRenewal: return renewal_position(session);
    case SeedProcedure::UserReissue: return reissue_position(session);
    case SeedProcedure::UserPickup: return pickup_position(session);
    case SeedProcedure::None:
    case SeedProcedure::BranchForm: break;
    }
    return {};
}

}  // namespace

GuidePosition guide_position(SeedProcedure procedure, const Session& session) {
    GuidePosition at = position_of(procedure, session);
    const std::span<const GuideStep> steps = guide_steps(procedure);
    if (at.step >= steps.size()) return at;
    const GuideStep& step = steps[at.step];
    // On the top page, a step whose button is on 利用者ログイン's or 管理者ログイン's page starts
    // with the top page's button to it.
    const bool on_top = session.desk().site_page() == SitePage::Top && session.admin_flow() == nullptr &&
                        session.admin_pickup() == nullptr && session.user_flow() == nullptr;
    at.target = step.page != kNone && on_top ? step.page : step.target;
    return at;
}

}  // namespace cp
