#include "client_core.h"

#include <pthread.h>

namespace jackclient {
namespace {

// JACK2 cancels its threads asynchronously (at any instruction). Our callbacks run with
// cancellation disabled, so that they are never cut short. Not with an RAII guard: a cancel that
// came meanwhile is acted upon the moment cancellation is enabled again, and inside a destructor
// (implicitly noexcept) the unwinding it starts calls std::terminate (seen as SIGABRT, "terminate
// called without an active exception", when a client closed). Enabling it again as the last
// statement of the callback lets the unwinding pass through to JACK's own frames.
int disableCancellation() {
  int previous = PTHREAD_CANCEL_ENABLE;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &previous);
  return previous;
}

void restoreCancellation(int previous) { pthread_setcancelstate(previous, nullptr); }

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

void onFreewheel(int starting, void* argument) {
  int previous = disableCancellation();
  static_cast<ClientCore*>(argument)->bridge.setFreewheel(starting != 0);
  restoreCancellation(previous);
}

}  // namespace

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
  if (jack->jack_set_freewheel_callback) jack->jack_set_freewheel_callback(handle, &onFreewheel, this);
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
