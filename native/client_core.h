// The native side of one JACK client: the jack_client_t*, the ports it registered, and the C
// callbacks JACK calls on its own threads. Outlives the JS object only as long as needed.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "environment.h"
#include "libjack.h"
#include "realtime_bridge.h"

namespace jackclient {

struct ClientCore {
  ClientCore(const LibJack* jack, std::shared_ptr<Environment> environment);
  ~ClientCore();

  // On PipeWire: disconnects every port of the client (see deactivate()).
  void leaveGraph();
  // Installs the callbacks every client needs and starts tracking it for teardown.
  void adopt(jack_client_t* handle);
  // Makes the client a slow-sync client whose sync requests go to the audio worker (or not).
  // The caller holds `requests` and has checked that libjack has the function.
  int setSync(bool on);
  // Asks to become timebase master, the worker filling the position; JACK's result code.
  int setTimebase(bool conditional);
  // jack_deactivate; on PipeWire the client's ports are disconnected first (see the .cc).
  // The caller holds `requests`.
  int deactivate();
  // Idempotent. Returns jack_client_close's result, 0 when already closed.
  int close();

  const LibJack* jack;
  std::shared_ptr<Environment> environment;
  uint32_t id;
  jack_client_t* handle = nullptr;
  // Ports registered by this client; a handle is an index here and is never reused, so a stale
  // port object can never reach a port registered later (libjack recycles its own handles).
  std::vector<jack_port_t*> ownPorts;
  // Bit (1 << RecordKind) set: JS listens for that notification kind.
  std::atomic<uint32_t> wanted{0};

  // Serializes libjack requests for this client: two threads requesting at once corrupt JACK2's
  // request channel. Never taken on a JACK thread.
  std::mutex requests;
  // Installed as the process callback at open, so a processor can be set before or after activate.
  RealtimeBridge bridge;
};

}  // namespace jackclient
