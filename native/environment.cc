#include "environment.h"

#include <sched.h>

#include <cstring>

#include "client_core.h"

namespace jackclient {

Environment::Environment(Napi::Env env) : env_(env) {}

std::shared_ptr<Environment> Environment::create(Napi::Env env) {
  std::shared_ptr<Environment> environment(new Environment(env));
  environment->self_ = environment;
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  uv_async_init(loop, &environment->wake_, &Environment::onWake);
  environment->wake_.data = environment.get();
  // Notifications never keep the process alive on their own.
  uv_unref(reinterpret_cast<uv_handle_t*>(&environment->wake_));
  napi_set_instance_data(env, environment.get(), nullptr, nullptr);  // freed by teardown
  napi_add_env_cleanup_hook(env, &Environment::onCleanup, environment.get());
  return environment;
}

std::shared_ptr<Environment> Environment::of(Napi::Env env) {
  return env.GetInstanceData<Environment>()->shared_from_this();
}

void Environment::post(RecordKind kind, uint32_t client, int64_t number, const char* text) {
  post(kind, client, number, text, text ? std::strlen(text) : 0);
}

void Environment::post(RecordKind kind, uint32_t client, int64_t number, const char* text, size_t length) {
  posting_.fetch_add(1);
  if (open_.load()) {
    mailbox_.push(kind, client, number, text, length);
    uv_async_send(&wake_);
  }
  posting_.fetch_sub(1);
}

void Environment::setDispatcher(Napi::Function dispatcher) {
  dispatcher_ = Napi::Persistent(dispatcher);
  if (!asyncContext_) asyncContext_ = std::make_unique<Napi::AsyncContext>(env_, "jack-client:notify");
}

void Environment::track(ClientCore* core) {
  std::lock_guard<std::mutex> guard(clientsMutex_);
  clients_.insert(core);
}

void Environment::untrack(ClientCore* core) {
  std::lock_guard<std::mutex> guard(clientsMutex_);
  clients_.erase(core);
}

void Environment::onWake(uv_async_t* handle) {
  static_cast<Environment*>(handle->data)->drain();
}

void Environment::drain() {
  if (dispatcher_.IsEmpty()) return;
  Napi::HandleScope scope(env_);
  Record record;
  auto deliver = [this](uint32_t kind, uint32_t client, double number, Napi::Value text) {
    try {
      dispatcher_.MakeCallback(env_.Global(),
                               {Napi::Number::New(env_, kind), Napi::Number::New(env_, client),
                                Napi::Number::New(env_, number), text},
                               *asyncContext_);
    } catch (const Napi::Error& error) {
      // The dispatcher reports user errors itself; anything escaping it is a bug worth crashing
      // loudly on, through Node's uncaught-exception path rather than silently.
      napi_fatal_exception(env_, error.Value());
    }
  };
  uint64_t dropped = mailbox_.takeDropped();
  if (dropped) deliver(0, 0, static_cast<double>(dropped), Napi::String::New(env_, ""));
  while (mailbox_.pop(record)) {
    deliver(static_cast<uint32_t>(record.kind), record.client, static_cast<double>(record.number),
            Napi::String::New(env_, record.text, record.textLength));
  }
}

void Environment::onCleanup(void* data) { static_cast<Environment*>(data)->teardown(); }

void Environment::teardown() {
  // Close every client first: jack_client_close stops JACK's threads for it, so nothing calls into
  // this addon afterwards (unloading the addon under a running JACK thread crashes the process).
  std::unordered_set<ClientCore*> clients;
  {
    std::lock_guard<std::mutex> guard(clientsMutex_);
    clients.swap(clients_);
  }
  for (ClientCore* core : clients) core->close();
  open_.store(false);
  while (posting_.load() != 0) sched_yield();
  dispatcher_.Reset();
  asyncContext_.reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&wake_), [](uv_handle_t* handle) {
    static_cast<Environment*>(handle->data)->self_.reset();
  });
}

}  // namespace jackclient
