import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { listPorts, runPeer, runPython } from '../harness/peers.js';

const fixture = useJackServer();
const names = (ports: jack.Port[]): string[] => ports.map((port) => port.name).sort();

describe('connections', () => {
  it('connect and disconnect by name and by Port, seen by jack_lsp -c', async () => {
    const client = fixture.client('MyGreatClient');
    const in1 = client.inports.register('input_1');
    const out2 = client.outports.register('output_2');
    client.activate();
    client.connect('system:capture_1', 'MyGreatClient:input_1');
    client.connect(out2, 'system:playback_2');
    const graph = await listPorts(fixture.server, ['-c']);
    assert.deepEqual(graph.get('MyGreatClient:input_1'), ['system:capture_1']);
    assert.deepEqual(graph.get('system:playback_2'), ['MyGreatClient:output_2']);
    assert.deepEqual(names(client.getAllConnections('system:playback_2')), ['MyGreatClient:output_2']);
    assert.equal(client.getAllConnections('system:playback_2')[0], out2);
    assert.deepEqual(names(out2.connections), ['system:playback_2']);
    assert.deepEqual(names(in1.connections), ['system:capture_1']);
    assert.equal(in1.numberOfConnections, 1);
    assert.ok(in1.isConnectedTo('system:capture_1'));
    assert.ok(in1.isConnectedTo(client.getPortByName('system:capture_1')));
    assert.ok(!in1.isConnectedTo('system:capture_2'));
    client.disconnect('system:capture_1', in1);
    client.disconnect(out2, 'system:playback_2');
    assert.equal(in1.numberOfConnections, 0);
    assert.deepEqual(out2.connections, []);
  });

  it('OwnPort.connect and disconnect pick the direction, and disconnect() drops all', () => {
    const client = fixture.client('directions');
    const input = client.inports.register('in');
    const output = client.outports.register('out');
    client.activate();
    input.connect('system:capture_1');
    input.connect('system:capture_2');
    output.connect(client.getPortByName('system:playback_1'));
    assert.deepEqual(names(input.connections), ['system:capture_1', 'system:capture_2']);
    assert.deepEqual(names(output.connections), ['system:playback_1']);
    input.disconnect('system:capture_2');
    assert.deepEqual(names(input.connections), ['system:capture_1']);
    input.disconnect();
    output.disconnect();
    assert.equal(input.numberOfConnections + output.numberOfConnections, 0);
  });

  it('gives a JackErrorCode with the code for an existing connection, and says why for others', () => {
    const client = fixture.client('refusals');
    const out = client.outports.register('out');
    client.midiInports.register('midi_in');
    client.activate();
    client.connect(out, 'system:playback_1');
    assert.throws(() => client.connect(out, 'system:playback_1'), (error: unknown) => {
      assert.ok(error instanceof jack.JackErrorCode);
      assert.equal(error.code, 17);
      assert.match(error.message, /^connection "refusals:out" -> "system:playback_1" already exists/);
      return true;
    });
    assert.throws(() => client.connect('system:capture_1', 'refusals:out'),
      { name: 'JackErrorCode', message: /"refusals:out" is an output port, and a connection goes from an output to an input/ });
    assert.throws(() => client.connect('system:playback_1', 'system:playback_2'),
      { message: /"system:playback_1" is an input port/ });
    assert.throws(() => client.connect(out, 'refusals:midi_in'),
      { message: /"refusals:out" is an audio port and "refusals:midi_in" is a MIDI port; only ports of the same type can be connected/ });
    assert.throws(() => client.connect('nowhere:out', 'system:playback_1'), { message: /port "nowhere:out" does not exist/ });
    assert.throws(() => client.disconnect(out, 'system:playback_2'), { message: /they are not connected/ });
    assert.throws(() => client.getAllConnections('nowhere:in'), { name: 'JackError', message: 'port "nowhere:in" does not exist' });
    assert.throws(() => client.connect(3 as unknown as string, 'system:playback_1'), { name: 'TypeError', message: /^source must be a string/ });
  });

  it('sees connections that jack_connect and the Python module make, and they see ours', async () => {
    const client = fixture.client('crosscheck');
    const input = client.inports.register('in');
    const output = client.outports.register('out');
    client.activate();
    await runPeer('jack_connect', ['-s', fixture.server.name, 'system:capture_2', 'crosscheck:in'], fixture.server);
    assert.deepEqual(names(input.connections), ['system:capture_2']);
    await runPython(
      `import jack; c = jack.Client('py_connect', no_start_server=True); c.connect('crosscheck:out', 'system:playback_1'); c.close()`,
      fixture.server,
    );
    assert.deepEqual(names(output.connections), ['system:playback_1']);
    client.connect(output, 'system:playback_2');
    const python = await runPython(
      `import jack; c = jack.Client('py_view', no_start_server=True); print(sorted(p.name for p in c.get_all_connections('crosscheck:out'))); c.close()`,
      fixture.server,
    );
    assert.equal(python.trim(), "['system:playback_1', 'system:playback_2']");
  });
});

