// JACK2 cancels its threads asynchronously (at any instruction). Our callbacks run with
// cancellation disabled, so that they are never cut short. Not with an RAII guard: a cancel that
// came meanwhile is acted upon the moment cancellation is enabled again, and inside a destructor
// (implicitly noexcept) the unwinding it starts calls std::terminate (seen as SIGABRT, "terminate
// called without an active exception", when a client closed). Enabling it again as the last
// statement of the callback lets the unwinding pass through to JACK's own frames.
#pragma once

#include <pthread.h>

namespace jackclient {

inline int disableCancellation() {
  int previous = PTHREAD_CANCEL_ENABLE;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &previous);
  return previous;
}

inline void restoreCancellation(int previous) { pthread_setcancelstate(previous, nullptr); }

}  // namespace jackclient
