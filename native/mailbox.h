// A bounded lock-free multi-producer queue of fixed-size records (Vyukov's design). JACK's threads
// push; the JS thread of one environment drains it. Pushing never blocks and never allocates: a full
// queue counts a drop instead.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace jackclient {

enum class RecordKind : uint32_t {
  kShutdown = 1,
  kErrorMessage = 2,
  kInfoMessage = 3,
  // Notifications (native/notifications.cc); a client asks for each kind with a bit (1 << kind).
  kFreewheel = 4,         // number: 1 starting, 0 stopping
  kBlocksize = 5,         // number: frames
  kSamplerate = 6,        // number: frames per second
  kClientRegistration = 7,  // number: 1 registered, 0 gone; text: the client's name
  kPortRegistration = 8,  // number: 1 registered, 0 gone; text: the port id
  kPortConnect = 9,       // number: 1 connected, 0 disconnected; text: the port ids "a\0b"
  kPortRename = 10,       // text: "old\0new"
  kGraphOrder = 11,
  kXrun = 12,
  kPropertyChange = 13,   // number: change; text: "subject\0key"
  kLatency = 14,          // number: 0 capture, 1 playback
};

struct Record {
  RecordKind kind;
  uint32_t client;   // native client id, 0 for process-wide records
  int64_t number;    // kind-specific integer (status bits for a shutdown)
  uint32_t textLength;
  char text[1020];   // kind-specific text (reason, message), truncated to fit
};

class Mailbox {
 public:
  static constexpr size_t kCapacity = 256;

  Mailbox() {
    for (size_t i = 0; i < kCapacity; ++i) cells_[i].sequence.store(i, std::memory_order_relaxed);
  }

  // `text` holds `length` bytes (NULs allowed).
  bool push(RecordKind kind, uint32_t client, int64_t number, const char* text, size_t length) {
    size_t position = enqueuePosition_.load(std::memory_order_relaxed);
    Cell* cell;
    for (;;) {
      cell = &cells_[position % kCapacity];
      size_t sequence = cell->sequence.load(std::memory_order_acquire);
      intptr_t difference = static_cast<intptr_t>(sequence) - static_cast<intptr_t>(position);
      if (difference == 0) {
        if (enqueuePosition_.compare_exchange_weak(position, position + 1,
                                                   std::memory_order_relaxed)) {
          break;
        }
      } else if (difference < 0) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return false;
      } else {
        position = enqueuePosition_.load(std::memory_order_relaxed);
      }
    }
    Record& record = cell->record;
    record.kind = kind;
    record.client = client;
    record.number = number;
    if (!text) length = 0;
    if (length > sizeof(record.text)) length = sizeof(record.text);
    if (length) std::memcpy(record.text, text, length);
    record.textLength = static_cast<uint32_t>(length);
    cell->sequence.store(position + 1, std::memory_order_release);
    return true;
  }

  // Single consumer.
  bool pop(Record& out) {
    Cell& cell = cells_[dequeuePosition_ % kCapacity];
    size_t sequence = cell.sequence.load(std::memory_order_acquire);
    if (sequence != dequeuePosition_ + 1) return false;
    out = cell.record;
    cell.sequence.store(dequeuePosition_ + kCapacity, std::memory_order_release);
    ++dequeuePosition_;
    return true;
  }

  uint64_t takeDropped() { return dropped_.exchange(0, std::memory_order_relaxed); }

 private:
  struct Cell {
    std::atomic<size_t> sequence;
    Record record;
  };
  Cell cells_[kCapacity];
  alignas(64) std::atomic<size_t> enqueuePosition_{0};
  alignas(64) size_t dequeuePosition_ = 0;
  std::atomic<uint64_t> dropped_{0};
};

}  // namespace jackclient
