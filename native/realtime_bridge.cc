#include "realtime_bridge.h"

#include <pthread.h>
#include <sched.h>
#include <time.h>

#include <cstring>

#include "shared_words.h"

namespace jackclient {
namespace {

constexpr int64_t kFreewheelSliceNs = 20 * 1000 * 1000;
// How long JACK's thread spins for the worker's answer before it sleeps: a futex sleep and wake-up
// costs tens of microseconds (docs/benchmarks.md), more than a light processor takes.
constexpr int64_t kSpinNs = 200 * 1000;

int32_t nextCycleNumber(int32_t previous) {
  int32_t next = static_cast<int32_t>(static_cast<uint32_t>(previous) + 1u);
  return next == 0 ? 1 : next;
}

int32_t* midiHeader(uint8_t* region) { return reinterpret_cast<int32_t*>(region); }

}  // namespace

void RealtimeBridge::publish(std::unique_ptr<BridgeTable> table) {
  BridgeTable* previous = current_.exchange(table.get());
  // Hazard-pointer handshake: JACK's thread announces the table it uses in active_ and re-checks
  // current_, so once active_ differs from `previous`, it can never pick `previous` again.
  while (previous && active_.load() == previous) {
    timespec pause{0, 50 * 1000};
    nanosleep(&pause, nullptr);
  }
  owned_ = std::move(table);
}

BridgeTable* RealtimeBridge::acquire() {
  BridgeTable* table;
  do {
    table = current_.load();
    active_.store(table);
  } while (current_.load() != table);
  return table;
}

void RealtimeBridge::process(jack_client_t* client, jack_nframes_t frames) {
  int64_t start = monotonicNanoseconds();
  BridgeTable* table = acquire();
  if (!table) return;
  int32_t* control = table->control;
  addToWord(&control[control::kCycles], 1);
  storeWord(&control[control::kLastFrameTime],
            static_cast<int32_t>(jack_->jack_last_frame_time(client)));
  if (table->pin) pinThread(*table);
  if (loadWord(&control[control::kState]) != kRunning) {
    silenceOutputs(*table, frames);
  } else if (frames > table->capacityFrames) {
    addToWord(&control[control::kOversized], 1);
    silenceOutputs(*table, frames);
  } else if (table->buffered) {
    runBuffered(*table, frames);
  } else {
    runSameCycle(*table, frames, start);
  }
  active_.store(nullptr);
}

void RealtimeBridge::runSameCycle(const BridgeTable& table, jack_nframes_t frames, int64_t start) {
  int32_t* control = table.control;
  if (loadWord(&control[control::kDone]) != loadWord(&control[control::kPosted])) {
    addToWord(&control[control::kSkipped], 1);
    silenceOutputs(table, frames);
    return;
  }
  bool freewheel = freewheel_.load(std::memory_order_relaxed);
  storeWord(&control[control::kFreewheel], freewheel ? 1 : 0);
  int64_t deadline = deadlineFrom(table, frames, start);
  copyInputs(table, frames);
  int32_t posted = post(table, frames, kProcessRequest);
  int64_t postedAt = monotonicNanoseconds();
  if (waitForWorker(table, posted, deadline, freewheel)) {
    raiseWord(&control[control::kLongestResponseNs],
              static_cast<int32_t>(monotonicNanoseconds() - postedAt));
    copyOutputs(table, frames);
  } else {
    addToWord(&control[control::kLate], 1);
    silenceOutputs(table, frames);
  }
}

void RealtimeBridge::runBuffered(const BridgeTable& table, jack_nframes_t frames) {
  int32_t* control = table.control;
  int32_t posted = loadWord(&control[control::kPosted]);
  if (loadWord(&control[control::kDone]) != posted) {
    addToWord(&control[control::kLate], 1);
    addToWord(&control[control::kSkipped], 1);
    silenceOutputs(table, frames);
    bufferedPosted_ = 0;
    return;
  }
  if (posted != 0 && posted == bufferedPosted_ && loadWord(&control[control::kFrames]) == static_cast<int32_t>(frames)) {
    copyOutputs(table, frames);
  } else {
    silenceOutputs(table, frames);
  }
  storeWord(&control[control::kFreewheel], freewheel_.load(std::memory_order_relaxed) ? 1 : 0);
  copyInputs(table, frames);
  bufferedPosted_ = post(table, frames, kProcessRequest);
}

int64_t RealtimeBridge::deadlineFrom(const BridgeTable& table, jack_nframes_t frames, int64_t start) const {
  int32_t sampleRate = loadWord(&table.control[control::kSampleRate]);
  int64_t periodNs = sampleRate > 0 ? static_cast<int64_t>(frames) * 1000000000 / sampleRate : 0;
  return start + static_cast<int64_t>(table.deadlineFraction * static_cast<double>(periodNs));
}

bool RealtimeBridge::sync(jack_nframes_t frames, int state, const jack_position_t* position) {
  BridgeTable* table = acquire();
  bool ready = table && askWorker(*table, kSyncRequest, frames, state, position, false) &&
               loadWord(&table->control[control::kSyncReady]) != 0;
  active_.store(nullptr);
  return ready;
}

void RealtimeBridge::timebase(jack_nframes_t frames, int state, jack_position_t* position, bool newPosition) {
  BridgeTable* table = acquire();
  // After a request the worker missed, JACK's position is not the one the handler last wrote, so
  // it must not continue from it: the next request says "new position" to make it start over.
  bool startOver = newPosition || timebaseMissed_;
  if (table && askWorker(*table, kTimebaseRequest, frames, state, position, startOver)) {
    const uint8_t* answer = reinterpret_cast<const uint8_t*>(&table->control[control::kPosition]);
    std::memcpy(position->bytes + kPositionWritableFrom, answer + kPositionWritableFrom,
                kPositionWritableTo - kPositionWritableFrom);
    timebaseMissed_ = false;
  } else {
    timebaseMissed_ = true;
  }
  active_.store(nullptr);
}

// A sync or timebase request: the position goes to the worker, which runs the handler and reports
// done like a cycle, within the same deadline. Not in buffered mode (the worker is rendering the
// next cycle then) and not while it is still busy: JACK asks again (sync) or keeps the position.
bool RealtimeBridge::askWorker(const BridgeTable& table, Request request, jack_nframes_t frames, int state,
                               const jack_position_t* position, bool newPosition) {
  int64_t start = monotonicNanoseconds();
  int32_t* control = table.control;
  if (table.buffered || loadWord(&control[control::kState]) != kRunning || frames > table.capacityFrames) {
    return false;
  }
  if (loadWord(&control[control::kDone]) != loadWord(&control[control::kPosted])) return false;
  bool freewheel = freewheel_.load(std::memory_order_relaxed);
  storeWord(&control[control::kFreewheel], freewheel ? 1 : 0);
  storeWord(&control[control::kTransportState], state);
  storeWord(&control[control::kNewPosition], newPosition ? 1 : 0);
  storeWord(&control[control::kSyncReady], 0);
  std::memcpy(&control[control::kPosition], position->bytes, kJackPositionBytes);
  int32_t posted = post(table, frames, request);
  if (waitForWorker(table, posted, deadlineFrom(table, frames, start), freewheel)) return true;
  addToWord(&control[control::kLate], 1);
  return false;
}

int32_t RealtimeBridge::post(const BridgeTable& table, jack_nframes_t frames, Request request) {
  int32_t* control = table.control;
  storeWord(&control[control::kRequest], request);
  storeWord(&control[control::kFrames], static_cast<int32_t>(frames));
  storeWord(&control[control::kGeneration], table.generation);
  int32_t posted = nextCycleNumber(loadWord(&control[control::kPosted]));
  uint64_t now = static_cast<uint64_t>(monotonicNanoseconds());
  storeWord(&control[control::kPostedAtLow], static_cast<int32_t>(now & 0xffffffffu));
  storeWord(&control[control::kPostedAtHigh], static_cast<int32_t>(now >> 32));
  storeWord(&control[control::kPosted], posted);
  if (loadWord(&control[control::kWorkerSleeping])) futexWakeAll(&control[control::kPosted]);
  return posted;
}

bool RealtimeBridge::waitForWorker(const BridgeTable& table, int32_t posted, int64_t deadline,
                                   bool freewheel) {
  int32_t* control = table.control;
  int32_t* done = &control[control::kDone];
  if (table.spin) {
    int64_t spinUntil = monotonicNanoseconds() + kSpinNs;
    if (!freewheel && spinUntil > deadline) spinUntil = deadline;
    for (int round = 0;; ++round) {
      if (loadWord(done) == posted) return true;
      if ((round & 63) == 63 && monotonicNanoseconds() >= spinUntil) break;
      relaxCpu();
      yieldIfDue(round);
    }
  }
  storeWord(&control[control::kJackWaiting], 1);
  bool finished = false;
  for (;;) {
    int32_t seen = loadWord(done);
    if (seen == posted) {
      finished = true;
      break;
    }
    if (loadWord(&control[control::kState]) != kRunning) break;
    int64_t remaining = freewheel ? kFreewheelSliceNs : deadline - monotonicNanoseconds();
    if (remaining <= 0) break;
    futexWait(done, seen, remaining);
  }
  storeWord(&control[control::kJackWaiting], 0);
  return finished;
}

void RealtimeBridge::copyInputs(const BridgeTable& table, jack_nframes_t frames) {
  for (const PortSlot& slot : table.audioIn) {
    const void* buffer = jack_->jack_port_get_buffer(slot.port, frames);
    if (buffer) std::memcpy(table.data + slot.offset, buffer, frames * sizeof(float));
  }
  for (const PortSlot& slot : table.midiIn) {
    void* buffer = jack_->jack_port_get_buffer(slot.port, frames);
    uint8_t* region = table.data + slot.offset;
    int32_t* header = midiHeader(region);
    uint32_t capacity = table.midiCapacity - midi::kHeaderBytes;
    uint32_t used = 0, count = 0, dropped = 0;
    uint32_t events = buffer ? jack_->jack_midi_get_event_count(buffer) : 0;
    for (uint32_t i = 0; i < events; ++i) {
      jack_midi_event_t event;
      if (jack_->jack_midi_event_get(&event, buffer, i) != 0) continue;
      uint32_t size = static_cast<uint32_t>(event.size);
      uint32_t needed = midi::kEventHeaderBytes + midi::paddedSize(size);
      if (used + needed > capacity) {
        ++dropped;
        continue;
      }
      uint8_t* at = region + midi::kHeaderBytes + used;
      uint32_t eventHeader[2] = {event.time, size};
      std::memcpy(at, eventHeader, sizeof eventHeader);
      std::memcpy(at + midi::kEventHeaderBytes, event.buffer, size);
      used += needed;
      ++count;
    }
    header[midi::kCount] = static_cast<int32_t>(count);
    header[midi::kUsedBytes] = static_cast<int32_t>(used);
    uint32_t lost = buffer ? jack_->jack_midi_get_lost_event_count(buffer) : 0;
    header[midi::kLost] = static_cast<int32_t>(lost + dropped);
  }
}

void RealtimeBridge::copyOutputs(const BridgeTable& table, jack_nframes_t frames) {
  for (const PortSlot& slot : table.audioOut) {
    void* buffer = jack_->jack_port_get_buffer(slot.port, frames);
    if (buffer) std::memcpy(buffer, table.data + slot.offset, frames * sizeof(float));
  }
  for (const PortSlot& slot : table.midiOut) {
    void* buffer = jack_->jack_port_get_buffer(slot.port, frames);
    if (!buffer) continue;
    jack_->jack_midi_clear_buffer(buffer);
    uint8_t* region = table.data + slot.offset;
    int32_t* header = midiHeader(region);
    uint32_t capacity = table.midiCapacity - midi::kHeaderBytes;
    uint32_t used = static_cast<uint32_t>(header[midi::kUsedBytes]);
    uint32_t count = static_cast<uint32_t>(header[midi::kCount]);
    if (used > capacity) used = capacity;  // the worker's JS is trusted with nothing
    uint32_t at = 0;
    for (uint32_t i = 0; i < count && at + midi::kEventHeaderBytes <= used; ++i) {
      uint32_t eventHeader[2];
      std::memcpy(eventHeader, region + midi::kHeaderBytes + at, sizeof eventHeader);
      uint32_t size = eventHeader[1];
      uint32_t next = at + midi::kEventHeaderBytes + midi::paddedSize(size);
      if (size == 0 || next > used || next < at) break;
      const uint8_t* data = region + midi::kHeaderBytes + at + midi::kEventHeaderBytes;
      if (eventHeader[0] >= frames || jack_->jack_midi_event_write(buffer, eventHeader[0], data, size) != 0) {
        addToWord(&table.control[control::kMidiOutLost], 1);
        ++header[midi::kLost];
      }
      at = next;
    }
  }
}

void RealtimeBridge::silenceOutputs(const BridgeTable& table, jack_nframes_t frames) {
  for (const PortSlot& slot : table.audioOut) {
    void* buffer = jack_->jack_port_get_buffer(slot.port, frames);
    if (buffer) std::memset(buffer, 0, frames * sizeof(float));
  }
  for (const PortSlot& slot : table.midiOut) {
    void* buffer = jack_->jack_port_get_buffer(slot.port, frames);
    if (buffer) jack_->jack_midi_clear_buffer(buffer);
  }
}

void RealtimeBridge::pinThread(const BridgeTable& table) {
  int cpu = sched_getcpu();
  if (pinnedCpu_ < 0 && cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (pthread_setaffinity_np(pthread_self(), sizeof set, &set) == 0) pinnedCpu_ = cpu;
  }
  storeWord(&table.control[control::kJackCpu], pinnedCpu_ >= 0 ? pinnedCpu_ : cpu);
}

}  // namespace jackclient
