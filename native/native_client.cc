#include "native_client.h"

#include <string>
#include <vector>

#include "bridge_layout.h"
#include "unsupported.h"

namespace jackclient {
namespace {

Napi::Value stringOrNull(Napi::Env env, char* owned) {
  if (!owned) return env.Null();
  Napi::String result = Napi::String::New(env, owned);
  jackFree(owned);
  return result;
}

Napi::Array nameList(Napi::Env env, const char** names) {
  Napi::Array result = Napi::Array::New(env);
  if (!names) return result;
  for (uint32_t i = 0; names[i]; ++i) result.Set(i, Napi::String::New(env, names[i]));
  jackFree(static_cast<void*>(names));
  return result;
}

struct OpenArguments {
  std::string name;
  int options = 0;
  std::string serverName;
  std::string sessionId;
};

constexpr int kJackServerName = 0x04;
constexpr int kJackSessionId = 0x20;

OpenArguments openArguments(const Napi::CallbackInfo& info) {
  OpenArguments arguments;
  arguments.name = info[0].As<Napi::String>();
  arguments.options = info[1].As<Napi::Number>().Int32Value() & ~(kJackServerName | kJackSessionId);
  if (info[2].IsString()) {
    arguments.serverName = info[2].As<Napi::String>();
    arguments.options |= kJackServerName;
  }
  if (info[3].IsString()) {
    arguments.sessionId = info[3].As<Napi::String>();
    arguments.options |= kJackSessionId;
  }
  return arguments;
}

// jack_client_open reads its optional arguments in this order: server name, then session id.
jack_client_t* openClient(const LibJack* jack, const OpenArguments& arguments, int* status) {
  const char* name = arguments.name.c_str();
  bool withServer = arguments.options & kJackServerName;
  bool withSession = arguments.options & kJackSessionId;
  if (withServer && withSession) {
    return jack->jack_client_open(name, arguments.options, status, arguments.serverName.c_str(),
                                  arguments.sessionId.c_str());
  }
  if (withServer) {
    return jack->jack_client_open(name, arguments.options, status, arguments.serverName.c_str());
  }
  if (withSession) {
    return jack->jack_client_open(name, arguments.options, status, arguments.sessionId.c_str());
  }
  return jack->jack_client_open(name, arguments.options, status);
}

Napi::Object openResult(Napi::Env env, bool opened, int status, uint32_t id) {
  Napi::Object result = Napi::Object::New(env);
  result.Set("opened", Napi::Boolean::New(env, opened));
  result.Set("status", Napi::Number::New(env, status));
  result.Set("id", Napi::Number::New(env, id));
  return result;
}

}  // namespace

class OpenWorker : public Napi::AsyncWorker {
 public:
  OpenWorker(Napi::Env env, NativeClient* owner, OpenArguments arguments)
      : Napi::AsyncWorker(env, "jack-client:open"),
        deferred_(Napi::Promise::Deferred::New(env)),
        owner_(owner),
        arguments_(std::move(arguments)) {
    ownerReference_ = Napi::Persistent(owner->Value());
  }

  Napi::Promise promise() { return deferred_.Promise(); }

  void Execute() override {
    opened_ = openClient(owner_->core_->jack, arguments_, &status_);
  }

  void OnOK() override {
    if (opened_) owner_->core_->adopt(opened_);
    deferred_.Resolve(openResult(Env(), opened_ != nullptr, status_, owner_->core_->id));
  }

