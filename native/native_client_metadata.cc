// NativeClient: the metadata calls that need a client (setting and removing properties). The
// getters need none and live in metadata.cc. Subjects arrive as decimal strings checked in TS.
#include <cstdlib>
#include <string>

#include "native_client.h"
#include "unsupported.h"

namespace jackclient {
namespace {

jack_uuid_t subjectOf(const Napi::Value& value) {
  std::string text = value.As<Napi::String>();
  return std::strtoull(text.c_str(), nullptr, 10);
}

}  // namespace

// setProperty(subject, key, value bytes, type or null): libjack's result code.
Napi::Value NativeClient::setProperty(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  std::string key = info[1].As<Napi::String>();
  Napi::Uint8Array bytes = info[2].As<Napi::Uint8Array>();
  std::string value(reinterpret_cast<const char*>(bytes.Data()), bytes.ByteLength());
  std::string type = info[3].IsString() ? info[3].As<Napi::String>().Utf8Value() : std::string();
  return Napi::Number::New(env, JACK_CALL(jack_set_property)(client(env), subjectOf(info[0]), key.c_str(),
                                                             value.c_str(), info[3].IsString() ? type.c_str() : nullptr));
}

Napi::Value NativeClient::removeProperty(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  std::string key = info[1].As<Napi::String>();
  return Napi::Number::New(env, JACK_CALL(jack_remove_property)(client(env), subjectOf(info[0]), key.c_str()));
}

// removeProperties(subject): the number removed, or -1.
Napi::Value NativeClient::removeProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_remove_properties)(client(env), subjectOf(info[0])));
}

Napi::Value NativeClient::removeAllProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_remove_all_properties)(client(env)));
}

}  // namespace jackclient
