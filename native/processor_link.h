// The audio worker's end of the realtime bridge: waits for the cycle JACK's thread posts, reports
// the cycle done, and sets the worker thread's scheduling. Used only on the audio worker thread.
#pragma once

#include <napi.h>

#include <cstdint>

namespace jackclient {

class ProcessorLink : public Napi::ObjectWrap<ProcessorLink> {
 public:
  static Napi::Function define(Napi::Env env);
  explicit ProcessorLink(const Napi::CallbackInfo& info);

 private:
  // wait(lastCycle, sliceMs): the cycle posted after lastCycle, or 0 when the slice ran out first.
  Napi::Value wait(const Napi::CallbackInfo& info);
  // done(cycle): the worker finished `cycle`; wakes JACK's thread if it waits.
  Napi::Value done(const Napi::CallbackInfo& info);
  // setScheduling(priority): SCHED_FIFO at `priority`, or SCHED_OTHER for 0. Returns errno or 0.
  Napi::Value setScheduling(const Napi::CallbackInfo& info);
  // pinTo(cpu): pins the calling thread to one CPU (-1: any CPU). Returns errno or 0.
  Napi::Value pinTo(const Napi::CallbackInfo& info);
  // setSpin(on): whether wait() wakes up shortly before the next cycle is due and spins for it.
  Napi::Value setSpin(const Napi::CallbackInfo& info);

  // Sleeps until shortly before the next cycle is due, then spins until it is posted. Returns the
  // posted cycle number, which equals `last` when the cycle did not come in the spinning window.
  int32_t sleepThenSpin(int32_t last, int64_t until);
  void learnFromPost();
  int64_t postedAt() const;

  Napi::ObjectReference memory_;  // keeps the control words alive
  int32_t* control_ = nullptr;
  int64_t cycleStart_ = 0;
  bool spin_ = false;
  int64_t lastPostedAt_ = 0;
  int64_t expectedAt_ = 0;       // when the cycle being waited for was due, 0 if not predicted
  int64_t marginNs_ = 100000;    // spin window on each side of the expected time
  int64_t meanErrorNs_ = 50000;  // running mean of |posted - expected|
};

}  // namespace jackclient
