// certportal portal: the name of what a person sees now — one string from the flows' screen tables
// (portal/flows/screen_table.h), for a task's path of screens, a replay's timeline and the embed's
// "screen shown" event (docs/architecture.md, "The seam the next features share"):
//   site/Top, site/UserLogin, site/AdminLogin    the bank's pages before a flow
//   admin/<screen>, user/<screen>                 the administrator's / the user's flow
//   admin/Renewal/<screen>, user/Renewal/<screen> 証明書更新 nested in either
//   admin-pickup/<screen>                         管理者電子証明書取得
//   manager/<screen>                              the browser's certificate manager, over any page
// The names are stable: a recording or a task file keeps them.
#pragma once

#include <string>

#include "portal/session.h"

namespace cp {

std::string screen_shown(const Session& session);

}  // namespace cp
