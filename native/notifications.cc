#include "notifications.h"

#include <cstdint>
#include <cstring>

#include "cancellation.h"
#include "client_core.h"

namespace jackclient {
namespace {

constexpr int kCaptureLatency = 0;
constexpr int kPlaybackLatency = 1;
constexpr int kPortIsInput = 0x1;
constexpr int kPortIsOutput = 0x2;

ClientCore* coreOf(void* argument) { return static_cast<ClientCore*>(argument); }

bool wanted(const ClientCore* core, RecordKind kind) {
  return (core->wanted.load(std::memory_order_relaxed) & (1u << static_cast<uint32_t>(kind))) != 0;
}

void notify(ClientCore* core, RecordKind kind, int64_t number, const char* text = nullptr) {
  if (wanted(core, kind)) core->environment->post(kind, core->id, number, text);
}

// Two strings in one record, separated by a NUL.
void notifyPair(ClientCore* core, RecordKind kind, int64_t number, const char* first, const char* second) {
  if (!wanted(core, kind)) return;
  char text[1020];
  size_t firstLength = first ? strnlen(first, sizeof text / 2 - 1) : 0;
  size_t secondLength = second ? strnlen(second, sizeof text / 2 - 1) : 0;
  if (firstLength) std::memcpy(text, first, firstLength);
  text[firstLength] = '\0';
  if (secondLength) std::memcpy(text + firstLength + 1, second, secondLength);
  core->environment->post(kind, core->id, number, text, firstLength + 1 + secondLength);
}

// Writes `value` in decimal (at least 21 bytes of room); JACK UUIDs are 64-bit.
void toDecimal(uint64_t value, char* text) {
  char digits[21];
  int length = 0;
  do {
    digits[length++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = 0; i < length; ++i) text[i] = digits[length - 1 - i];
  text[length] = '\0';
}

const char* portName(ClientCore* core, jack_port_id_t id) {
  if (!core->jack->jack_port_by_id) return "";
  jack_port_t* port = core->jack->jack_port_by_id(core->handle, id);
  const char* name = port ? core->jack->jack_port_name(port) : nullptr;
  return name ? name : "";
}

void onFreewheel(int starting, void* argument) {
  int previous = disableCancellation();
  ClientCore* core = coreOf(argument);
  core->bridge.setFreewheel(starting != 0);
  notify(core, RecordKind::kFreewheel, starting != 0 ? 1 : 0);
  restoreCancellation(previous);
}

int onBlocksize(jack_nframes_t frames, void* argument) {
  int previous = disableCancellation();
  notify(coreOf(argument), RecordKind::kBlocksize, frames);
  restoreCancellation(previous);
  return 0;
}

int onSamplerate(jack_nframes_t rate, void* argument) {
  int previous = disableCancellation();
  notify(coreOf(argument), RecordKind::kSamplerate, rate);
  restoreCancellation(previous);
  return 0;
}

void onClientRegistration(const char* name, int registered, void* argument) {
  int previous = disableCancellation();
  notify(coreOf(argument), RecordKind::kClientRegistration, registered != 0 ? 1 : 0, name);
  restoreCancellation(previous);
}

void onPortRegistration(jack_port_id_t id, int registered, void* argument) {
  int previous = disableCancellation();
  ClientCore* core = coreOf(argument);
  if (wanted(core, RecordKind::kPortRegistration)) {
    // The UUID finds the Port object of a port that is gone (JACK2 keeps a released port's name).
    char uuid[24] = "";
    jack_port_t* port = core->jack->jack_port_by_id ? core->jack->jack_port_by_id(core->handle, id) : nullptr;
    if (port && core->jack->jack_port_uuid) toDecimal(core->jack->jack_port_uuid(port), uuid);
    notifyPair(core, RecordKind::kPortRegistration, registered != 0 ? 1 : 0, portName(core, id), uuid);
  }
  restoreCancellation(previous);
}

void onPortConnect(jack_port_id_t a, jack_port_id_t b, int connected, void* argument) {
  int previous = disableCancellation();
  ClientCore* core = coreOf(argument);
  if (wanted(core, RecordKind::kPortConnect)) {
    notifyPair(core, RecordKind::kPortConnect, connected != 0 ? 1 : 0, portName(core, a), portName(core, b));
  }
  restoreCancellation(previous);
}

void onPortRename(jack_port_id_t, const char* oldName, const char* newName, void* argument) {
  int previous = disableCancellation();
  notifyPair(coreOf(argument), RecordKind::kPortRename, 0, oldName, newName);
  restoreCancellation(previous);
}

int onGraphOrder(void* argument) {
  int previous = disableCancellation();
  notify(coreOf(argument), RecordKind::kGraphOrder, 0);
  restoreCancellation(previous);
  return 0;
}

int onXrun(void* argument) {
  int previous = disableCancellation();
  ClientCore* core = coreOf(argument);
  if (wanted(core, RecordKind::kXrun)) {
    float delay = core->jack->jack_get_xrun_delayed_usecs ? core->jack->jack_get_xrun_delayed_usecs(core->handle) : 0;
    notify(core, RecordKind::kXrun, static_cast<int64_t>(static_cast<double>(delay) * 1000.0));
  }
  restoreCancellation(previous);
  return 0;
}

void onPropertyChange(jack_uuid_t subject, const char* key, int change, void* argument) {
  int previous = disableCancellation();
  char subjectText[24];
  toDecimal(subject, subjectText);
  notifyPair(coreOf(argument), RecordKind::kPropertyChange, change, subjectText, key ? key : "");
  restoreCancellation(previous);
}

// What JACK2 does for a client without a latency callback: every port of the client depends on
// every other, so the receiving side takes the widest range of the other side.
void propagateDefaultLatency(ClientCore* core, int mode) {
  const LibJack* jack = core->jack;
  if (!jack->jack_port_get_latency_range || !jack->jack_port_set_latency_range) return;
  int from = mode == kPlaybackLatency ? kPortIsOutput : kPortIsInput;
  int to = mode == kPlaybackLatency ? kPortIsInput : kPortIsOutput;
  jack_latency_range_t widest{UINT32_MAX, 0};
  std::lock_guard<std::mutex> guard(core->portsMutex);
  for (jack_port_t* port : core->ownPorts) {
    if (!port || !(jack->jack_port_flags(port) & from)) continue;
    jack_latency_range_t range{0, 0};
    jack->jack_port_get_latency_range(port, mode, &range);
    if (range.min < widest.min) widest.min = range.min;
    if (range.max > widest.max) widest.max = range.max;
  }
  if (widest.min == UINT32_MAX) widest.min = 0;
  for (jack_port_t* port : core->ownPorts) {
    if (port && (jack->jack_port_flags(port) & to)) jack->jack_port_set_latency_range(port, mode, &widest);
  }
}

void onLatency(int mode, void* argument) {
  int previous = disableCancellation();
  ClientCore* core = coreOf(argument);
  if (!core->manualLatency.load()) propagateDefaultLatency(core, mode);
  notify(core, RecordKind::kLatency, mode == kCaptureLatency ? 0 : 1);
  restoreCancellation(previous);
}

}  // namespace

void installNotifications(ClientCore* core) {
  const LibJack* jack = core->jack;
  jack_client_t* client = core->handle;
  if (jack->jack_set_freewheel_callback) jack->jack_set_freewheel_callback(client, &onFreewheel, core);
  if (jack->jack_set_buffer_size_callback) jack->jack_set_buffer_size_callback(client, &onBlocksize, core);
  if (jack->jack_set_sample_rate_callback) jack->jack_set_sample_rate_callback(client, &onSamplerate, core);
  if (jack->jack_set_client_registration_callback) {
    jack->jack_set_client_registration_callback(client, &onClientRegistration, core);
  }
  if (jack->jack_set_port_registration_callback) {
    jack->jack_set_port_registration_callback(client, &onPortRegistration, core);
  }
  if (jack->jack_set_port_connect_callback) jack->jack_set_port_connect_callback(client, &onPortConnect, core);
  if (jack->jack_set_port_rename_callback) jack->jack_set_port_rename_callback(client, &onPortRename, core);
  if (jack->jack_set_graph_order_callback) jack->jack_set_graph_order_callback(client, &onGraphOrder, core);
  if (jack->jack_set_xrun_callback) jack->jack_set_xrun_callback(client, &onXrun, core);
  if (jack->jack_set_property_change_callback) {
    jack->jack_set_property_change_callback(client, &onPropertyChange, core);
  }
  if (jack->jack_set_latency_callback) jack->jack_set_latency_callback(client, &onLatency, core);
}

}  // namespace jackclient
