import assert from 'node:assert/strict';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { startJackServer } from '../harness/jack-server.js';
import { listPorts, runPeer } from '../harness/peers.js';

const fixture = useJackServer();
const forgetful = fileURLToPath(new URL('../fixtures/forgetful-client.js', import.meta.url));

async function clientsOnServer(prefix: string): Promise<string[]> {
  return [...(await listPorts(fixture.server)).keys()].filter((port) => port.startsWith(`${prefix}:`));
}

describe('a client the program forgets to close', () => {
  for (const [mode, expectedCode] of [['return', 0], ['exit', 3], ['throw', 1]] as const) {
    it(`is gone from the server after the process ends by ${mode}`, async () => {
      const name = `forgot_${mode}`;
      const result = await runPeer(process.execPath, [forgetful, mode, name], fixture.server, { allowFailure: true });
      assert.equal(result.code, expectedCode, result.stderr);
      if (mode === 'throw') assert.match(result.stderr, /uncaught on purpose/);
      assert.deepEqual(await clientsOnServer(name), []);
      const connections = await listPorts(fixture.server, ['-c']);
      assert.deepEqual(connections.get('system:playback_1'), []);
    });
  }

  it('is closed, without a crash, when the worker thread that opened it is terminated', async () => {
    const result = await runPeer(process.execPath, [forgetful, 'worker', 'forgot_worker'], fixture.server, { allowFailure: true });
    assert.equal(result.code, 0, `exit ${result.code}: ${result.stderr}`);
    assert.equal(result.stdout, 'terminated\n');
    assert.deepEqual(await clientsOnServer('forgot_worker'), []);
  });
});

describe('server shutdown', () => {
  it('fires the shutdown callback and event on the main thread, closes the client, and allows a new client later', async () => {
    const server = await startJackServer();
    try {
      const client = new jack.Client('doomed', { noStartServer: true, serverName: server.name });
      const port = client.outports.register('out');
      client.activate();
      const calls: Array<[jack.Status, string, boolean]> = [];
      client.setShutdownCallback((status, reason) => calls.push([status, reason, client.closed]));
      const shutdown = once(client, 'shutdown');
      process.kill(server.pid, 'SIGKILL');
      const [status, reason] = await shutdown as [jack.Status, string];
      assert.ok(status instanceof jack.Status);
      assert.equal(status.failure, true);
      assert.equal(typeof reason, 'string');
      assert.ok(reason.length > 0);
      assert.equal(calls.length, 1);
      assert.equal(calls[0]?.[2], true, 'the client is closed when the callback runs');
      assert.equal(client.closed, true);
      assert.throws(() => client.activate(), { name: 'JackError', message: /client "doomed" was shut down by the JACK server/ });
      assert.throws(() => port.connections, { name: 'JackError', message: /belongs to client "doomed", which was shut down/ });
      client.close();

      const again = await startJackServer({ name: server.name });
      try {
        const reborn = new jack.Client('reborn', { noStartServer: true, serverName: again.name });
        assert.equal(reborn.samplerate, 48000);
        reborn.close();
      } finally {
        await again.stop();
      }
    } finally {
      await server.stop();
    }
  });

  it('a throwing shutdown callback reaches the error event', async () => {
    const server = await startJackServer();
    try {
      const client = new jack.Client('thrower', { noStartServer: true, serverName: server.name });
      client.activate();
      client.setShutdownCallback(() => { throw new Error('callback failed'); });
      const error = once(client, 'error');
      process.kill(server.pid, 'SIGKILL');
      const [reported] = await error as [Error];
      assert.equal(reported.message, 'callback failed');
      assert.equal(client.closed, true);
    } finally {
      await server.stop();
    }
  });

  it('setShutdownCallback rejects what is not a function', () => {
    const client = fixture.client('picky');
    assert.throws(() => client.setShutdownCallback('nope' as unknown as jack.ShutdownCallback),
      { name: 'TypeError', message: 'callback must be a function, got the string "nope"' });
    client.setShutdownCallback(null);
  });
});
