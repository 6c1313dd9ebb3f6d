// JACK's notifications (freewheel, block size, registrations, connections, xruns, properties,
// latency, ...). The C callbacks run on JACK's notification thread: they read what they report
// from JACK's shared memory (names, the xrun delay), post one record to the mailbox when JS asked
// for that kind, and return at once. They never make a server request and never call JS.
#pragma once

namespace jackclient {

struct ClientCore;

// Installs every notification callback; called once when the client opens (JACK2 accepts
// callbacks only before activation, so they are all in place from the start).
void installNotifications(ClientCore* core);

}  // namespace jackclient
