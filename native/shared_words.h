// Atomic access and futex waits on Int32 words that live in a SharedArrayBuffer, shared by JACK's
// process thread, the audio worker (both in native code) and JS (through Atomics).
#pragma once

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>

namespace jackclient {

inline int32_t loadWord(const int32_t* word) { return __atomic_load_n(word, __ATOMIC_SEQ_CST); }
inline void storeWord(int32_t* word, int32_t value) { __atomic_store_n(word, value, __ATOMIC_SEQ_CST); }
inline void addToWord(int32_t* word, int32_t value) { __atomic_add_fetch(word, value, __ATOMIC_RELAXED); }
inline void raiseWord(int32_t* word, int32_t value) {
  int32_t seen = __atomic_load_n(word, __ATOMIC_RELAXED);
  while (value > seen &&
         !__atomic_compare_exchange_n(word, &seen, value, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

// Tells the CPU that this is a spin-wait loop.
inline void relaxCpu() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Called every so many rounds of a spin-wait: a spinning SCHED_FIFO thread must still let the other
// realtime threads of its priority (JACK's clients) have the CPU when they need it.
inline void yieldIfDue(int round) {
  if ((round & 63) == 63) sched_yield();
}

inline int64_t monotonicNanoseconds() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Sleeps while *word == expected, at most `nanoseconds`. Spurious wake-ups are the caller's to handle.
inline void futexWait(int32_t* word, int32_t expected, int64_t nanoseconds) {
  if (nanoseconds <= 0) return;
  timespec timeout{static_cast<time_t>(nanoseconds / 1000000000), static_cast<long>(nanoseconds % 1000000000)};
  syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected, &timeout, nullptr, 0);
}

inline void futexWakeAll(int32_t* word) {
  syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr, nullptr, 0);
}

}  // namespace jackclient
