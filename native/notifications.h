// JACK's notifications (freewheel, block size, registrations, connections, xruns, properties,
// latency, ...). The C callbacks run on JACK's notification thread: they post one record with
// what JACK gave them (port ids, names) to the mailbox when JS asked for that kind, and return at
// once. They never call libjack and never call JS; the main thread resolves port ids.
#pragma once

namespace jackclient {

struct ClientCore;

// Installs every notification callback; called once when the client opens (JACK2 accepts
// callbacks only before activation, so they are all in place from the start).
void installNotifications(ClientCore* core);

// Installs the latency callback (JACK2 accepts it only before activation). With it installed,
// JACK2 no longer sets the client's latency ranges itself: the TypeScript side does.
// The caller holds `requests` and has checked that libjack has the function.
int installLatencyCallback(ClientCore* core);

}  // namespace jackclient