describe('getPorts', () => {
  it('selects by name pattern, type and every flag like the Python module', async () => {
    const client = fixture.client('MyGreatClient');
    client.inports.register('input_1');
    client.inports.register('input_2');
    client.outports.register('output_2', { isTerminal: true });
    client.midiInports.register('midi_in');
    client.midiOutports.register('midi_out');
    assert.deepEqual(names(client.getPorts('Great.*2$')), ['MyGreatClient:input_2', 'MyGreatClient:output_2']);
    assert.deepEqual(names(client.getPorts({ isAudio: true, isOutput: true, isPhysical: true })),
      ['system:capture_1', 'system:capture_2']);
    assert.deepEqual(names(client.getPorts('MyGreat', { isMidi: true })), ['MyGreatClient:midi_in', 'MyGreatClient:midi_out']);
    assert.deepEqual(names(client.getPorts('MyGreat', { isAudio: true, isInput: true })),
      ['MyGreatClient:input_1', 'MyGreatClient:input_2']);
    assert.deepEqual(names(client.getPorts('MyGreat', { isTerminal: true })), ['MyGreatClient:output_2']);
    assert.deepEqual(names(client.getPorts({ isPhysical: true, isInput: true })), ['system:playback_1', 'system:playback_2']);
    assert.deepEqual(client.getPorts({ canMonitor: true }), []);
    assert.equal(client.getPorts('MyGreat', { isAudio: true, isMidi: true }).length, 5);
    assert.deepEqual(names(client.getPorts(/^system:.*_2$/)), ['system:capture_2', 'system:playback_2']);

    for (const [pattern, filters] of [['Great.*2$', {}], ['', { isAudio: true, isOutput: true, isPhysical: true }], ['MyGreat', { isMidi: true }]] as const) {
      const python = await runPython([
        'import jack, json',
        "c = jack.Client('py_ports', no_start_server=True)",
        `print(json.dumps(sorted(p.name for p in c.get_ports(${JSON.stringify(pattern)}, is_audio=${'isAudio' in filters ? 'True' : 'False'}, is_output=${'isOutput' in filters ? 'True' : 'False'}, is_physical=${'isPhysical' in filters ? 'True' : 'False'}, is_midi=${'isMidi' in filters ? 'True' : 'False'}))))`,
        'c.close()',
      ].join('\n'), fixture.server);
      assert.deepEqual(names(client.getPorts(pattern, filters)), JSON.parse(python));
    }
    assert.throws(() => client.getPorts({ is_audio: true } as jack.PortFilters), { name: 'TypeError', message: /unknown option "is_audio"/ });
    assert.throws(() => client.getPorts('x', { isAudio: 1 } as unknown as jack.PortFilters),
      { name: 'TypeError', message: 'filters.isAudio must be a boolean, got number 1' });
  });
});
