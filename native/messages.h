// libjack's error and info functions are process-wide and called from any thread, the realtime one
// included. One C handler per kind copies each message into the mailbox of the environment that
// asked for it; with no JS function set it prints to stderr as libjack's default does.
#pragma once

#include <napi.h>

namespace jackclient {

enum class MessageKind { kError = 0, kInfo = 1 };

void forwardMessages(Napi::Env env, MessageKind kind, bool enabled);
void stopForwardingTo(Napi::Env env);

}  // namespace jackclient
