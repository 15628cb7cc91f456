// certportal tasks: a task's goal — checks on the real state of the bank and the PCs, never on which
// buttons were clicked (a participant who reaches the state another way has met the goal).
//
// The vocabulary is fixed and documented (docs/tasks.md): each check has a stable id used in task
// files and in results (check_kind_id), a holder when it is about one, and a PC when it is about a
// PC's store. A goal is met when every check holds. "Since the start" means after the audit entries
// the world had when the task began (TaskStart): the bank's hash-chained audit log is the record of
// what happened, so a goal can ask that something was done during the task, not before it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "bank/bank.h"
#include "bank/holder.h"
#include "pc/pc_certificate_store.h"
#include "pc/pc_id.h"

namespace cp {

enum class CheckKind : std::uint8_t {
    HoldsCurrentCertificate,  // the bank's current certificate of `holder` is valid now and installed on `pc`
    NoOtherCertificate,       // `pc` holds no certificate of `holder` other than the bank's current one
    NewCertificateSince,      // `holder`'s current certificate was installed (reissue + pickup, or renewal) since the start
    LoggedOnWithCurrentSince, // `holder` completed a certificate login with the current certificate since the start
    AwaitsPickup,             // `holder`'s certificate is 取得待ち (reissued, not yet picked up)
    Revoked,                  // `holder`'s certificate is 失効
    ContractUnlocked,         // the contract is not locked (暗証番号閉塞 lifted)
    UserActive,               // `holder` (a user) is not 利用中止
    CardUsable,               // the お客様カード in hand is not reported lost
    Count_
};
inline constexpr int kCheckKindCount = static_cast<int>(CheckKind::Count_);

// The check's id in task files and results ("holds-current-certificate", …); stable.
std::string_view check_kind_id(CheckKind kind);
std::optional<CheckKind> check_kind_from_id(std::string_view id);
// Whether the check names a holder / a PC (a task file must give them, and only them).
bool check_needs_holder(CheckKind kind);
bool check_needs_pc(CheckKind kind);

struct Check {
    CheckKind kind = CheckKind::ContractUnlocked;
    Holder holder = Holder::admin();  // when check_needs_holder(kind)
    PcId pc = PcId::Admin;            // when check_needs_pc(kind)
    bool operator==(const Check&) const = default;
};

struct Goal {
    std::vector<Check> checks;  // all must hold
};

// The world when the task began: how much of the audit log was already there.
struct TaskStart {
    std::size_t audit_entries = 0;
};
TaskStart task_start(const Bank& bank);

// What a goal checks: the bank and both PCs' stores.
struct WorldState {
    const Bank& bank;
    const PcCertificateStore& admin_pc;
    const PcCertificateStore& user_pc;
    const PcCertificateStore& pc(PcId id) const { return id == PcId::Admin ? admin_pc : user_pc; }
};

bool check_holds(const Check& check, const WorldState& world, const TaskStart& start);

struct GoalReport {
    std::vector<bool> met;  // per check, in order
    bool all_met() const;
};
GoalReport evaluate(const Goal& goal, const WorldState& world, const TaskStart& start);

}  // namespace cp
