// The addon's entry point: module-level libjack functions and the NativeClient class.
#include <napi.h>
#include <sys/mman.h>

#include <cerrno>

#include "environment.h"
#include "libjack.h"
#include "messages.h"
#include "metadata.h"
#include "native_client.h"
#include "processor_link.h"
#include "unsupported.h"

namespace jackclient {
namespace {

Napi::Value load(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object result = Napi::Object::New(env);
  result.Set("loaded", Napi::Boolean::New(env, loadLibJack() != nullptr));
  result.Set("path", Napi::String::New(env, libJackPath()));
  result.Set("error", Napi::String::New(env, loadError()));
  return result;
}

Napi::Value isPipeWire(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), libJackIsPipeWire());
}

Napi::Value supports(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), libJackHas(info[0].As<Napi::String>()));
}

Napi::Value version(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int major = 0, minor = 0, micro = 0, protocol = 0;
  required(env, loadedLibJack(env)->jack_get_version, "jack_get_version")(&major, &minor, &micro,
                                                                    &protocol);
  Napi::Array result = Napi::Array::New(env, 4);
  result.Set(0u, major);
  result.Set(1u, minor);
  result.Set(2u, micro);
  result.Set(3u, protocol);
  return result;
}

Napi::Value versionString(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* text =
      required(env, loadedLibJack(env)->jack_get_version_string, "jack_get_version_string")();
  return Napi::String::New(env, text ? text : "");
}

Napi::Value clientNameSize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Napi::Number::New(
      env, required(env, loadedLibJack(env)->jack_client_name_size, "jack_client_name_size")());
}

Napi::Value portNameSize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Napi::Number::New(
      env, required(env, loadedLibJack(env)->jack_port_name_size, "jack_port_name_size")());
}

Napi::Value clientPid(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name = info[0].As<Napi::String>();
  return Napi::Number::New(
      env, required(env, loadedLibJack(env)->jack_get_client_pid, "jack_get_client_pid")(name.c_str()));
}

Napi::Value getTime(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Napi::Number::New(env, static_cast<double>(required(env, loadedLibJack(env)->jack_get_time, "jack_get_time")()));
}

Napi::Value setDispatcher(const Napi::CallbackInfo& info) {
  Environment::of(info.Env())->setDispatcher(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

Napi::Value forwardMessagesToJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  loadedLibJack(env);
  std::string kind = info[0].As<Napi::String>();
  bool enabled = info[1].As<Napi::Boolean>();
  forwardMessages(env, kind == "info" ? MessageKind::kInfo : MessageKind::kError, enabled);
  return env.Undefined();
}

// mlock() of a typed array's memory (a ring buffer's SharedArrayBuffer); returns errno, 0 on success.
Napi::Value lockMemory(const Napi::CallbackInfo& info) {
  Napi::Uint8Array bytes = info[0].As<Napi::Uint8Array>();
  int result = mlock(bytes.Data(), bytes.ByteLength());
  return Napi::Number::New(info.Env(), result == 0 ? 0 : errno);
}

Napi::Object init(Napi::Env env, Napi::Object exports) {
  Environment::create(env);
  // Cleanup hooks run in reverse order: this one runs before the environment's own teardown.
  napi_add_env_cleanup_hook(
      env, [](void* data) { stopForwardingTo(Napi::Env(static_cast<napi_env>(data))); }, env);
  exports.Set("load", Napi::Function::New(env, load));
  exports.Set("supports", Napi::Function::New(env, supports));
  exports.Set("isPipeWire", Napi::Function::New(env, isPipeWire));
  exports.Set("version", Napi::Function::New(env, version));
  exports.Set("versionString", Napi::Function::New(env, versionString));
  exports.Set("clientNameSize", Napi::Function::New(env, clientNameSize));
  exports.Set("portNameSize", Napi::Function::New(env, portNameSize));
  exports.Set("clientPid", Napi::Function::New(env, clientPid));
  exports.Set("getTime", Napi::Function::New(env, getTime));
  exports.Set("setDispatcher", Napi::Function::New(env, setDispatcher));
  exports.Set("forwardMessages", Napi::Function::New(env, forwardMessagesToJs));
  exports.Set("mlock", Napi::Function::New(env, lockMemory));
  defineMetadataFunctions(env, exports);
  exports.Set("NativeClient", NativeClient::define(env));
  exports.Set("ProcessorLink", ProcessorLink::define(env));
  return exports;
}

}  // namespace
}  // namespace jackclient

static Napi::Object initAddon(Napi::Env env, Napi::Object exports) {
  return jackclient::init(env, exports);
}

NODE_API_MODULE(jack_client, initAddon)
