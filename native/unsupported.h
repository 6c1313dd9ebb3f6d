// Optional libjack functions: calling one that this libjack lacks throws an Error with code
// ERR_JACK_UNSUPPORTED, which the TypeScript layer turns into a JackError.
#pragma once

#include <napi.h>

#include <string>

#include "libjack.h"

namespace jackclient {

inline Napi::Error unsupported(Napi::Env env, const char* function) {
  Napi::Error error = Napi::Error::New(
      env, std::string(function) + " is not supported by this JACK (" + libJackPath() + ")");
  error.Set("code", Napi::String::New(env, "ERR_JACK_UNSUPPORTED"));
  error.Set("functionName", Napi::String::New(env, function));
  return error;
}

// The loaded libjack, or a thrown Error saying why it could not be loaded.
inline const LibJack* loadedLibJack(Napi::Env env) {
  const LibJack* jack = loadLibJack();
  if (!jack) throw Napi::Error::New(env, "libjack is not loaded: " + loadError());
  return jack;
}

template <typename Function>
Function required(Napi::Env env, Function function, const char* name) {
  if (!function) throw unsupported(env, name);
  return function;
}

}  // namespace jackclient
