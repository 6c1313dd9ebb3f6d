#include "client_core.h"

#include <pthread.h>

namespace jackclient {
namespace {

// JACK may cancel its threads at any instruction; a callback must not be cut short while it holds
// the mailbox slot it is filling.
class NoCancellation {
 public:
  NoCancellation() { pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &previous_); }
  ~NoCancellation() { pthread_setcancelstate(previous_, nullptr); }

 private:
  int previous_ = 0;
};

void onInfoShutdown(jack_status_t code, const char* reason, void* argument) {
  NoCancellation guard;
  auto* core = static_cast<ClientCore*>(argument);
  core->environment->post(RecordKind::kShutdown, core->id, code, reason);
}

int onProcess(jack_nframes_t frames, void* argument) {
  NoCancellation guard;
  auto* core = static_cast<ClientCore*>(argument);
  core->bridge.process(core->handle, frames);
  return 0;  // a nonzero result would deactivate the client for good (DESIGN hazard 10)
}

void onFreewheel(int starting, void* argument) {
  NoCancellation guard;
  static_cast<ClientCore*>(argument)->bridge.setFreewheel(starting != 0);
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
