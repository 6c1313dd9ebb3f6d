// The control words shared by JACK's process thread, the audio worker and the main thread: an
// Int32Array over one SharedArrayBuffer. src/processor/layout.ts holds the same numbers for TS.
#pragma once

#include <cstdint>

namespace jackclient {
namespace control {

// The two futex words sit on their own cache lines.
constexpr int kPosted = 0;    // cycle number posted by the JACK thread (never 0 once posted)
constexpr int kDone = 16;     // cycle number the worker finished
constexpr int kWorkerSleeping = 32;
constexpr int kJackWaiting = 33;
constexpr int kFrames = 34;       // frames of the posted cycle
constexpr int kGeneration = 35;   // layout generation of the posted cycle
constexpr int kState = 36;        // ProcessorState
constexpr int kStop = 37;         // nonzero: the worker must leave its loop
constexpr int kFreewheel = 38;
constexpr int kLastFrameTime = 39;
constexpr int kCycles = 40;
constexpr int kLate = 41;
constexpr int kSkipped = 42;
constexpr int kLongestCallbackNs = 43;
constexpr int kLastCallbackNs = 44;
constexpr int kLongestResponseNs = 45;
constexpr int kJackCpu = 46;
constexpr int kPendingMessages = 47;
constexpr int kMidiOutLost = 48;
constexpr int kOversized = 49;
constexpr int kSampleRate = 50;
constexpr int kPostedAtLow = 51;   // CLOCK_MONOTONIC ns when the cycle was posted, low 32 bits
constexpr int kPostedAtHigh = 52;  // and high 32 bits; written before kPosted
constexpr int kRequest = 53;         // Request: what the posted cycle asks the worker to run
constexpr int kTransportState = 54;  // jack_transport_state_t of a sync or timebase request
constexpr int kNewPosition = 55;     // timebase request: 1 for a new position
constexpr int kSyncReady = 56;       // the worker's answer to a sync request
constexpr int kPosition = 64;        // a jack_position_t (136 bytes, packed) from here
constexpr int kWords = 104;

}  // namespace control

enum Request : int32_t { kProcessRequest = 0, kSyncRequest = 1, kTimebaseRequest = 2 };

// Bytes of jack_position_t a timebase master may set: from `valid` up to `unique_2` (JACK owns
// unique_1, usecs, frame_rate and frame).
constexpr size_t kPositionWritableFrom = 24;
constexpr size_t kPositionWritableTo = 128;

enum ProcessorState : int32_t { kStarting = 0, kRunning = 1, kStopped = 2, kFailed = 3 };

// A MIDI region: four Int32 header words, then events of {uint32 time, uint32 size, bytes} padded
// to four bytes.
namespace midi {
constexpr int kCount = 0;
constexpr int kUsedBytes = 1;
constexpr int kLost = 2;
constexpr uint32_t kHeaderBytes = 16;
constexpr uint32_t kEventHeaderBytes = 8;
inline uint32_t paddedSize(uint32_t size) { return (size + 3u) & ~3u; }
}  // namespace midi

}  // namespace jackclient