 private:
  Napi::Promise::Deferred deferred_;
  NativeClient* owner_;
  Napi::ObjectReference ownerReference_;
  OpenArguments arguments_;
  jack_client_t* opened_ = nullptr;
  int status_ = 0;
};

Napi::Function NativeClient::define(Napi::Env env) {
  return DefineClass(
      env, "NativeClient",
      {
          InstanceMethod("open", &NativeClient::open),
          InstanceMethod("openAsync", &NativeClient::openAsync),
          InstanceMethod("close", &NativeClient::close),
          InstanceMethod("id", &NativeClient::id),
          InstanceMethod("isOpen", &NativeClient::isOpen),
          InstanceMethod("name", &NativeClient::name),
          InstanceMethod("uuid", &NativeClient::uuid),
          InstanceMethod("sampleRate", &NativeClient::sampleRate),
          InstanceMethod("bufferSize", &NativeClient::bufferSize),
          InstanceMethod("setBufferSize", &NativeClient::setBufferSize),
          InstanceMethod("isRealtime", &NativeClient::isRealtime),
          InstanceMethod("frameTime", &NativeClient::frameTime),
          InstanceMethod("framesSinceCycleStart", &NativeClient::framesSinceCycleStart),
          InstanceMethod("lastFrameTime", &NativeClient::lastFrameTime),
          InstanceMethod("cycleTimes", &NativeClient::cycleTimes),
          InstanceMethod("framesToTime", &NativeClient::framesToTime),
          InstanceMethod("timeToFrames", &NativeClient::timeToFrames),
          InstanceMethod("cpuLoad", &NativeClient::cpuLoad),
          InstanceMethod("activate", &NativeClient::activate),
          InstanceMethod("deactivate", &NativeClient::deactivate),
          InstanceMethod("uuidForClientName", &NativeClient::uuidForClientName),
          InstanceMethod("clientNameByUuid", &NativeClient::clientNameByUuid),
          InstanceMethod("connect", &NativeClient::connect),
          InstanceMethod("disconnect", &NativeClient::disconnect),
          InstanceMethod("getPorts", &NativeClient::getPorts),
          InstanceMethod("portRegister", &NativeClient::portRegister),
          InstanceMethod("portUnregister", &NativeClient::portUnregister),
          InstanceMethod("portInfo", &NativeClient::portInfo),
          InstanceMethod("portAliases", &NativeClient::portAliases),
          InstanceMethod("portSetAlias", &NativeClient::portSetAlias),
          InstanceMethod("portUnsetAlias", &NativeClient::portUnsetAlias),
          InstanceMethod("portRename", &NativeClient::portRename),
          InstanceMethod("portRequestMonitor", &NativeClient::portRequestMonitor),
          InstanceMethod("portMonitoringInput", &NativeClient::portMonitoringInput),
          InstanceMethod("portConnectionCount", &NativeClient::portConnectionCount),
          InstanceMethod("portConnections", &NativeClient::portConnections),
          InstanceMethod("portAllConnections", &NativeClient::portAllConnections),
          InstanceMethod("portIsConnectedTo", &NativeClient::portIsConnectedTo),
          InstanceMethod("portDisconnectAll", &NativeClient::portDisconnectAll),
          InstanceMethod("setBridge", &NativeClient::setBridge),
          InstanceMethod("clearBridge", &NativeClient::clearBridge),
          InstanceMethod("realtimePriority", &NativeClient::realtimePriority),
          InstanceMethod("midiBufferSize", &NativeClient::midiBufferSize),
          InstanceMethod("setNotifications", &NativeClient::setNotifications),
          InstanceMethod("installLatencyCallback", &NativeClient::installLatencyCallback),
          InstanceMethod("portById", &NativeClient::portById),
          InstanceMethod("portLatencyRange", &NativeClient::portLatencyRange),
          InstanceMethod("portSetLatencyRange", &NativeClient::portSetLatencyRange),
          InstanceMethod("recomputeTotalLatencies", &NativeClient::recomputeTotalLatencies),
          InstanceMethod("maxDelayedUsecs", &NativeClient::maxDelayedUsecs),
          InstanceMethod("resetMaxDelayedUsecs", &NativeClient::resetMaxDelayedUsecs),
          InstanceMethod("xrunDelayedUsecs", &NativeClient::xrunDelayedUsecs),
          InstanceMethod("setFreewheel", &NativeClient::setFreewheel),
          InstanceMethod("transportStart", &NativeClient::transportStart),
          InstanceMethod("transportStop", &NativeClient::transportStop),
          InstanceMethod("transportQuery", &NativeClient::transportQuery),
          InstanceMethod("transportFrame", &NativeClient::transportFrame),
          InstanceMethod("transportLocate", &NativeClient::transportLocate),
          InstanceMethod("transportReposition", &NativeClient::transportReposition),
          InstanceMethod("setSyncTimeout", &NativeClient::setSyncTimeout),
          InstanceMethod("setSyncCallback", &NativeClient::setSyncCallback),
          InstanceMethod("setTimebaseCallback", &NativeClient::setTimebaseCallback),
          InstanceMethod("releaseTimebase", &NativeClient::releaseTimebase),
          InstanceMethod("setProperty", &NativeClient::setProperty),
          InstanceMethod("removeProperty", &NativeClient::removeProperty),
          InstanceMethod("removeProperties", &NativeClient::removeProperties),
          InstanceMethod("removeAllProperties", &NativeClient::removeAllProperties),
      });
}

NativeClient::NativeClient(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeClient>(info) {
  const LibJack* jack = loadLibJack();
  if (!jack) throw Napi::Error::New(info.Env(), "libjack is not loaded: " + loadError());
  core_ = std::make_unique<ClientCore>(jack, Environment::of(info.Env()));
}

jack_client_t* NativeClient::client(const Napi::Env& env) {
  if (!core_->handle) throw Napi::Error::New(env, "the JACK client is closed");
  return core_->handle;
}

jack_port_t* NativeClient::port(const Napi::Value& reference) {
  if (reference.IsNumber()) {
    uint32_t index = reference.As<Napi::Number>().Uint32Value();
    return index < core_->ownPorts.size() ? core_->ownPorts[index] : nullptr;
  }
  std::string name = reference.As<Napi::String>();
  return core_->jack->jack_port_by_name(core_->handle, name.c_str());
}

Napi::Value NativeClient::open(const Napi::CallbackInfo& info) {
  OpenArguments arguments = openArguments(info);
  int status = 0;
  jack_client_t* opened = openClient(core_->jack, arguments, &status);
  if (opened) core_->adopt(opened);
  return openResult(info.Env(), opened != nullptr, status, core_->id);
}

Napi::Value NativeClient::openAsync(const Napi::CallbackInfo& info) {
  auto* worker = new OpenWorker(info.Env(), this, openArguments(info));
  Napi::Promise promise = worker->promise();
  worker->Queue();
  return promise;
}

Napi::Value NativeClient::close(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), core_->close());
}

