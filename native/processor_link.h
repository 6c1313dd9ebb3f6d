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

  Napi::ObjectReference memory_;  // keeps the control words alive
  int32_t* control_ = nullptr;
  int64_t cycleStart_ = 0;
};

}  // namespace jackclient
