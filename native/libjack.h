// The C declarations of the part of libjack this addon calls, written here so that no JACK headers
// are needed to build. libjack is opened at run time; every function is looked up on its own and may
// be missing (old JACK2, PipeWire stubs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" {
typedef struct _jack_client jack_client_t;
typedef struct _jack_port jack_port_t;
typedef uint32_t jack_nframes_t;
typedef uint64_t jack_time_t;
typedef uint64_t jack_uuid_t;
typedef int jack_options_t;
typedef int jack_status_t;
typedef void (*JackInfoShutdownCallback)(jack_status_t code, const char* reason, void* arg);
typedef void (*JackShutdownCallback)(void* arg);
typedef void (*JackMessageFunction)(const char* message);
typedef int (*JackProcessCallback)(jack_nframes_t nframes, void* arg);
typedef void (*JackFreewheelCallback)(int starting, void* arg);
typedef uint32_t jack_port_id_t;
typedef int (*JackBufferSizeCallback)(jack_nframes_t frames, void* arg);
typedef int (*JackSampleRateCallback)(jack_nframes_t rate, void* arg);
typedef void (*JackClientRegistrationCallback)(const char* name, int registered, void* arg);
typedef void (*JackPortRegistrationCallback)(jack_port_id_t port, int registered, void* arg);
typedef void (*JackPortConnectCallback)(jack_port_id_t a, jack_port_id_t b, int connected, void* arg);
typedef void (*JackPortRenameCallback)(jack_port_id_t port, const char* oldName, const char* newName,
                                       void* arg);
typedef int (*JackGraphOrderCallback)(void* arg);
typedef int (*JackXRunCallback)(void* arg);
typedef void (*JackPropertyChangeCallback)(jack_uuid_t subject, const char* key, int change, void* arg);
typedef void (*JackLatencyCallback)(int mode, void* arg);
struct jack_latency_range_t {
  jack_nframes_t min;
  jack_nframes_t max;
};
// jack_position_t is packed, 136 bytes; the bridge copies it whole (src/transport-position.ts
// reads the fields at their offsets).
constexpr size_t kJackPositionBytes = 136;
struct jack_position_t {
  unsigned char bytes[kJackPositionBytes];
};
typedef int (*JackSyncCallback)(int state, jack_position_t* position, void* arg);
typedef void (*JackTimebaseCallback)(int state, jack_nframes_t frames, jack_position_t* position,
                                     int newPosition, void* arg);
struct jack_property_t {
  const char* key;
  const char* data;
  const char* type;
};
struct jack_description_t {
  jack_uuid_t subject;
  uint32_t property_cnt;
  jack_property_t* properties;
  uint32_t property_size;
};
typedef unsigned char jack_midi_data_t;
struct jack_midi_event_t {
  jack_nframes_t time;
  size_t size;
  jack_midi_data_t* buffer;
};
}

