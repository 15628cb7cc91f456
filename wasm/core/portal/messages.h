// certportal portal: the catalogue text for every result and input error (messages.cpp).
#pragma once

#include "bank/audit_log.h"
#include "bank/bank_state.h"
#include "bank/result.h"
#include "bank/validation.h"
#include "result/flow_result.h"
#include "text/catalogue.h"

namespace cp {

// Any layer's code: FlowResult, PcResult, PersistResult and FlowResult convert to the argument.
TextId result_text(FlowResult result);
// InputError::None gives ResultOk (there is nothing to say).
TextId input_error_text(InputError error);
// The 操作 column of 操作履歴監査.
TextId audit_action_text(AuditAction action);
// The 操作者 column of 操作履歴監査; a user (AuditActor::User) is shown by their 利用者ID instead.
TextId audit_actor_text(AuditActor actor);
// ステータス of a certificate record (利用者情報変更, the user grid).
TextId certificate_status_text(CertStatus status);
// The subject of a mail the bank sends (the mailbox, the console's "what happened").
TextId mail_subject_text(MailKind kind);
// The name of a paper form handed in at お取引店.
TextId branch_form_text(BranchRequestKind kind);

}  // namespace cp
