#include "libjack.h"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace jackclient {
namespace {

constexpr const char* kDefaultLibrary = "libjack.so.0";
constexpr const char* kPathVariable = "JACK_CLIENT_LIBJACK";

struct Loader {
  std::once_flag once;
  LibJack functions;
  const LibJack* loaded = nullptr;
  std::string path;
  std::string error;
  std::unordered_map<std::string, bool> present;
};

Loader& loader() {
  static Loader* instance = new Loader();  // never freed: JACK threads may outlive static destructors
  return *instance;
}

void load(Loader& state) {
  const char* fromEnvironment = std::getenv(kPathVariable);
  state.path = (fromEnvironment && *fromEnvironment) ? fromEnvironment : kDefaultLibrary;
  void* handle = dlopen(state.path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* reason = dlerror();
    state.error = reason ? reason : "dlopen failed";
    return;
  }
#define JACK_RESOLVE(name, ret, params)                                             \
  state.functions.name = reinterpret_cast<ret(*) params>(dlsym(handle, #name));    \
  state.present[#name] = state.functions.name != nullptr;
  JACK_FUNCTIONS(JACK_RESOLVE)
#undef JACK_RESOLVE
  if (!state.functions.jack_client_open) {
    state.error = state.path + " has no jack_client_open: it is not a JACK client library";
    return;
  }
  state.loaded = &state.functions;
}

}  // namespace

const LibJack* loadLibJack() {
  Loader& state = loader();
  std::call_once(state.once, [&state] { load(state); });
  return state.loaded;
}

const std::string& libJackPath() {
  loadLibJack();
  return loader().path;
}

const std::string& loadError() {
  loadLibJack();
  return loader().error;
}

bool libJackIsPipeWire() {
  static const bool pipewire = [] {
    const LibJack* jack = loadLibJack();
    const char* version = jack && jack->jack_get_version_string ? jack->jack_get_version_string() : nullptr;
    return version != nullptr && std::strstr(version, "PipeWire") != nullptr;
  }();
  return pipewire;
}

bool libJackHas(const std::string& name) {
  if (!loadLibJack()) return false;
  auto found = loader().present.find(name);
  return found != loader().present.end() && found->second;
}

void jackFree(void* pointer) {
  if (!pointer) return;
  const LibJack* jack = loadLibJack();
  if (jack && jack->jack_free) {
    jack->jack_free(pointer);
  } else {
    std::free(pointer);
  }
}

}  // namespace jackclient
