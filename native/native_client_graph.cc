// NativeClient: which notifications JS listens for, port latency ranges, statistics, freewheel.
#include <string>

#include "native_client.h"
#include "notifications.h"
#include "unsupported.h"

namespace jackclient {

Napi::Value NativeClient::setNotifications(const Napi::CallbackInfo& info) {
  core_->wanted.store(info[0].As<Napi::Number>().Uint32Value());
  return info.Env().Undefined();
}

Napi::Value NativeClient::installLatencyCallback(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  client(env);
  JACK_CALL(jack_set_latency_callback);
  return Napi::Number::New(env, jackclient::installLatencyCallback(core_.get()));
}

// portById(id): {name, uuid} of the port with that jack_port_id_t (a notification's), or null.
// JACK2 keeps a released port's name until the id is used again.
Napi::Value NativeClient::portById(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  jack_port_t* found = JACK_CALL(jack_port_by_id)(client(env), info[0].As<Napi::Number>().Uint32Value());
  const char* name = found ? core_->jack->jack_port_name(found) : nullptr;
  if (!name) return env.Null();
  Napi::Object result = Napi::Object::New(env);
  result.Set("name", Napi::String::New(env, name));
  result.Set("uuid", core_->jack->jack_port_uuid
                         ? Napi::String::New(env, std::to_string(static_cast<unsigned long long>(core_->jack->jack_port_uuid(found))))
                         : env.Null());
  return result;
}

// portLatencyRange(port, mode): [min, max], or null when the port is gone.
Napi::Value NativeClient::portLatencyRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  client(env);
  jack_port_t* found = port(info[0]);
  if (!found) return env.Null();
  jack_latency_range_t range{0, 0};
  JACK_CALL(jack_port_get_latency_range)(found, info[1].As<Napi::Number>().Int32Value(), &range);
  Napi::Array result = Napi::Array::New(env, 2);
  result.Set(0u, Napi::Number::New(env, range.min));
  result.Set(1u, Napi::Number::New(env, range.max));
  return result;
}

// portSetLatencyRange(port, mode, min, max): 0, or kNoSuchPort.
Napi::Value NativeClient::portSetLatencyRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  client(env);
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(env, kNoSuchPort);
  jack_latency_range_t range{info[2].As<Napi::Number>().Uint32Value(), info[3].As<Napi::Number>().Uint32Value()};
  JACK_CALL(jack_port_set_latency_range)(found, info[1].As<Napi::Number>().Int32Value(), &range);
  return Napi::Number::New(env, 0);
}

Napi::Value NativeClient::recomputeTotalLatencies(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_recompute_total_latencies)(client(env)));
}

Napi::Value NativeClient::maxDelayedUsecs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_get_max_delayed_usecs)(client(env)));
}

Napi::Value NativeClient::resetMaxDelayedUsecs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  JACK_CALL(jack_reset_max_delayed_usecs)(client(env));
  return env.Undefined();
}

Napi::Value NativeClient::xrunDelayedUsecs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_get_xrun_delayed_usecs)(client(env)));
}

Napi::Value NativeClient::setFreewheel(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  int onoff = info[0].As<Napi::Boolean>() ? 1 : 0;
  return Napi::Number::New(env, JACK_CALL(jack_set_freewheel)(client(env), onoff));
}

}  // namespace jackclient
