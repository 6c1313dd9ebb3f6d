// The realtime bridge (DESIGN.md section 2): on JACK's process thread, copies a cycle's inputs into
// shared memory, wakes the audio worker, waits for it until a deadline and copies its outputs back.
// Never blocks past the deadline, never allocates, never calls JS.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "bridge_layout.h"
#include "libjack.h"

namespace jackclient {

struct PortSlot {
  jack_port_t* port;
  uint32_t offset;  // byte offset of the port's region in the data memory
};

// One immutable layout: which ports, where their data lives. Replaced as a whole when ports or
// sizes change. `memory` holds the shared memory that `control` and `data` point into: it lives as
// long as the table, whatever becomes of the worker and of the JS objects (released on the main
// thread, where tables are replaced).
struct BridgeTable {
  std::shared_ptr<void> memory;
  int32_t* control = nullptr;
  uint8_t* data = nullptr;
  size_t dataBytes = 0;
  std::vector<PortSlot> audioIn, audioOut, midiIn, midiOut;
  uint32_t capacityFrames = 0;
  uint32_t midiCapacity = 0;     // bytes of a MIDI region, header included
  bool buffered = false;         // render ahead: outputs of cycle N are played in cycle N+1
  int32_t generation = 0;
  double deadlineFraction = 0.5;
  bool pin = false;
  bool spin = false;  // spin for the worker's answer before sleeping (needs another CPU for the worker)
};

class RealtimeBridge {
 public:
  explicit RealtimeBridge(const LibJack* jack) : jack_(jack) {}
  ~RealtimeBridge() { publish(nullptr); }

  // Main thread. Replaces the table (nullptr removes it) and returns once JACK's thread no longer
  // uses the old one, which is then freed.
  void publish(std::unique_ptr<BridgeTable> table);
  // JACK's process thread.
  void process(jack_client_t* client, jack_nframes_t frames);
  // JACK's process thread, before process(): runs the worker's sync handler; true when ready.
  bool sync(jack_nframes_t frames, int state, const jack_position_t* position);
  // JACK's process thread, after process(): the worker's timebase handler fills `position`.
  void timebase(jack_nframes_t frames, int state, jack_position_t* position, bool newPosition);
  // JACK's notification thread.
  void setFreewheel(bool on) { freewheel_.store(on); }

 private:
  BridgeTable* acquire();
  void runSameCycle(const BridgeTable& table, jack_nframes_t frames, int64_t start);
  void runBuffered(const BridgeTable& table, jack_nframes_t frames);
  bool waitForWorker(const BridgeTable& table, int32_t posted, int64_t deadline, bool freewheel);
  int64_t deadlineFrom(const BridgeTable& table, jack_nframes_t frames, int64_t start) const;
  bool askWorker(const BridgeTable& table, Request request, jack_nframes_t frames, int state,
                 const jack_position_t* position, bool newPosition);
  int32_t post(const BridgeTable& table, jack_nframes_t frames, Request request);
  void copyInputs(const BridgeTable& table, jack_nframes_t frames);
  void copyOutputs(const BridgeTable& table, jack_nframes_t frames);
  void silenceOutputs(const BridgeTable& table, jack_nframes_t frames);
  void pinThread(const BridgeTable& table);

  const LibJack* jack_;
  std::atomic<BridgeTable*> current_{nullptr};
  std::atomic<BridgeTable*> active_{nullptr};
  std::unique_ptr<BridgeTable> owned_;
  std::atomic<bool> freewheel_{false};
  int pinnedCpu_ = -1;          // JACK thread only
  int32_t bufferedPosted_ = 0;  // JACK thread only: the cycle posted in the previous period
  bool timebaseMissed_ = false;  // JACK thread only: the last timebase request was not answered
};

}  // namespace jackclient
