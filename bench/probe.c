/*
 * The benchmark's measuring instrument, in C so that it costs the same for every client measured.
 * Two JACK clients in one process: <prefix>_src sends a ramp into the client under test, and
 * <prefix>_sink receives what the client under test sends on. JACK runs them in graph order, so the
 * time from the end of src's process callback to the start of sink's is the time the client under
 * test held the cycle (its wake-up, its work, and the hand-over to the next client).
 *
 * Usage: probe PREFIX TARGET_IN_PREFIX TARGET_OUT_PREFIX SECONDS
 *   e.g. probe bench jack_thru:input_ jack_thru:output_ 60   (ports numbered 1 and 2)
 *   TARGET "-" connects src straight to sink (the instrument's own cost).
 * Prints one JSON object: cycle times (median, p99, max in us), cycles, xruns, DSP load, and
 * the latency of the path in frames (0 means the client passes audio on in the same cycle).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct _jack_client jack_client_t;
typedef struct _jack_port jack_port_t;
typedef uint32_t jack_nframes_t;
extern jack_client_t *jack_client_open(const char *name, int options, int *status, ...);
extern int jack_client_close(jack_client_t *client);
extern int jack_activate(jack_client_t *client);
extern int jack_set_process_callback(jack_client_t *client, int (*callback)(jack_nframes_t, void *), void *arg);
extern int jack_set_xrun_callback(jack_client_t *client, int (*callback)(void *), void *arg);
extern jack_port_t *jack_port_register(jack_client_t *client, const char *name, const char *type,
                                       unsigned long flags, unsigned long buffer_size);
extern void *jack_port_get_buffer(jack_port_t *port, jack_nframes_t frames);
extern int jack_connect(jack_client_t *client, const char *source, const char *destination);
extern const char *jack_port_name(const jack_port_t *port);
extern float jack_cpu_load(jack_client_t *client);
extern jack_nframes_t jack_last_frame_time(const jack_client_t *client);

#define AUDIO "32 bit float mono audio"
#define IS_INPUT 0x1
#define IS_OUTPUT 0x2
#define NO_START_SERVER 0x01
#define CHANNELS 2
#define MAX_SAMPLES (1 << 20)
#define WRAP (1 << 24)

static jack_client_t *source, *sink;
static jack_port_t *source_out[CHANNELS], *sink_in[CHANNELS];
static volatile int64_t source_done_ns;
static volatile int measuring;
static volatile uint32_t xruns;
static double samples_us[MAX_SAMPLES];
static volatile uint32_t sample_count;
static volatile int64_t latency_frames = -1, latency_mismatches;

static int64_t now_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static int produce(jack_nframes_t frames, void *arg) {
  (void)arg;
  jack_nframes_t start = jack_last_frame_time(source);
  for (int c = 0; c < CHANNELS; c++) {
    float *out = jack_port_get_buffer(source_out[c], frames);
    for (jack_nframes_t i = 0; i < frames; i++) out[i] = (float)((start + i) % WRAP + 1);
  }
  source_done_ns = now_ns();
  return 0;
}

static int consume(jack_nframes_t frames, void *arg) {
  (void)arg;
  int64_t started = now_ns();
  if (!measuring) return 0;
  if (sample_count < MAX_SAMPLES) samples_us[sample_count++] = (double)(started - source_done_ns) / 1000.0;
  jack_nframes_t now = jack_last_frame_time(sink);
  const float *in = jack_port_get_buffer(sink_in[0], frames);
  for (jack_nframes_t i = 0; i < frames; i += frames / 4 + 1) {
    if (in[i] == 0.0f) continue;
    int64_t latency = ((int64_t)((now + i) % WRAP) + 1 - (int64_t)in[i] + WRAP) % WRAP;
    if (latency_frames < 0) latency_frames = latency;
    else if (latency != latency_frames) latency_mismatches++;
  }
  return 0;
}

static int on_xrun(void *arg) {
  (void)arg;
  if (measuring) xruns++;
  return 0;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static jack_client_t *open_client(const char *prefix, const char *role) {
  char name[64];
  snprintf(name, sizeof name, "%s_%s", prefix, role);
  int status = 0;
  jack_client_t *client = jack_client_open(name, NO_START_SERVER, &status);
  if (!client) {
    fprintf(stderr, "probe: cannot open client %s (status 0x%x)\n", name, status);
    exit(2);
  }
  return client;
}

static void connect_or_die(jack_client_t *client, const char *from, const char *to) {
  if (jack_connect(client, from, to) != 0) {
    fprintf(stderr, "probe: cannot connect %s -> %s\n", from, to);
    exit(2);
  }
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: probe PREFIX TARGET_IN_PREFIX TARGET_OUT_PREFIX SECONDS\n");
    return 2;
  }
  const char *prefix = argv[1], *target_in = argv[2], *target_out = argv[3];
  double seconds = atof(argv[4]);
  source = open_client(prefix, "src");
  sink = open_client(prefix, "sink");
  for (int c = 0; c < CHANNELS; c++) {
    char name[32];
    snprintf(name, sizeof name, "out_%d", c + 1);
    source_out[c] = jack_port_register(source, name, AUDIO, IS_OUTPUT, 0);
    snprintf(name, sizeof name, "in_%d", c + 1);
    sink_in[c] = jack_port_register(sink, name, AUDIO, IS_INPUT, 0);
  }
  jack_set_process_callback(source, produce, NULL);
  jack_set_process_callback(sink, consume, NULL);
  jack_set_xrun_callback(sink, on_xrun, NULL);
  if (jack_activate(source) || jack_activate(sink)) {
    fprintf(stderr, "probe: cannot activate\n");
    return 2;
  }
  for (int c = 0; c < CHANNELS; c++) {
    char port[320];
    if (strcmp(target_in, "-") == 0) {
      connect_or_die(source, jack_port_name(source_out[c]), jack_port_name(sink_in[c]));
      continue;
    }
    snprintf(port, sizeof port, "%s%d", target_in, c + 1);
    connect_or_die(source, jack_port_name(source_out[c]), port);
    snprintf(port, sizeof port, "%s%d", target_out, c + 1);
    connect_or_die(sink, port, jack_port_name(sink_in[c]));
  }
  usleep(1000 * 1000);  // warm-up: JIT, caches, graph settling
  double load_sum = 0, load_max = 0;
  int load_samples = 0;
  measuring = 1;
  for (double waited = 0; waited < seconds; waited += 0.1) {
    usleep(100 * 1000);
    double load = jack_cpu_load(sink);
    load_sum += load;
    if (load > load_max) load_max = load;
    load_samples++;
  }
  measuring = 0;
  usleep(50 * 1000);
  uint32_t count = sample_count;
  qsort(samples_us, count, sizeof samples_us[0], by_value);
  double median = count ? samples_us[count / 2] : 0;
  double p99 = count ? samples_us[(uint32_t)(count * 0.99)] : 0;
  double max = count ? samples_us[count - 1] : 0;
  printf("{\"cycles\":%u,\"medianUs\":%.2f,\"p99Us\":%.2f,\"maxUs\":%.2f,\"xruns\":%u,"
         "\"dspLoadAvg\":%.2f,\"dspLoadMax\":%.2f,\"latencyFrames\":%lld,\"latencyMismatches\":%lld}\n",
         count, median, p99, max, xruns, load_samples ? load_sum / load_samples : 0, load_max,
         (long long)latency_frames, (long long)latency_mismatches);
  jack_client_close(sink);
  jack_client_close(source);
  return 0;
}
