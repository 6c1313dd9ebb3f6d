#include "client_core.h"

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
  if (jack->jack_set_process_callback) jack->jack_set_process_callback(handle, &onProcess, this);
  installNotifications(this);
  environment->track(this);
}

int ClientCore::close() {
  std::lock_guard<std::mutex> guard(requests);
  if (!handle) return 0;
  int result = jack->jack_client_close(handle);
  handle = nullptr;
  bridge.publish(nullptr);  // JACK's process thread has stopped
  ownPorts.clear();
  environment->untrack(this);
  return result;
}

}  // namespace jackclient
