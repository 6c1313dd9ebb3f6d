import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { eventually } from '../harness/waiting.js';
import { listPorts, runPeer, runPython } from '../harness/peers.js';

const fixture = useJackServer();

describe('opening a client', () => {
  it('opens, reports its properties, and is seen by jack_lsp', async () => {
    const client = fixture.client('props');
    assert.equal(client.name, 'props');
    assert.equal(client.samplerate, 48000);
    assert.equal(client.blocksize, 256);
    // jackd runs --no-realtime here; PipeWire's libjack always reports realtime.
    assert.equal(client.realtime, onPipeWire);
    assert.equal(client.status.failure, false);
    assert.equal(client.closed, false);
    assert.match(client.uuid, /^[0-9]+$/);
    assert.equal(typeof client.frameTime, 'number');
    assert.equal(typeof client.framesSinceCycleStart, 'number');
    const load = client.cpuLoad();
    assert.ok(load >= 0 && load <= 100, `cpuLoad ${load}`);
    client.outports.register('out');
    assert.ok((await listPorts(fixture.server)).has('props:out'));
  });

  it('has the UUID the Python module sees for its name, and the other way round', async () => {
    const client = fixture.client('uuidcheck');
    const pythonView = await runPython(
      `import jack; c = jack.Client('py_uuid', no_start_server=True); print(c.get_uuid_for_client_name('uuidcheck')); c.close()`,
      fixture.server,
    );
    assert.equal(pythonView.trim(), client.uuid);
    assert.equal(client.getClientNameByUuid(client.uuid), 'uuidcheck');
    assert.equal(client.getClientNameByUuid(BigInt(client.uuid)), 'uuidcheck');
    assert.equal(client.getUuidForClientName('uuidcheck'), client.uuid);
  });

  it('passes sessionId to JACK, which gives the client that UUID', {
    skip: onPipeWire && 'PipeWire\'s libjack parses the session ID but gives the client its own UUID (no JACK sessions)',
  }, async () => {
    const client = fixture.client('session', { sessionId: '8589934690' });
    assert.equal(client.uuid, '8589934690');
    const python = await runPython(
      `import jack; c = jack.Client('py_session', no_start_server=True); print(c.get_client_name_by_uuid('8589934690')); c.close()`,
      fixture.server,
    );
    assert.equal(python.trim(), 'session');
  });

  it('makes the name unique unless useExactName is set', () => {
    const first = fixture.client('twin');
    const second = fixture.client('twin');
    assert.equal(first.name, 'twin');
    assert.equal(second.name, 'twin-01');
    assert.equal(second.status.nameNotUnique, true);
    assert.throws(() => fixture.client('twin', { useExactName: true }), (error: unknown) => {
      assert.ok(error instanceof jack.JackOpenError);
      assert.equal(error.clientName, 'twin');
      assert.equal(error.status.failure, true);
      assert.match(error.message, /a client named "twin" exists already, and useExactName forbids a variant/);
      return true;
    });
  });

  it('reports a server that is not running, without starting one', () => {
    assert.throws(
      () => new jack.Client('lonely', { noStartServer: true, serverName: `${fixture.server.name}-absent` }),
      (error: unknown) => {
        assert.ok(error instanceof jack.JackOpenError);
        assert.ok(error instanceof jack.JackError);
        assert.equal(error.status.serverFailed, true);
        assert.match(error.message, /cannot connect to JACK server ".*-absent": it is not running/);
        return true;
      },
    );
  });

  it('opens asynchronously with Client.open without blocking the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 0);
    const opening = jack.Client.open('asyncopen', { noStartServer: true, serverName: fixture.server.name });
    const returnedAt = ticks;
    const client = fixture.track(await opening);
    clearInterval(timer);
    assert.equal(returnedAt, 0, 'Client.open returned before the client was opened');
    assert.equal(client.name, 'asyncopen');
    await assert.rejects(
      jack.Client.open('asyncfail', { noStartServer: true, serverName: `${fixture.server.name}-absent` }),
      jack.JackOpenError,
    );
  });

  it('rejects bad names and options with TypeError or RangeError naming the parameter', () => {
    const serverName = fixture.server.name;
    assert.throws(() => new jack.Client('', { serverName }), { name: 'RangeError', message: 'name must not be empty' });
    assert.throws(() => new jack.Client('a:b', { serverName }), { name: 'RangeError', message: /must not contain ":"/ });
    const limit = jack.clientNameSize() - 2;
    assert.throws(() => new jack.Client('x'.repeat(limit + 1), { serverName }),
      { name: 'RangeError', message: `name "${'x'.repeat(limit + 1)}" is ${limit + 1} bytes long; JACK allows at most ${limit}` });
    const twoByteCharacters = Math.floor(limit / 2) + 1;  // 64 bytes on JACK2 (limit 63), 256 on PipeWire (255)
    assert.throws(() => new jack.Client('é'.repeat(twoByteCharacters), { serverName }),
      { name: 'RangeError', message: new RegExp(`${twoByteCharacters * 2} bytes long`) });
    assert.equal(fixture.client('x'.repeat(limit)).name.length, limit);
    assert.throws(() => new jack.Client(42 as unknown as string), { name: 'TypeError', message: 'name must be a string, got number 42' });
    assert.throws(() => new jack.Client('ok', { no_start_server: true } as jack.ClientOptions),
      { name: 'TypeError', message: /unknown option "no_start_server"/ });
    assert.throws(() => new jack.Client('ok', { serverName: 5 } as unknown as jack.ClientOptions),
      { name: 'TypeError', message: 'options.serverName must be a string, got number 5' });
  });
});