Napi::Value NativeClient::id(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), core_->id);
}

Napi::Value NativeClient::isOpen(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), core_->handle != nullptr);
}

Napi::Value NativeClient::name(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  return Napi::String::New(info.Env(), JACK_CALL(jack_get_client_name)(client(info.Env())));
}

Napi::Value NativeClient::uuid(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  return stringOrNull(info.Env(), JACK_CALL(jack_client_get_uuid)(client(info.Env())));
}

Napi::Value NativeClient::sampleRate(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  return Napi::Number::New(info.Env(), JACK_CALL(jack_get_sample_rate)(client(info.Env())));
}

Napi::Value NativeClient::bufferSize(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  return Napi::Number::New(info.Env(), JACK_CALL(jack_get_buffer_size)(client(info.Env())));
}

Napi::Value NativeClient::setBufferSize(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  uint32_t frames = info[0].As<Napi::Number>().Uint32Value();
  return Napi::Number::New(info.Env(), JACK_CALL(jack_set_buffer_size)(client(info.Env()), frames));
}

Napi::Value NativeClient::isRealtime(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  return Napi::Boolean::New(info.Env(), JACK_CALL(jack_is_realtime)(client(info.Env())) != 0);
}

Napi::Value NativeClient::frameTime(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), JACK_CALL(jack_frame_time)(client(info.Env())));
}

Napi::Value NativeClient::framesSinceCycleStart(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(),
                           JACK_CALL(jack_frames_since_cycle_start)(client(info.Env())));
}

Napi::Value NativeClient::lastFrameTime(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), JACK_CALL(jack_last_frame_time)(client(info.Env())));
}

