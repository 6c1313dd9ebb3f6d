// What a Port needs from the Client that made it. Ports see the client only through this
// interface, which keeps port.ts free of an import cycle with client.ts.
import type { NativeClient } from './native.js';
import type { OwnPort, Port } from './port.js';

export interface PortOwner {
  /** The open native client; throws a JackError when the client is closed. */
  native(): NativeClient;
  /** The Port object for a full port name; throws a JackError when there is no such port. */
  portByName(name: string): Port;
  connect(source: Port | string, destination: Port | string): void;
  disconnect(source: Port | string, destination: Port | string): void;
  unregister(port: OwnPort): void;
  /** A latency range of a port was changed. */
  latencyChanged(): void;
}
