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

template <typename Function>
Function required(Napi::Env env, Function function, const char* name) {
  if (!function) throw unsupported(env, name);
  return function;
}

}  // namespace jackclient
