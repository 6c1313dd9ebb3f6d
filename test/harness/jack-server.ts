// A private JACK2 server per test file (dummy driver, unique name), stopped by process id after,
// even when the tests fail. Never touches a server it did not start.
import { randomBytes } from 'node:crypto';

import { startPrivateServer, type PrivateServer } from '../../src/cli/private-server.js';

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

export function uniqueServerName(): string {
  counter += 1;
  return `jctest-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

export async function startJackServer(options: ServerOptions = {}): Promise<JackServer> {
  const server = await startPrivateServer({ name: options.name ?? uniqueServerName(), ...(options.period ? { period: options.period } : {}) });
  const env = { ...process.env, JACK_DEFAULT_SERVER: server.name, JACK_NO_START_SERVER: '1' };
  return { ...server, env };
}