describe('after close', () => {
  it('close is idempotent and every method then throws a JackError', () => {
    const client = fixture.client('closing');
    const port = client.inports.register('in');
    client.activate();
    client.close();
    client.close();
    assert.equal(client.closed, true);
    const closed = { name: 'JackError', message: 'client "closing" is closed' };
    assert.throws(() => client.activate(), closed);
    assert.throws(() => client.deactivate(), closed);
    assert.throws(() => client.samplerate, closed);
    assert.throws(() => client.blocksize, closed);
    assert.throws(() => client.uuid, closed);
    assert.throws(() => client.cpuLoad(), closed);
    assert.throws(() => client.getPorts(), closed);
    assert.throws(() => client.connect('system:capture_1', 'closing:in'), closed);
    assert.throws(() => client.inports.register('again'), closed);
    assert.throws(() => port.connections, { name: 'JackError', message: /port "closing:in" belongs to client "closing", which is closed/ });
    assert.equal(client.inports.length, 0);
    assert.equal(client.name, 'closing');
  });

  it('closes at the end of a using block', async () => {
    {
      using client = new jack.Client('scoped', { noStartServer: true, serverName: fixture.server.name });
      client.activate();
    }
    const { stdout } = await runPeer('jack_lsp', ['-s', fixture.server.name], fixture.server);
    assert.ok(!stdout.includes('scoped'), stdout);
    await using asyncScoped = await jack.Client.open('asyncscoped', { serverName: fixture.server.name });
    assert.equal(asyncScoped.closed, false);
  });
});

describe('block size', () => {
  it('sets the block size, seen by the Python module, and rejects non-powers of two', async () => {
    const client = fixture.client('bufsize');
    client.activate();
    assert.throws(() => { client.blocksize = 300; }, { name: 'RangeError', message: 'blocksize must be a power of two, got 300' });
    client.blocksize = 512;
    try {
      // JACK2 changes it before returning; PipeWire a cycle or two later (hazard 12).
      await eventually(() => client.blocksize === 512, 'the new block size');
      // PipeWire reports the graph's block size to active clients (inactive ones see the default).
      const python = await runPython(
        `import jack, time; c = jack.Client('py_bs', no_start_server=True); c.activate(); time.sleep(0.1); print(c.blocksize); c.close()`,
        fixture.server,
      );
      assert.equal(python.trim(), '512');
    } finally {
      client.blocksize = 256;
    }
  });
});
