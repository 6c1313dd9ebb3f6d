// Per-environment state (the main thread and each worker thread that loads the addon): the mailbox,
// the libuv wake-up handle, the JS dispatch function and the clients to close at teardown.
#pragma once

#include <napi.h>
#include <uv.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "mailbox.h"

namespace jackclient {

struct ClientCore;

class Environment : public std::enable_shared_from_this<Environment> {
 public:
  static std::shared_ptr<Environment> create(Napi::Env env);
  static std::shared_ptr<Environment> of(Napi::Env env);

  // Any thread, realtime included: never blocks, never allocates.
  void post(RecordKind kind, uint32_t client, int64_t number, const char* text);
  void post(RecordKind kind, uint32_t client, int64_t number, const char* text, size_t length);

  void setDispatcher(Napi::Function dispatcher);
  uint32_t nextClientId() { return ++lastClientId_; }
  void track(ClientCore* core);
  void untrack(ClientCore* core);

 private:
  explicit Environment(Napi::Env env);
  static void onWake(uv_async_t* handle);
  static void onCleanup(void* data);
  void drain();
  void teardown();

  Napi::Env env_;
  Mailbox mailbox_;
  uv_async_t wake_;
  std::atomic<bool> open_{true};
  std::atomic<int> posting_{0};
  Napi::FunctionReference dispatcher_;
  std::unique_ptr<Napi::AsyncContext> asyncContext_;
  uint32_t lastClientId_ = 0;
  std::mutex clientsMutex_;  // main thread and cleanup only, never a JACK thread
  std::unordered_set<ClientCore*> clients_;
  std::shared_ptr<Environment> self_;  // kept until the environment is torn down
};

}  // namespace jackclient
