#include "tasks/task.h"

#include <vector>

namespace cp {

std::string_view TaskText::in(Language language) const {
    if (id != TextId::Count_) return text(id, language);
    return language == Language::English ? en : ja;
}

namespace {

using K = CheckKind;
using T = TextId;

Holder s0001() { return Holder::user("S0001"); }

TaskText catalogue(TextId id) { return TaskText{id, {}, {}}; }

std::vector<Task> make_builtin_tasks() {
    std::vector<Task> tasks;
    // Seed 001 end to end: the administrator reissues S0001's expired certificate, S0001 picks it up
    // on 利用者のパソコン and logs on with it.
    tasks.push_back({"user-reissue", "user-expired", catalogue(T::TaskUserReissueTitle), catalogue(T::TaskUserReissueBrief),
                     Goal{{{K::NewCertificateSince, s0001(), PcId::User},
                           {K::HoldsCurrentCertificate, s0001(), PcId::User},
                           {K::LoggedOnWithCurrentSince, s0001(), PcId::User}}}});
    // Seed 001 part 2 alone: the reissued certificate is waiting; S0001 picks it up and logs on.
    tasks.push_back({"user-pickup", "pickup-pending", catalogue(T::TaskUserPickupTitle), catalogue(T::TaskUserPickupBrief),
                     Goal{{{K::HoldsCurrentCertificate, s0001(), PcId::User},
                           {K::LoggedOnWithCurrentSince, s0001(), PcId::User}}}});
    // Seed 000: the administrator renews, deletes only the old certificate, then logs on with the new.
    tasks.push_back({"admin-renewal", "admin-renewal", catalogue(T::TaskAdminRenewalTitle), catalogue(T::TaskAdminRenewalBrief),
                     Goal{{{K::NewCertificateSince, Holder::admin(), PcId::Admin},
                           {K::HoldsCurrentCertificate, Holder::admin(), PcId::Admin},
                           {K::NoOtherCertificate, Holder::admin(), PcId::Admin},
                           {K::LoggedOnWithCurrentSince, Holder::admin(), PcId::Admin}}}});
    // Seed 000 A3: S0001 renews their own certificate.
    tasks.push_back({"user-renewal", "user-renewal", catalogue(T::TaskUserRenewalTitle), catalogue(T::TaskUserRenewalBrief),
                     Goal{{{K::NewCertificateSince, s0001(), PcId::User},
                           {K::HoldsCurrentCertificate, s0001(), PcId::User}}}});
    // Recoveries: a locked contract unlocked through the branch; a lost card replaced. Each ends
    // with the administrator logged on again.
    tasks.push_back({"contract-unlock", "contract-locked", catalogue(T::TaskContractUnlockTitle), catalogue(T::TaskContractUnlockBrief),
                     Goal{{{K::ContractUnlocked, Holder::admin(), PcId::Admin},
                           {K::LoggedOnWithCurrentSince, Holder::admin(), PcId::Admin}}}});
    tasks.push_back({"card-replaced", "card-lost", catalogue(T::TaskCardReplacedTitle), catalogue(T::TaskCardReplacedBrief),
                     Goal{{{K::CardUsable, Holder::admin(), PcId::Admin},
                           {K::LoggedOnWithCurrentSince, Holder::admin(), PcId::Admin}}}});
    return tasks;
}

}  // namespace

std::span<const Task> builtin_tasks() {
    static const std::vector<Task> tasks = make_builtin_tasks();
    return tasks;
}

const Task* find_builtin_task(std::string_view id) {
    for (const Task& t : builtin_tasks()) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

}  // namespace cp
