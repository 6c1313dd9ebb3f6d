// A private JACK2 server per test file (dummy driver, unique name), stopped by process id after,
// even when the tests fail. Never touches a server it did not start.
import { randomBytes } from 'node:crypto';

import { startPrivateServer, stopAllPrivateServers, type PrivateServer } from '../../src/cli/private-server.js';
import { startPipeWireServer } from './pipewire-server.js';

export interface JackServer extends PrivateServer {
  /** Environment for child processes that must talk to this server (and never start another). */
  readonly env: NodeJS.ProcessEnv;
}

export interface ServerOptions {
  /** Reuse a name, e.g. to restart a server that a test killed. */
  name?: string;
  /** Frames per period; default 256. */
  period?: number;
}

let counter = 0;

// No client of the tests may start a server on its own.
process.env['JACK_NO_START_SERVER'] = '1';

// A test file the runner (or CI) ends with a signal still stops its servers cleanly: a SIGKILLed
// jackd would keep its entry in JACK2's registry of 8 servers.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    void stopAllPrivateServers().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15)));
  });
}

export function uniqueServerName(): string {
  counter += 1;
  return `jctest-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

/** Which server the suite runs against: JACK2's jackd (default) or PipeWire (`JACK_CLIENT_TEST_SERVER=pipewire`). */
export type ServerKind = 'jack2' | 'pipewire';

export function serverKind(): ServerKind {
  return process.env['JACK_CLIENT_TEST_SERVER'] === 'pipewire' ? 'pipewire' : 'jack2';
}

export const onPipeWire = serverKind() === 'pipewire';

export async function startJackServer(options: ServerOptions = {}): Promise<JackServer> {
  if (onPipeWire) return startPipeWireServer(options);
  const server = await startPrivateServer({ name: options.name ?? uniqueServerName(), ...(options.period ? { period: options.period } : {}) });
  const env = { ...process.env, JACK_DEFAULT_SERVER: server.name, JACK_NO_START_SERVER: '1' };
  return { ...server, env };
}
