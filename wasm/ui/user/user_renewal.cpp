// A user's own 証明書更新 (seed 000 A3: 管理者または利用者からログオンし、更新を行ってください): the
// administrator's renewal screens (renewal/) with the user's sentences, renewing the certificate
// the user logged on with, on this PC.
#include "renewal/renewal_screens.h"
#include "user/user_screens.h"

namespace cp::ui {

void draw_user_renewal(const Ui& ui, UserFlow& flow) {
    const User* u = flow.user();
    RenewalHolder holder;
    holder.from_this_pc = TextId::UserRenewalFromThisPc;
    holder.intro = TextId::UserRenewalIntro;
    holder.only_this_pc = TextId::UserRenewalDoneOnlyThisPc;
    holder.current_expiry = u != nullptr ? u->certificate.not_after : 0;
    draw_renewal_page(ui, *flow.renewal_flow(), holder);
}

}  // namespace cp::ui
