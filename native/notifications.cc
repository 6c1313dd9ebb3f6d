#include "notifications.h"

#include <cstdint>
#include <cstring>

#include "cancellation.h"
#include "client_core.h"

namespace jackclient {
namespace {

constexpr int kCaptureLatency = 0;

ClientCore* coreOf(void* argument) { return static_cast<ClientCore*>(argument); }

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

bool wanted(const ClientCore* core, RecordKind kind) {
  return (core->wanted.load(std::memory_order_relaxed) & (1u << static_cast<uint32_t>(kind))) != 0;
}

// `port` (a jack_port_id_t) travels in the text as decimal, for the main thread to resolve.
void notify(ClientCore* core, RecordKind kind, int64_t number, const char* text = nullptr, int64_t port = -1) {
  if (!wanted(core, kind)) return;
  if (port < 0) {
    core->environment->post(kind, core->id, number, text);
    return;
  }
  char decimal[24];
  toDecimal(static_cast<uint64_t>(port), decimal);
  core->environment->post(kind, core->id, number, decimal);
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
  notify(coreOf(argument), RecordKind::kPortRegistration, registered != 0 ? 1 : 0, nullptr, id);
  restoreCancellation(previous);
}

void onPortConnect(jack_port_id_t a, jack_port_id_t b, int connected, void* argument) {
  int previous = disableCancellation();
  ClientCore* core = coreOf(argument);
  if (wanted(core, RecordKind::kPortConnect)) {
    char first[24];
    char second[24];
    toDecimal(a, first);
    toDecimal(b, second);
    notifyPair(core, RecordKind::kPortConnect, connected != 0 ? 1 : 0, first, second);
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
  notify(coreOf(argument), RecordKind::kXrun, 0);
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

void onLatency(int mode, void* argument) {
  int previous = disableCancellation();
  notify(coreOf(argument), RecordKind::kLatency, mode == kCaptureLatency ? 0 : 1);
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
}

int installLatencyCallback(ClientCore* core) {
  return core->jack->jack_set_latency_callback(core->handle, &onLatency, core);
}

}  // namespace jackclient
