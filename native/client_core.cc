#include "client_core.h"

#include <time.h>

#include "cancellation.h"
#include "notifications.h"

namespace jackclient {
namespace {

void onInfoShutdown(jack_status_t code, const char* reason, void* argument) {
  int previous = disableCancellation();
  auto* core = static_cast<ClientCore*>(argument);
  core->environment->post(RecordKind::kShutdown, core->id, code, reason);
  restoreCancellation(previous);
}

// PipeWire's libjack calls only the plain shutdown callback (when its connection to the server
// fails); JACK2 calls the info one. A second report of the same shutdown is ignored in TS.
void onShutdown(void* argument) {
  int previous = disableCancellation();
  auto* core = static_cast<ClientCore*>(argument);
  constexpr jack_status_t kFailureServerError = 0x21;
  core->environment->post(RecordKind::kShutdown, core->id, kFailureServerError, "the connection to the server was lost");
  restoreCancellation(previous);
}

int onProcess(jack_nframes_t frames, void* argument) {
  int previous = disableCancellation();
  auto* core = static_cast<ClientCore*>(argument);
  core->bridge.process(core->handle, frames);
  restoreCancellation(previous);
  return 0;  // a nonzero result would deactivate the client for good (DESIGN hazard 10)
}

int onSync(int state, jack_position_t* position, void* argument) {
  int previous = disableCancellation();
  auto* core = static_cast<ClientCore*>(argument);
  bool ready = core->bridge.sync(core->jack->jack_get_buffer_size(core->handle), state, position);
  restoreCancellation(previous);
  return ready ? 1 : 0;
}

void onTimebase(int state, jack_nframes_t frames, jack_position_t* position, int newPosition, void* argument) {
  int previous = disableCancellation();
  static_cast<ClientCore*>(argument)->bridge.timebase(frames, state, position, newPosition != 0);
  restoreCancellation(previous);
}

}  // namespace

int ClientCore::setSync(bool on) {
  return jack->jack_set_sync_callback(handle, on ? &onSync : nullptr, on ? this : nullptr);
}

int ClientCore::setTimebase(bool conditional) {
  return jack->jack_set_timebase_callback(handle, conditional ? 1 : 0, &onTimebase, this);
}

ClientCore::ClientCore(const LibJack* jackFunctions, std::shared_ptr<Environment> owner)
    : jack(jackFunctions),
      environment(std::move(owner)),
      id(environment->nextClientId()),
      bridge(jackFunctions) {}

ClientCore::~ClientCore() { close(); }

void ClientCore::adopt(jack_client_t* opened) {
  handle = opened;
  if (jack->jack_on_info_shutdown) jack->jack_on_info_shutdown(handle, &onInfoShutdown, this);
  if (libJackIsPipeWire() && jack->jack_on_shutdown) jack->jack_on_shutdown(handle, &onShutdown, this);
  if (jack->jack_set_process_callback) jack->jack_set_process_callback(handle, &onProcess, this);
  installNotifications(this);
  environment->track(this);
}

// PipeWire stops a client's data thread with pthread_cancel. When the cancel lands while that
// thread is inside a cycle, the node never reports the cycle finished, and the driver it belonged
// to waits for it for good: later clients linked to that driver get one cycle and no more (seen
// with the test source and sink, every few clients). A client whose ports are disconnected first
// has left the driver's graph, so its data thread can stop at any moment.
void ClientCore::leaveGraph() {
  if (!libJackIsPipeWire() || !jack->jack_port_disconnect) return;
  for (jack_port_t* port : ownPorts) {
    if (port) jack->jack_port_disconnect(handle, port);
  }
  // PipeWire removes links asynchronously: wait (up to 200 ms) until none is left.
  for (int round = 0; round < 200; ++round) {
    bool linked = false;
    for (jack_port_t* port : ownPorts) linked = linked || (port && jack->jack_port_connected(port) > 0);
    if (!linked) break;
    timespec pause{0, 1000 * 1000};
    nanosleep(&pause, nullptr);
  }
}

int ClientCore::deactivate() {
  leaveGraph();
  return jack->jack_deactivate(handle);
}

int ClientCore::close() {
  std::lock_guard<std::mutex> guard(requests);
  if (!handle) return 0;
  leaveGraph();
  // The process callback stops touching ports before JACK tears them down (PipeWire's libjack
  // still runs it while the client closes).
  bridge.publish(nullptr);
  int result = jack->jack_client_close(handle);
  handle = nullptr;
  ownPorts.clear();
  environment->untrack(this);
  return result;
}

}  // namespace jackclient
