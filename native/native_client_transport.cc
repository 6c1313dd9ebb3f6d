// NativeClient: the transport. Positions travel as the 136 bytes of jack_position_t, which
// src/transport-position.ts reads and writes.
#include "native_client.h"
#include "unsupported.h"

namespace jackclient {

Napi::Value NativeClient::transportStart(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  JACK_CALL(jack_transport_start)(client(info.Env()));
  return info.Env().Undefined();
}

Napi::Value NativeClient::transportStop(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  JACK_CALL(jack_transport_stop)(client(info.Env()));
  return info.Env().Undefined();
}

// transportQuery(bytes): fills `bytes` (at least 136) with the position, returns the state.
Napi::Value NativeClient::transportQuery(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  Napi::Uint8Array bytes = info[0].As<Napi::Uint8Array>();
  if (bytes.ByteLength() < kJackPositionBytes) throw Napi::RangeError::New(env, "position buffer too small");
  auto* position = reinterpret_cast<jack_position_t*>(bytes.Data());
  return Napi::Number::New(env, JACK_CALL(jack_transport_query)(client(env), position));
}

Napi::Value NativeClient::transportFrame(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_get_current_transport_frame)(client(env)));
}

Napi::Value NativeClient::transportLocate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  jack_nframes_t frame = info[0].As<Napi::Number>().Uint32Value();
  return Napi::Number::New(env, JACK_CALL(jack_transport_locate)(client(env), frame));
}

Napi::Value NativeClient::transportReposition(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  Napi::Uint8Array bytes = info[0].As<Napi::Uint8Array>();
  if (bytes.ByteLength() < kJackPositionBytes) throw Napi::RangeError::New(env, "position buffer too small");
  auto* position = reinterpret_cast<const jack_position_t*>(bytes.Data());
  return Napi::Number::New(env, JACK_CALL(jack_transport_reposition)(client(env), position));
}

Napi::Value NativeClient::setSyncTimeout(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  auto timeout = static_cast<jack_time_t>(info[0].As<Napi::Number>().DoubleValue());
  return Napi::Number::New(env, JACK_CALL(jack_set_sync_timeout)(client(env), timeout));
}

Napi::Value NativeClient::setSyncCallback(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  client(env);
  JACK_CALL(jack_set_sync_callback);
  return Napi::Number::New(env, core_->setSync(info[0].As<Napi::Boolean>()));
}

Napi::Value NativeClient::setTimebaseCallback(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  client(env);
  JACK_CALL(jack_set_timebase_callback);
  return Napi::Number::New(env, core_->setTimebase(info[0].As<Napi::Boolean>()));
}

Napi::Value NativeClient::releaseTimebase(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_release_timebase)(client(env)));
}

}  // namespace jackclient
