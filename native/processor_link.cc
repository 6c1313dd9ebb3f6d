#include "processor_link.h"

#include <pthread.h>
#include <sched.h>

#include "bridge_layout.h"
#include "shared_words.h"

namespace jackclient {
namespace {

constexpr int64_t kMinMarginNs = 30 * 1000;
constexpr int64_t kMaxMarginNs = 300 * 1000;

}  // namespace

Napi::Function ProcessorLink::define(Napi::Env env) {
  return DefineClass(env, "ProcessorLink",
                     {
                         InstanceMethod("wait", &ProcessorLink::wait),
                         InstanceMethod("done", &ProcessorLink::done),
                         InstanceMethod("setScheduling", &ProcessorLink::setScheduling),
                         InstanceMethod("pinTo", &ProcessorLink::pinTo),
                         InstanceMethod("setSpin", &ProcessorLink::setSpin),
                     });
}

ProcessorLink::ProcessorLink(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ProcessorLink>(info) {
  Napi::Int32Array words = info[0].As<Napi::Int32Array>();
  if (words.ElementLength() < static_cast<size_t>(control::kWords)) {
    throw Napi::RangeError::New(info.Env(), "control memory is too small");
  }
  memory_ = Napi::Persistent(static_cast<Napi::Object>(words));
  control_ = words.Data();
}

Napi::Value ProcessorLink::wait(const Napi::CallbackInfo& info) {
  int32_t last = info[0].As<Napi::Number>().Int32Value();
  int64_t slice = static_cast<int64_t>(info[1].As<Napi::Number>().DoubleValue() * 1e6);
  int32_t* posted = &control_[control::kPosted];
  int64_t until = monotonicNanoseconds() + slice;
  int32_t seen = spin_ ? sleepThenSpin(last, until) : loadWord(posted);
  while (seen == last && !loadWord(&control_[control::kStop])) {
    int64_t remaining = until - monotonicNanoseconds();
    if (remaining <= 0) break;
    storeWord(&control_[control::kWorkerSleeping], 1);
    seen = loadWord(posted);
    if (seen == last) futexWait(posted, last, remaining);
    storeWord(&control_[control::kWorkerSleeping], 0);
    seen = loadWord(posted);
  }
  if (seen == last) return Napi::Number::New(info.Env(), 0);
  cycleStart_ = monotonicNanoseconds();
  // Sync and timebase requests come between cycles; only cycles teach when the next is due.
  if (loadWord(&control_[control::kRequest]) == kProcessRequest) learnFromPost();
  return Napi::Number::New(info.Env(), seen);
}

int32_t ProcessorLink::sleepThenSpin(int32_t last, int64_t until) {
  int32_t* posted = &control_[control::kPosted];
  int32_t frames = loadWord(&control_[control::kFrames]);
  int32_t rate = loadWord(&control_[control::kSampleRate]);
  expectedAt_ = 0;
  if (lastPostedAt_ == 0 || frames <= 0 || rate <= 0 || loadWord(&control_[control::kFreewheel])) {
    return loadWord(posted);
  }
  int64_t period = static_cast<int64_t>(frames) * 1000000000 / rate;
  int64_t now = monotonicNanoseconds();
  int64_t expected = lastPostedAt_ + period;
  while (expected + marginNs_ < now) expected += period;  // cycles went by (skipped, or JS was slow)
  expectedAt_ = expected;
  int32_t seen = loadWord(posted);
  int64_t wakeAt = expected - marginNs_;
  while (seen == last && now < wakeAt && now < until) {
    storeWord(&control_[control::kWorkerSleeping], 1);
    seen = loadWord(posted);
    if (seen == last) futexWait(posted, last, (wakeAt < until ? wakeAt : until) - now);
    storeWord(&control_[control::kWorkerSleeping], 0);
    seen = loadWord(posted);
    now = monotonicNanoseconds();
  }
  int64_t spinUntil = expected + marginNs_ < until ? expected + marginNs_ : until;
  for (int round = 0; seen == last; ++round) {
    if ((round & 63) == 63 && monotonicNanoseconds() >= spinUntil) break;
    relaxCpu();
    yieldIfDue(round);
    seen = loadWord(posted);
  }
  return seen;
}

int64_t ProcessorLink::postedAt() const {
  uint64_t low = static_cast<uint32_t>(loadWord(&control_[control::kPostedAtLow]));
  uint64_t high = static_cast<uint32_t>(loadWord(&control_[control::kPostedAtHigh]));
  return static_cast<int64_t>((high << 32) | low);
}

// Adapts the spin window to how precisely cycles arrive: twice the mean error, within bounds.
void ProcessorLink::learnFromPost() {
  int64_t at = postedAt();
  if (expectedAt_ != 0) {
    int64_t error = at > expectedAt_ ? at - expectedAt_ : expectedAt_ - at;
    meanErrorNs_ += (error - meanErrorNs_) / 16;
    int64_t margin = 2 * meanErrorNs_ + kMinMarginNs;
    marginNs_ = margin < kMinMarginNs ? kMinMarginNs : margin > kMaxMarginNs ? kMaxMarginNs : margin;
  }
  lastPostedAt_ = at;
}

Napi::Value ProcessorLink::done(const Napi::CallbackInfo& info) {
  int32_t cycle = info[0].As<Napi::Number>().Int32Value();
  int64_t elapsed = monotonicNanoseconds() - cycleStart_;
  int32_t clamped = elapsed > INT32_MAX ? INT32_MAX : static_cast<int32_t>(elapsed);
  storeWord(&control_[control::kLastCallbackNs], clamped);
  raiseWord(&control_[control::kLongestCallbackNs], clamped);
  storeWord(&control_[control::kDone], cycle);
  if (loadWord(&control_[control::kJackWaiting])) futexWakeAll(&control_[control::kDone]);
  return info.Env().Undefined();
}

Napi::Value ProcessorLink::setScheduling(const Napi::CallbackInfo& info) {
  int priority = info[0].As<Napi::Number>().Int32Value();
  sched_param parameters{};
  parameters.sched_priority = priority;
  int result = pthread_setschedparam(pthread_self(), priority > 0 ? SCHED_FIFO : SCHED_OTHER, &parameters);
  return Napi::Number::New(info.Env(), result);
}

Napi::Value ProcessorLink::setSpin(const Napi::CallbackInfo& info) {
  spin_ = info[0].As<Napi::Boolean>();
  return info.Env().Undefined();
}

Napi::Value ProcessorLink::pinTo(const Napi::CallbackInfo& info) {
  int cpu = info[0].As<Napi::Number>().Int32Value();
  cpu_set_t set;
  CPU_ZERO(&set);
  if (cpu >= 0) {
    CPU_SET(cpu, &set);
  } else {
    for (int i = 0; i < CPU_SETSIZE; ++i) CPU_SET(i, &set);
  }
  int result = pthread_setaffinity_np(pthread_self(), sizeof set, &set);
  return Napi::Number::New(info.Env(), result);
}

}  // namespace jackclient