// {code, currentFrames, currentUsecs, nextUsecs, periodUsecs}; times in microseconds (a double holds
// them exactly for 285 years of uptime).
Napi::Value NativeClient::cycleTimes(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  jack_nframes_t currentFrames = 0;
  jack_time_t currentUsecs = 0, nextUsecs = 0;
  float periodUsecs = 0;
  int code = JACK_CALL(jack_get_cycle_times)(client(env), &currentFrames, &currentUsecs, &nextUsecs,
                                             &periodUsecs);
  Napi::Object result = Napi::Object::New(env);
  result.Set("code", code);
  result.Set("currentFrames", static_cast<double>(currentFrames));
  result.Set("currentUsecs", static_cast<double>(currentUsecs));
  result.Set("nextUsecs", static_cast<double>(nextUsecs));
  result.Set("periodUsecs", static_cast<double>(periodUsecs));
  return result;
}

Napi::Value NativeClient::framesToTime(const Napi::CallbackInfo& info) {
  jack_nframes_t frames = info[0].As<Napi::Number>().Uint32Value();
  return Napi::Number::New(info.Env(),
                           static_cast<double>(JACK_CALL(jack_frames_to_time)(client(info.Env()), frames)));
}

Napi::Value NativeClient::timeToFrames(const Napi::CallbackInfo& info) {
  jack_time_t usecs = static_cast<jack_time_t>(info[0].As<Napi::Number>().DoubleValue());
  return Napi::Number::New(info.Env(), JACK_CALL(jack_time_to_frames)(client(info.Env()), usecs));
}

Napi::Value NativeClient::cpuLoad(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), JACK_CALL(jack_cpu_load)(client(info.Env())));
}

Napi::Value NativeClient::activate(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  return Napi::Number::New(info.Env(), JACK_CALL(jack_activate)(client(info.Env())));
}

Napi::Value NativeClient::deactivate(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  JACK_CALL(jack_deactivate);
  return Napi::Number::New(info.Env(), core_->deactivate());
}

Napi::Value NativeClient::uuidForClientName(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  std::string name = info[0].As<Napi::String>();
  return stringOrNull(info.Env(),
                      JACK_CALL(jack_get_uuid_for_client_name)(client(info.Env()), name.c_str()));
}

Napi::Value NativeClient::clientNameByUuid(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  std::string uuid = info[0].As<Napi::String>();
  return stringOrNull(info.Env(),
                      JACK_CALL(jack_get_client_name_by_uuid)(client(info.Env()), uuid.c_str()));
}

Napi::Value NativeClient::connect(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  std::string source = info[0].As<Napi::String>();
  std::string destination = info[1].As<Napi::String>();
  return Napi::Number::New(
      info.Env(), JACK_CALL(jack_connect)(client(info.Env()), source.c_str(), destination.c_str()));
}

Napi::Value NativeClient::disconnect(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  std::string source = info[0].As<Napi::String>();
  std::string destination = info[1].As<Napi::String>();
  return Napi::Number::New(info.Env(), JACK_CALL(jack_disconnect)(client(info.Env()),
                                                                  source.c_str(),
                                                                  destination.c_str()));
}

Napi::Value NativeClient::getPorts(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  std::string namePattern = info[0].As<Napi::String>();
  std::string typePattern = info[1].As<Napi::String>();
  unsigned long flags = info[2].As<Napi::Number>().Uint32Value();
  return nameList(info.Env(), JACK_CALL(jack_get_ports)(client(info.Env()), namePattern.c_str(),
                                                        typePattern.c_str(), flags));
}

Napi::Value NativeClient::portRegister(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  std::string shortName = info[0].As<Napi::String>();
  std::string type = info[1].As<Napi::String>();
  unsigned long flags = info[2].As<Napi::Number>().Uint32Value();
  jack_port_t* registered = JACK_CALL(jack_port_register)(client(info.Env()), shortName.c_str(),
                                                          type.c_str(), flags, 0);
  if (!registered) return info.Env().Null();
  core_->ownPorts.push_back(registered);
  return Napi::Number::New(info.Env(), static_cast<double>(core_->ownPorts.size() - 1));
}

Napi::Value NativeClient::portUnregister(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  uint32_t index = info[0].As<Napi::Number>().Uint32Value();
  jack_port_t* registered = port(info[0]);
  if (!registered) return Napi::Number::New(info.Env(), kNoSuchPort);
  core_->ownPorts[index] = nullptr;
  return Napi::Number::New(info.Env(),
                           JACK_CALL(jack_port_unregister)(client(info.Env()), registered));
}