namespace jackclient {

// X(name, return type, parameter list)
#define JACK_FUNCTIONS(X)                                                                       \
  X(jack_client_open, jack_client_t*, (const char*, jack_options_t, jack_status_t*, ...))      \
  X(jack_client_close, int, (jack_client_t*))                                                  \
  X(jack_client_name_size, int, (void))                                                        \
  X(jack_port_name_size, int, (void))                                                          \
  X(jack_port_type_size, int, (void))                                                          \
  X(jack_get_version, void, (int*, int*, int*, int*))                                          \
  X(jack_get_version_string, const char*, (void))                                              \
  X(jack_get_client_name, char*, (jack_client_t*))                                             \
  X(jack_client_get_uuid, char*, (jack_client_t*))                                             \
  X(jack_get_uuid_for_client_name, char*, (jack_client_t*, const char*))                       \
  X(jack_get_client_name_by_uuid, char*, (jack_client_t*, const char*))                        \
  X(jack_get_client_pid, int, (const char*))                                                   \
  X(jack_activate, int, (jack_client_t*))                                                      \
  X(jack_deactivate, int, (jack_client_t*))                                                    \
  X(jack_on_info_shutdown, void, (jack_client_t*, JackInfoShutdownCallback, void*))            \
  X(jack_on_shutdown, void, (jack_client_t*, JackShutdownCallback, void*))                     \
  X(jack_is_realtime, int, (jack_client_t*))                                                   \
  X(jack_get_sample_rate, jack_nframes_t, (jack_client_t*))                                    \
  X(jack_get_buffer_size, jack_nframes_t, (jack_client_t*))                                    \
  X(jack_set_buffer_size, int, (jack_client_t*, jack_nframes_t))                               \
  X(jack_cpu_load, float, (jack_client_t*))                                                    \
  X(jack_frame_time, jack_nframes_t, (const jack_client_t*))                                   \
  X(jack_frames_since_cycle_start, jack_nframes_t, (const jack_client_t*))                     \
  X(jack_port_register, jack_port_t*,                                                          \
    (jack_client_t*, const char*, const char*, unsigned long, unsigned long))                  \
  X(jack_port_unregister, int, (jack_client_t*, jack_port_t*))                                 \
  X(jack_port_name, const char*, (const jack_port_t*))                                         \
  X(jack_port_short_name, const char*, (const jack_port_t*))                                   \
  X(jack_port_uuid, jack_uuid_t, (const jack_port_t*))                                         \
  X(jack_port_flags, int, (const jack_port_t*))                                                \
  X(jack_port_type, const char*, (const jack_port_t*))                                         \
  X(jack_port_is_mine, int, (const jack_client_t*, const jack_port_t*))                        \
  X(jack_port_connected, int, (const jack_port_t*))                                            \
  X(jack_port_connected_to, int, (const jack_port_t*, const char*))                            \
  X(jack_port_get_connections, const char**, (const jack_port_t*))                             \
  X(jack_port_get_all_connections, const char**, (const jack_client_t*, const jack_port_t*))   \
  X(jack_port_rename, int, (jack_client_t*, jack_port_t*, const char*))                        \
  X(jack_port_set_alias, int, (jack_port_t*, const char*))                                     \
  X(jack_port_unset_alias, int, (jack_port_t*, const char*))                                   \
  X(jack_port_get_aliases, int, (const jack_port_t*, char* const aliases[2]))                  \
  X(jack_port_request_monitor, int, (jack_port_t*, int))                                       \
  X(jack_port_monitoring_input, int, (jack_port_t*))                                           \
  X(jack_connect, int, (jack_client_t*, const char*, const char*))                             \
  X(jack_disconnect, int, (jack_client_t*, const char*, const char*))                          \
  X(jack_port_disconnect, int, (jack_client_t*, jack_port_t*))                                 \
  X(jack_get_ports, const char**, (jack_client_t*, const char*, const char*, unsigned long))   \
  X(jack_port_by_name, jack_port_t*, (jack_client_t*, const char*))                            \
  X(jack_set_error_function, void, (JackMessageFunction))                                      \
  X(jack_set_info_function, void, (JackMessageFunction))                                       \
  X(jack_free, void, (void*))                                                                  \
  X(jack_set_process_callback, int, (jack_client_t*, JackProcessCallback, void*))              \
  X(jack_set_freewheel_callback, int, (jack_client_t*, JackFreewheelCallback, void*))          \
  X(jack_client_real_time_priority, int, (jack_client_t*))                                     \
  X(jack_last_frame_time, jack_nframes_t, (const jack_client_t*))                              \
  X(jack_port_get_buffer, void*, (jack_port_t*, jack_nframes_t))                               \
  X(jack_port_type_get_buffer_size, size_t, (jack_client_t*, const char*))                     \
  X(jack_midi_get_event_count, uint32_t, (void*))                                              \
  X(jack_midi_event_get, int, (jack_midi_event_t*, void*, uint32_t))                           \
  X(jack_midi_clear_buffer, void, (void*))                                                     \
  X(jack_midi_event_write, int, (void*, jack_nframes_t, const jack_midi_data_t*, size_t))      \
  X(jack_midi_get_lost_event_count, uint32_t, (void*))                                         \
  X(jack_get_cycle_times, int,                                                                 \
    (const jack_client_t*, jack_nframes_t*, jack_time_t*, jack_time_t*, float*))               \
  X(jack_frames_to_time, jack_time_t, (const jack_client_t*, jack_nframes_t))                  \
  X(jack_time_to_frames, jack_nframes_t, (const jack_client_t*, jack_time_t))                  \
  X(jack_get_time, jack_time_t, (void))                                                        \
  X(jack_set_buffer_size_callback, int, (jack_client_t*, JackBufferSizeCallback, void*))       \
  X(jack_set_sample_rate_callback, int, (jack_client_t*, JackSampleRateCallback, void*))       \
  X(jack_set_client_registration_callback, int,                                                \
    (jack_client_t*, JackClientRegistrationCallback, void*))                                   \
  X(jack_set_port_registration_callback, int,                                                  \
    (jack_client_t*, JackPortRegistrationCallback, void*))                                     \
  X(jack_set_port_connect_callback, int, (jack_client_t*, JackPortConnectCallback, void*))     \
  X(jack_set_port_rename_callback, int, (jack_client_t*, JackPortRenameCallback, void*))       \
  X(jack_set_graph_order_callback, int, (jack_client_t*, JackGraphOrderCallback, void*))       \
  X(jack_set_xrun_callback, int, (jack_client_t*, JackXRunCallback, void*))                    \
  X(jack_set_property_change_callback, int,                                                    \
    (jack_client_t*, JackPropertyChangeCallback, void*))                                       \
  X(jack_set_latency_callback, int, (jack_client_t*, JackLatencyCallback, void*))              \
  X(jack_get_xrun_delayed_usecs, float, (jack_client_t*))                                      \
  X(jack_get_max_delayed_usecs, float, (jack_client_t*))                                       \
  X(jack_reset_max_delayed_usecs, void, (jack_client_t*))                                      \
  X(jack_set_freewheel, int, (jack_client_t*, int))                                            \
  X(jack_port_by_id, jack_port_t*, (jack_client_t*, jack_port_id_t))                           \
  X(jack_port_get_latency_range, void, (jack_port_t*, int, jack_latency_range_t*))             \
  X(jack_port_set_latency_range, void, (jack_port_t*, int, jack_latency_range_t*))             \
  X(jack_recompute_total_latencies, int, (jack_client_t*))                                     \
  X(jack_transport_start, void, (jack_client_t*))                                              \
  X(jack_transport_stop, void, (jack_client_t*))                                               \
  X(jack_transport_query, int, (const jack_client_t*, jack_position_t*))                       \
  X(jack_get_current_transport_frame, jack_nframes_t, (const jack_client_t*))                  \
  X(jack_transport_locate, int, (jack_client_t*, jack_nframes_t))                              \
  X(jack_transport_reposition, int, (jack_client_t*, const jack_position_t*))                  \
  X(jack_set_sync_timeout, int, (jack_client_t*, jack_time_t))                                 \
  X(jack_set_sync_callback, int, (jack_client_t*, JackSyncCallback, void*))                    \
  X(jack_set_timebase_callback, int, (jack_client_t*, int, JackTimebaseCallback, void*))       \
  X(jack_release_timebase, int, (jack_client_t*))                                              \
  X(jack_set_property, int, (jack_client_t*, jack_uuid_t, const char*, const char*, const char*)) \
  X(jack_get_property, int, (jack_uuid_t, const char*, char**, char**))                        \
  X(jack_get_properties, int, (jack_uuid_t, jack_description_t*))                              \
  X(jack_get_all_properties, int, (jack_description_t**))                                      \
  X(jack_free_description, void, (jack_description_t*, int))                                   \
  X(jack_remove_property, int, (jack_client_t*, jack_uuid_t, const char*))                     \
  X(jack_remove_properties, int, (jack_client_t*, jack_uuid_t))                                \
  X(jack_remove_all_properties, int, (jack_client_t*))

struct LibJack {
#define JACK_DECLARE_POINTER(name, ret, params) ret(*name) params = nullptr;
  JACK_FUNCTIONS(JACK_DECLARE_POINTER)
#undef JACK_DECLARE_POINTER
};

// Loads libjack once per process. Returns nullptr when it cannot be loaded; loadError() says why.
const LibJack* loadLibJack();
const std::string& libJackPath();
const std::string& loadError();
// Whether the loaded libjack exports `name` (false when libjack is not loaded).
bool libJackHas(const std::string& name);
// Whether the loaded libjack is PipeWire's (its version string says "using PipeWire").
bool libJackIsPipeWire();
// Frees memory that libjack allocated (jack_free when present, else free).
void jackFree(void* pointer);

}  // namespace jackclient
