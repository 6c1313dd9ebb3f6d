import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { runPeer, runPython } from '../harness/peers.js';
import { eventually } from '../harness/waiting.js';

const fixture = useJackServer();

describe('notifications', () => {
  it('reports clients coming and going, through the setter and the event', async () => {
    const client = fixture.client('watcher');
    const calls: Array<[string, boolean]> = [];
    const events: Array<[string, boolean]> = [];
    client.setClientRegistrationCallback((name, register) => calls.push([name, register]));
    client.on('clientRegistration', (name, register) => events.push([name, register]));
    client.activate();
    await runPython("import jack\nc = jack.Client('py_visitor', no_start_server=True)\nc.close()", fixture.server);
    await eventually(() => calls.length >= 2 && events.length >= 2, 'both registration notifications');
    assert.deepEqual(calls, [['py_visitor', true], ['py_visitor', false]]);
    assert.deepEqual(events, calls);
  });

  it('gives Port objects for registered ports, and for unregistered ones only when held', async () => {
    const client = fixture.client('port_watch');
    const other = fixture.client('port_owner');
    client.activate();
    other.activate();
    // Registered before anybody here listens: this client has never made Port objects for them.
    const held = other.outports.register('held');
    const loose = other.outports.register('loose');
    const skipped = other.outports.register('skipped');
    // PipeWire shows another client's new port a moment later.
    await eventually(() => client.getPorts('^port_owner:held$').length === 1, 'the held port is there');
    const heldHere = client.getPortByName('port_owner:held');

    const seen: Array<[jack.Port | null, boolean]> = [];
    client.setPortRegistrationCallback((port, register) => seen.push([port, register]), false);
    held.unregister();
    loose.unregister();
    // Notifications are asynchronous on both servers: registrations from before the callback may
    // still arrive, so only the unregistrations are looked at. The held port comes back as the
    // object this client holds (PipeWire's libjack may already have forgotten it: null); a port
    // this client holds no object for is null, unless a late registration just made one.
    await eventually(() => seen.filter(([, register]) => !register).length >= 2, 'two unregistrations');
    const gone = seen.filter(([, register]) => !register).map(([port]) => port);
    if (onPipeWire) assert.ok(gone[0] === null || gone[0]!.equals(heldHere), `got ${gone[0]}`);
    else assert.ok(gone[0]?.equals(heldHere), `the port this client holds, got ${gone[0]}`);
    assert.ok(gone[1] === null || gone[1]!.name === 'port_owner:loose', `got ${gone[1]}`);

    const available: Array<[string | undefined, boolean]> = [];
    client.setPortRegistrationCallback((port, register) => available.push([port?.name, register]));
    skipped.unregister();
    other.outports.register('marker');
    await eventually(() => available.some(([name]) => name === 'port_owner:marker'), 'the registration after the skipped unregistration');
    assert.ok(available.every(([name]) => name !== undefined), `with onlyAvailable no call without a port: ${JSON.stringify(available)}`);
  });

  it('reports connections made by jack_connect, and the graph reordering', async () => {
    const client = fixture.client('conn_watch');
    const source = client.outports.register('out');
    const sink = client.inports.register('in');
    const connections: Array<[string, string, boolean]> = [];
    let graphOrders = 0;
    client.setPortConnectCallback((a, b, connect) => connections.push([a!.name, b!.name, connect]));
    client.on('graphOrder', () => graphOrders++);
    client.activate();
    await runPeer('jack_connect', [source.name, sink.name], fixture.server);
    await eventually(() => connections.length >= 1, 'a connect notification');
    await runPeer('jack_disconnect', [source.name, sink.name], fixture.server);
    await eventually(() => connections.length >= 2, 'a disconnect notification');
    assert.deepEqual(connections, [['conn_watch:out', 'conn_watch:in', true], ['conn_watch:out', 'conn_watch:in', false]]);
    assert.ok(graphOrders >= 1, 'the graph was reordered');
  });

  it('reports a port renamed by the Python module', {
    skip: onPipeWire && 'PipeWire 0.3\'s libjack stores a port rename callback but never calls it',
  }, async () => {
    const client = fixture.client('rename_watch');
    const renames: Array<[string | undefined, string, string]> = [];
    client.setPortRenameCallback((port, oldName, newName) => renames.push([port?.name, oldName, newName]));
    client.activate();
    await runPython([
      'import jack, time',
      "c = jack.Client('py_renamer', no_start_server=True)",
      "p = c.outports.register('before')",
      'c.activate()',
      "p.shortname = 'after'",
      'time.sleep(0.3)',
    ].join('\n'), fixture.server);
    await eventually(() => renames.length >= 1, 'a rename notification');
    assert.deepEqual(renames[0], ['py_renamer:after', 'py_renamer:before', 'py_renamer:after']);
  });

  it('reports block size changes from jack_bufsize and freewheeling from jack_freewheel', async () => {
    const client = fixture.client('server_watch');
    const sizes: number[] = [];
    const freewheel: boolean[] = [];
    client.setBlocksizeCallback((size) => sizes.push(size));
    client.on('freewheel', (starting) => freewheel.push(starting));
    client.activate();
    // PipeWire ends a client's freewheel (and may drop its block size request) when the client
    // leaves, and jack_freewheel / jack_bufsize leave right after asking: there another client of
    // ours asks, and stays.
    const other = onPipeWire ? fixture.client('server_asker') : null;
    if (other) {
      // Freewheel moves a PipeWire graph, not the server: the asker is linked to the watcher.
      client.inports.register('in');
      other.outports.register('out');
      other.activate();
      other.connect(other.outports[0]!, client.inports[0]!);
    }
    try {
      if (other) other.blocksize = 512;
      else await runPeer('jack_bufsize', ['512'], fixture.server);
      await eventually(() => sizes.includes(512), 'the block size notification');
      assert.equal(client.blocksize, 512);
    } finally {
      if (other) other.blocksize = 256;
      else await runPeer('jack_bufsize', ['256'], fixture.server);
    }
    if (other) other.setFreewheel(true);
    else await runPeer('jack_freewheel', ['y'], fixture.server);
    await eventually(() => freewheel.length >= 1, 'freewheel start');
    if (other) other.setFreewheel(false);
    else await runPeer('jack_freewheel', ['n'], fixture.server);
    await eventually(() => freewheel.length >= 2, 'freewheel end');
    assert.deepEqual(freewheel, [true, false]);
  });

  it('calls a new sample rate callback at once with the current rate, as JACK2 does', () => {
    const client = fixture.client('rate_watch');
    const rates: number[] = [];
    client.setSamplerateCallback((rate) => rates.push(rate));
    assert.deepEqual(rates, [48000]);
  });

  it('reports an xrun caused by a slow Python client, with its delay', {
    skip: onPipeWire && 'on PipeWire 0.3.65 the slow Python peer never exits (observed: its close waits on its overrunning cycles), so it cannot serve as the xrun source',
  }, async () => {
    const client = fixture.client('xrun_watch');
    const delays: number[] = [];
    client.setXrunCallback((delay) => delays.push(delay));
    client.activate();
    await runPython([
      'import jack, time',
      "c = jack.Client('py_slow', no_start_server=True)",
      '@c.set_process_callback',
      'def process(frames):',
      '    time.sleep(0.02)',
      'c.activate()',
      'time.sleep(0.5)',
    ].join('\n'), fixture.server);
    await eventually(() => delays.length >= 1, 'an xrun notification');
    assert.ok(delays.every((delay) => typeof delay === 'number' && delay >= 0), `delays ${delays.join(', ')}`);
  });

  it('reports property changes made by jack_property', {
    skip: onPipeWire && 'PipeWire 0.3\'s libjack stores a property change callback but never calls it',
  }, async () => {
    const client = fixture.client('prop_watch');
    const changes: Array<[string, string, number]> = [];
    client.on('propertyChange', (subject, key, change) => changes.push([subject, key, change]));
    client.activate();
    const key = 'http://example.org/notified';
    await runPeer('jack_property', ['-s', client.uuid, key, 'one'], fixture.server);
    await runPeer('jack_property', ['-s', client.uuid, key, 'two'], fixture.server);
    await runPeer('jack_property', ['-d', client.uuid, key], fixture.server);
    await eventually(() => changes.length >= 3, 'three property notifications');
    assert.deepEqual(changes, [
      [client.uuid, key, jack.PROPERTY_CREATED],
      [client.uuid, key, jack.PROPERTY_CHANGED],
      [client.uuid, key, jack.PROPERTY_DELETED],
    ]);
  });

  it('stops calling a callback that throws CallbackExit, and reports other errors', async () => {
    const client = fixture.client('exit_watch');
    const errors: Error[] = [];
    client.on('error', (error) => errors.push(error));
    let exits = 0;
    client.setClientRegistrationCallback(() => {
      exits++;
      throw new jack.CallbackExit();
    });
    client.setGraphOrderCallback(() => {
      throw new Error('graph order failed');
    });
    client.activate();
    await runPython("import jack\nc = jack.Client('py_twice', no_start_server=True)\nc.close()", fixture.server);
    await runPython("import jack\nc = jack.Client('py_twice', no_start_server=True)\nc.close()", fixture.server);
    await eventually(() => errors.length >= 1, 'the thrown error');
    assert.equal(exits, 1, 'CallbackExit removed the callback after its first call');
    assert.match(errors[0]!.message, /graph order failed/);
  });

  it('rejects bad callbacks and a closed client', () => {
    const client = fixture.client('bad_watch');
    assert.throws(() => client.setXrunCallback(42 as never), { name: 'TypeError', message: /callback must be a function/ });
    assert.throws(() => client.setPortConnectCallback(() => {}, 'yes' as never), { name: 'TypeError', message: /onlyAvailable/ });
    client.close();
    assert.throws(() => client.setXrunCallback(() => {}), { name: 'JackError', message: /client "bad_watch" is closed/ });
  });
});