Napi::Value NativeClient::portInfo(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  jack_client_t* handle = client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return info.Env().Null();
  Napi::Env env = info.Env();
  Napi::Object result = Napi::Object::New(env);
  result.Set("name", Napi::String::New(env, JACK_CALL(jack_port_name)(found)));
  result.Set("shortName", Napi::String::New(env, JACK_CALL(jack_port_short_name)(found)));
  result.Set("type", Napi::String::New(env, JACK_CALL(jack_port_type)(found)));
  result.Set("flags", Napi::Number::New(env, JACK_CALL(jack_port_flags)(found)));
  result.Set("uuid", core_->jack->jack_port_uuid
                         ? Napi::String::New(env, std::to_string(core_->jack->jack_port_uuid(found)))
                         : env.Null());
  result.Set("mine", Napi::Boolean::New(env, JACK_CALL(jack_port_is_mine)(handle, found) != 0));
  return result;
}

Napi::Value NativeClient::portAliases(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return info.Env().Null();
  size_t size = static_cast<size_t>(JACK_CALL(jack_port_name_size)());
  std::vector<char> first(size + 1, '\0');
  std::vector<char> second(size + 1, '\0');
  char* const buffers[2] = {first.data(), second.data()};
  // The count JACK2 returns is not an index bound: after the first alias is unset, the second
  // one still sits in the second buffer. Read both.
  int count = JACK_CALL(jack_port_get_aliases)(found, buffers);
  Napi::Array result = Napi::Array::New(info.Env());
  for (int i = 0; count > 0 && i < 2; ++i) {
    if (buffers[i][0]) result.Set(result.Length(), Napi::String::New(info.Env(), buffers[i]));
  }
  return result;
}

Napi::Value NativeClient::portSetAlias(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(info.Env(), kNoSuchPort);
  std::string alias = info[1].As<Napi::String>();
  return Napi::Number::New(info.Env(), JACK_CALL(jack_port_set_alias)(found, alias.c_str()));
}

Napi::Value NativeClient::portUnsetAlias(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(info.Env(), kNoSuchPort);
  std::string alias = info[1].As<Napi::String>();
  return Napi::Number::New(info.Env(), JACK_CALL(jack_port_unset_alias)(found, alias.c_str()));
}

Napi::Value NativeClient::portRename(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  jack_client_t* handle = client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(info.Env(), kNoSuchPort);
  std::string newName = info[1].As<Napi::String>();
  return Napi::Number::New(info.Env(),
                           JACK_CALL(jack_port_rename)(handle, found, newName.c_str()));
}

Napi::Value NativeClient::portRequestMonitor(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(info.Env(), kNoSuchPort);
  int onoff = info[1].As<Napi::Boolean>().Value() ? 1 : 0;
  return Napi::Number::New(info.Env(), JACK_CALL(jack_port_request_monitor)(found, onoff));
}

Napi::Value NativeClient::portMonitoringInput(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return info.Env().Null();
  return Napi::Boolean::New(info.Env(), JACK_CALL(jack_port_monitoring_input)(found) != 0);
}

Napi::Value NativeClient::portConnectionCount(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(info.Env(), kNoSuchPort);
  return Napi::Number::New(info.Env(), JACK_CALL(jack_port_connected)(found));
}

Napi::Value NativeClient::portConnections(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return info.Env().Null();
  return nameList(info.Env(), JACK_CALL(jack_port_get_connections)(found));
}

Napi::Value NativeClient::portAllConnections(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  jack_client_t* handle = client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return info.Env().Null();
  return nameList(info.Env(), JACK_CALL(jack_port_get_all_connections)(handle, found));
}

Napi::Value NativeClient::portIsConnectedTo(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return info.Env().Null();
  std::string other = info[1].As<Napi::String>();
  return Napi::Boolean::New(info.Env(),
                            JACK_CALL(jack_port_connected_to)(found, other.c_str()) != 0);
}

