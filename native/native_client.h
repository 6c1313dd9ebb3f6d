// The JS-facing wrapper of a ClientCore. Every method is a thin call into libjack that returns raw
// results (codes, nulls, strings); defaults, validation and error messages live in TypeScript.
#pragma once

#include <napi.h>

#include <memory>

#include "client_core.h"

namespace jackclient {

class NativeClient : public Napi::ObjectWrap<NativeClient> {
 public:
  static Napi::Function define(Napi::Env env);
  explicit NativeClient(const Napi::CallbackInfo& info);

 private:
  friend class OpenWorker;

  Napi::Value open(const Napi::CallbackInfo& info);
  Napi::Value openAsync(const Napi::CallbackInfo& info);
  Napi::Value close(const Napi::CallbackInfo& info);
  Napi::Value id(const Napi::CallbackInfo& info);
  Napi::Value isOpen(const Napi::CallbackInfo& info);
  Napi::Value name(const Napi::CallbackInfo& info);
  Napi::Value uuid(const Napi::CallbackInfo& info);
  Napi::Value sampleRate(const Napi::CallbackInfo& info);
  Napi::Value bufferSize(const Napi::CallbackInfo& info);
  Napi::Value setBufferSize(const Napi::CallbackInfo& info);
  Napi::Value isRealtime(const Napi::CallbackInfo& info);
  Napi::Value frameTime(const Napi::CallbackInfo& info);
  Napi::Value framesSinceCycleStart(const Napi::CallbackInfo& info);
  Napi::Value lastFrameTime(const Napi::CallbackInfo& info);
  Napi::Value cycleTimes(const Napi::CallbackInfo& info);
  Napi::Value framesToTime(const Napi::CallbackInfo& info);
  Napi::Value timeToFrames(const Napi::CallbackInfo& info);
  Napi::Value cpuLoad(const Napi::CallbackInfo& info);
  Napi::Value activate(const Napi::CallbackInfo& info);
  Napi::Value deactivate(const Napi::CallbackInfo& info);
  Napi::Value uuidForClientName(const Napi::CallbackInfo& info);
  Napi::Value clientNameByUuid(const Napi::CallbackInfo& info);
  Napi::Value connect(const Napi::CallbackInfo& info);
  Napi::Value disconnect(const Napi::CallbackInfo& info);
  Napi::Value getPorts(const Napi::CallbackInfo& info);
  Napi::Value portRegister(const Napi::CallbackInfo& info);
  Napi::Value portUnregister(const Napi::CallbackInfo& info);
  Napi::Value portInfo(const Napi::CallbackInfo& info);
  Napi::Value portAliases(const Napi::CallbackInfo& info);
  Napi::Value portSetAlias(const Napi::CallbackInfo& info);
  Napi::Value portUnsetAlias(const Napi::CallbackInfo& info);
  Napi::Value portRename(const Napi::CallbackInfo& info);
  Napi::Value portRequestMonitor(const Napi::CallbackInfo& info);
  Napi::Value portMonitoringInput(const Napi::CallbackInfo& info);
  Napi::Value portConnectionCount(const Napi::CallbackInfo& info);
  Napi::Value portConnections(const Napi::CallbackInfo& info);
  Napi::Value portAllConnections(const Napi::CallbackInfo& info);
  Napi::Value portIsConnectedTo(const Napi::CallbackInfo& info);
  Napi::Value portDisconnectAll(const Napi::CallbackInfo& info);
  Napi::Value setBridge(const Napi::CallbackInfo& info);
  Napi::Value clearBridge(const Napi::CallbackInfo& info);
  Napi::Value realtimePriority(const Napi::CallbackInfo& info);
  Napi::Value midiBufferSize(const Napi::CallbackInfo& info);
  // native_client_graph.cc: notifications, latency, statistics, freewheel
  Napi::Value setNotifications(const Napi::CallbackInfo& info);
  Napi::Value installLatencyCallback(const Napi::CallbackInfo& info);
  Napi::Value portById(const Napi::CallbackInfo& info);
  Napi::Value portLatencyRange(const Napi::CallbackInfo& info);
  Napi::Value portSetLatencyRange(const Napi::CallbackInfo& info);
  Napi::Value recomputeTotalLatencies(const Napi::CallbackInfo& info);
  Napi::Value maxDelayedUsecs(const Napi::CallbackInfo& info);
  Napi::Value resetMaxDelayedUsecs(const Napi::CallbackInfo& info);
  Napi::Value xrunDelayedUsecs(const Napi::CallbackInfo& info);
  Napi::Value setFreewheel(const Napi::CallbackInfo& info);
  // native_client_transport.cc
  Napi::Value transportStart(const Napi::CallbackInfo& info);
  Napi::Value transportStop(const Napi::CallbackInfo& info);
  Napi::Value transportQuery(const Napi::CallbackInfo& info);
  Napi::Value transportFrame(const Napi::CallbackInfo& info);
  Napi::Value transportLocate(const Napi::CallbackInfo& info);
  Napi::Value transportReposition(const Napi::CallbackInfo& info);
  Napi::Value setSyncTimeout(const Napi::CallbackInfo& info);
  Napi::Value setSyncCallback(const Napi::CallbackInfo& info);
  Napi::Value setTimebaseCallback(const Napi::CallbackInfo& info);
  Napi::Value releaseTimebase(const Napi::CallbackInfo& info);
  // native_client_metadata.cc
  Napi::Value setProperty(const Napi::CallbackInfo& info);
  Napi::Value removeProperty(const Napi::CallbackInfo& info);
  Napi::Value removeProperties(const Napi::CallbackInfo& info);
  Napi::Value removeAllProperties(const Napi::CallbackInfo& info);

  // The open client handle; throws when the client is closed.
  jack_client_t* client(const Napi::Env& env);
  // A port from a reference: a number is an index into ownPorts, a string a full port name.
  // Returns nullptr when the port is gone.
  jack_port_t* port(const Napi::Value& reference);

  std::unique_ptr<ClientCore> core_;
};

constexpr int kNoSuchPort = -1000;  // returned to TS when a port reference no longer resolves

// For NativeClient's methods: serialize libjack requests of this client (DESIGN hazard 2), and
// call a libjack function that may be missing ("not supported by this JACK").
#define JACK_LOCKED std::lock_guard<std::mutex> requestGuard(core_->requests)
#define JACK_CALL(function) required(info.Env(), core_->jack->function, #function)

}  // namespace jackclient
