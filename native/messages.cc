#include "messages.h"

#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "environment.h"
#include "libjack.h"

namespace jackclient {
namespace {

std::atomic<Environment*> targets[2] = {{nullptr}, {nullptr}};
std::atomic<int> forwarding{0};
std::atomic<bool> installed[2] = {{false}, {false}};

void writeToStderr(const char* message) {
  size_t length = std::strlen(message);
  ssize_t ignored = write(STDERR_FILENO, message, length);
  ignored = write(STDERR_FILENO, "\n", 1);
  (void)ignored;
}

void forward(MessageKind kind, const char* message) {
  int previousCancelState = 0;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &previousCancelState);
  forwarding.fetch_add(1);
  Environment* target = targets[static_cast<int>(kind)].load();
  if (target) {
    target->post(kind == MessageKind::kError ? RecordKind::kErrorMessage : RecordKind::kInfoMessage,
                 0, 0, message);
  } else {
    writeToStderr(message);
  }
  forwarding.fetch_sub(1);
  pthread_setcancelstate(previousCancelState, nullptr);
}

void forwardError(const char* message) { forward(MessageKind::kError, message); }
void forwardInfo(const char* message) { forward(MessageKind::kInfo, message); }

}  // namespace

void forwardMessages(Napi::Env env, MessageKind kind, bool enabled) {
  const LibJack* jack = loadLibJack();
  int slot = static_cast<int>(kind);
  if (jack && !installed[slot].exchange(true)) {
    if (kind == MessageKind::kError && jack->jack_set_error_function) {
      jack->jack_set_error_function(&forwardError);
    }
    if (kind == MessageKind::kInfo && jack->jack_set_info_function) {
      jack->jack_set_info_function(&forwardInfo);
    }
  }
  targets[slot].store(enabled ? Environment::of(env).get() : nullptr);
}

void stopForwardingTo(Napi::Env env) {
  Environment* leaving = env.GetInstanceData<Environment>();
  for (auto& target : targets) {
    Environment* expected = leaving;
    target.compare_exchange_strong(expected, nullptr);
  }
  while (forwarding.load() != 0) sched_yield();
}

}  // namespace jackclient