Napi::Value NativeClient::portDisconnectAll(const Napi::CallbackInfo& info) {
  JACK_LOCKED;
  jack_client_t* handle = client(info.Env());
  jack_port_t* found = port(info[0]);
  if (!found) return Napi::Number::New(info.Env(), kNoSuchPort);
  return Napi::Number::New(info.Env(), JACK_CALL(jack_port_disconnect)(handle, found));
}


namespace {
struct SharedMemoryHold {
  Napi::ObjectReference control;
  Napi::ObjectReference data;
};
}  // namespace

// setBridge(control, data, layout, slots): publishes a new bridge table. `slots` holds
// (kind, own port index, byte offset) triples; kind 0..3 = audio in, audio out, MIDI in, MIDI out.
// Returns 0, or kNoSuchPort when a port is gone, or -1 when a region lies outside `data`.
Napi::Value NativeClient::setBridge(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  client(env);
  Napi::Int32Array control = info[0].As<Napi::Int32Array>();
  Napi::Uint8Array data = info[1].As<Napi::Uint8Array>();
  Napi::Object layout = info[2].As<Napi::Object>();
  Napi::Int32Array slots = info[3].As<Napi::Int32Array>();
  if (control.ElementLength() < static_cast<size_t>(control::kWords)) return Napi::Number::New(env, -1);
  auto table = std::make_unique<BridgeTable>();
  // JACK's thread reads this memory until the table is replaced: hold the arrays (and so their
  // SharedArrayBuffers) for as long, so a worker that ended or a dropped layout cannot free it.
  auto memory = std::make_shared<SharedMemoryHold>();
  memory->control = Napi::Persistent(static_cast<Napi::Object>(control));
  memory->data = Napi::Persistent(static_cast<Napi::Object>(data));
  table->memory = memory;
  table->control = control.Data();
  table->data = data.Data();
  table->dataBytes = data.ByteLength();
  table->generation = layout.Get("generation").As<Napi::Number>().Int32Value();
  table->capacityFrames = layout.Get("capacityFrames").As<Napi::Number>().Uint32Value();
  table->midiCapacity = layout.Get("midiCapacity").As<Napi::Number>().Uint32Value();
  table->buffered = layout.Get("buffered").As<Napi::Boolean>();
  table->deadlineFraction = layout.Get("deadlineFraction").As<Napi::Number>().DoubleValue();
  table->pin = layout.Get("pin").As<Napi::Boolean>();
  table->spin = layout.Get("spin").As<Napi::Boolean>();
  std::vector<PortSlot>* lists[] = {&table->audioIn, &table->audioOut, &table->midiIn, &table->midiOut};
  for (size_t i = 0; i + 2 < slots.ElementLength(); i += 3) {
    int32_t kind = slots[i];
    uint32_t index = static_cast<uint32_t>(slots[i + 1]);
    uint32_t offset = static_cast<uint32_t>(slots[i + 2]);
    if (kind < 0 || kind > 3) return Napi::Number::New(env, -1);
    size_t bytes = kind < 2 ? table->capacityFrames * sizeof(float) : table->midiCapacity;
    if (offset % 4 != 0 || offset + bytes > table->dataBytes) return Napi::Number::New(env, -1);
    jack_port_t* found = index < core_->ownPorts.size() ? core_->ownPorts[index] : nullptr;
    if (!found) return Napi::Number::New(env, kNoSuchPort);
    lists[kind]->push_back(PortSlot{found, offset});
  }
  if (table->midiCapacity < midi::kHeaderBytes && !(table->midiIn.empty() && table->midiOut.empty())) {
    return Napi::Number::New(env, -1);
  }
  core_->bridge.publish(std::move(table));
  return Napi::Number::New(env, 0);
}

Napi::Value NativeClient::clearBridge(const Napi::CallbackInfo& info) {
  core_->bridge.publish(nullptr);
  return info.Env().Undefined();
}

Napi::Value NativeClient::realtimePriority(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  return Napi::Number::New(env, JACK_CALL(jack_client_real_time_priority)(client(env)));
}

Napi::Value NativeClient::midiBufferSize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  JACK_LOCKED;
  size_t size = JACK_CALL(jack_port_type_get_buffer_size)(client(env), "8 bit raw midi");
  return Napi::Number::New(env, static_cast<double>(size));
}

}  // namespace jackclient
