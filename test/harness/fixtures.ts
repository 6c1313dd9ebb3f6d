// One server per test file, with clients that are closed after each test even when it fails.
import { after, afterEach, before } from 'node:test';

import { Client, type ClientOptions } from 'jack-client';

import { startJackServer, type JackServer, type ServerOptions } from './jack-server.js';

export interface ServerFixture {
  /** The running server; valid inside tests. */
  readonly server: JackServer;
  /** Opens a client on the server; it is closed after the current test. */
  client(name: string, options?: ClientOptions): Client;
  /** Registers a client opened otherwise, to be closed after the current test. */
  track(client: Client): Client;
}

export function useJackServer(options: ServerOptions = {}): ServerFixture {
  let server: JackServer | undefined;
  const clients: Client[] = [];
  before(async () => {
    server = await startJackServer(options);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  after(async () => {
    await server?.stop();
  });
  const fixture: ServerFixture = {
    get server(): JackServer {
      if (!server) throw new Error('the JACK server is not started yet');
      return server;
    },
    client(name, options = {}) {
      return fixture.track(new Client(name, { noStartServer: true, serverName: fixture.server.name, ...options }));
    },
    track(client) {
      clients.push(client);
      return client;
    },
  };
  return fixture;
}
