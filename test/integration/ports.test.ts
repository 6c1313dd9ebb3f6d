import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { eventually } from '../harness/waiting.js';
import { listPorts, runPeer, runPython } from '../harness/peers.js';

const fixture = useJackServer();

describe('port lists', () => {
  it('register ports into list-like Ports of the right classes and flags', () => {
    const client = fixture.client('lists');
    const in1 = client.inports.register('in_1');
    const in2 = client.inports.register('in_2', { isTerminal: true, isPhysical: true });
    const out = client.outports.register('out');
    const midiIn = client.midiInports.register('midi_in');
    const midiOut = client.midiOutports.register('midi_out');

    assert.equal(client.inports.length, 2);
    assert.equal(client.inports[0], in1);
    assert.equal(client.inports[1], in2);
    assert.equal(client.inports.at(-1), in2);
    assert.deepEqual([...client.inports], [in1, in2]);
    assert.ok(in1 instanceof jack.OwnPort && in1 instanceof jack.Port);
    assert.ok(midiIn instanceof jack.OwnMidiPort && midiIn instanceof jack.OwnPort);
    assert.ok(midiIn instanceof jack.MidiPort, 'an own MIDI port is a MidiPort as well');
    assert.ok(!(in1 instanceof jack.MidiPort));

    assert.deepEqual([in1.isInput, in1.isOutput, in1.isAudio, in1.isMidi, in1.isTerminal, in1.isPhysical, in1.canMonitor],
      [true, false, true, false, false, false, false]);
    assert.deepEqual([in2.isTerminal, in2.isPhysical], [true, true]);
    assert.deepEqual([out.isOutput, out.isInput], [true, false]);
    assert.deepEqual([midiOut.isMidi, midiOut.isAudio, midiOut.isOutput], [true, false, true]);
    assert.equal(in1.type, jack.AUDIO_PORT_TYPE);
    assert.equal(midiIn.type, jack.MIDI_PORT_TYPE);
    assert.equal(in1.name, 'lists:in_1');
    assert.equal(in1.shortname, 'in_1');
    assert.equal(String(in1), 'lists:in_1');
  });

  it('are what jack_lsp and the Python module see, with types, flags and UUIDs', async () => {
    const client = fixture.client('seen');
    const audio = client.inports.register('audio_in', { isTerminal: true });
    const midi = client.midiOutports.register('midi_out');
    const types = await listPorts(fixture.server, ['-t']);
    assert.deepEqual(types.get('seen:audio_in'), [jack.AUDIO_PORT_TYPE]);
    assert.deepEqual(types.get('seen:midi_out'), [jack.MIDI_PORT_TYPE]);
    const properties = await listPorts(fixture.server, ['-p']);
    assert.deepEqual(properties.get('seen:audio_in'), ['properties: input,terminal,']);
    const uuids = await listPorts(fixture.server, ['-U']);
    assert.deepEqual(uuids.get('seen:audio_in'), [`uuid: ${audio.uuid}`]);
    const python = await runPython([
      'import jack',
      "c = jack.Client('py_seen', no_start_server=True)",
      "p = c.get_port_by_name('seen:midi_out')",
      "print(type(p).__name__, p.is_output, p.is_midi, p.uuid)",
      'c.close()',
    ].join('\n'), fixture.server);
    assert.equal(python.trim(), `MidiPort True True ${midi.uuid}`);
  });

  it('give the same object for the same JACK port, and equals() compares JACK identity', () => {
    const client = fixture.client('identity');
    const out = client.outports.register('out');
    assert.equal(client.getPortByName('identity:out'), out);
    assert.ok(client.getPorts('identity').includes(out));
    const capture = client.getPortByName('system:capture_1');
    assert.equal(client.getPortByName('system:capture_1'), capture);
    assert.ok(capture.equals(client.getPorts('system:capture_1$')[0]));
    assert.ok(!capture.equals(out));
    assert.ok(!capture.equals('system:capture_1'));
    assert.ok(!(capture instanceof jack.OwnPort));
    assert.ok(client.owns(out) && client.owns('identity:out'));
    assert.ok(!client.owns(capture));
  });

  it('reject duplicate, empty and too-long names with clear errors', () => {
    const client = fixture.client('names');
    client.inports.register('taken');
    assert.throws(() => client.outports.register('taken'),
      { name: 'JackError', message: 'cannot register port "names:taken": the client already has a port of that name' });
    assert.throws(() => client.inports.register(''), { name: 'RangeError', message: 'shortname must not be empty' });
    assert.throws(() => client.inports.register(7 as unknown as string), { name: 'TypeError', message: 'shortname must be a string, got number 7' });
    // JACK2 keeps 256 bytes of a registered full name and truncates longer ones silently.
    const longest = 'p'.repeat(256 - 'names:'.length);
    assert.equal(client.inports.register(longest).name, `names:${longest}`);
    assert.throws(() => client.inports.register(`${longest}q`),
      { name: 'RangeError', message: /the full port name "names:p+q" is 257 bytes; JACK allows at most 256/ });
    assert.throws(() => client.inports.register('x', { is_terminal: true } as jack.RegisterOptions),
      { name: 'TypeError', message: /unknown option "is_terminal"/ });
    assert.equal(client.inports.length, 2);
  });

  it('unregister removes the port from JACK and its list, and the stale object throws', async () => {
    const client = fixture.client('unreg');
    const first = client.outports.register('first');
    const second = client.outports.register('second');
    first.unregister();
    assert.deepEqual([...client.outports], [second]);
    assert.equal(client.outports[0], second);
    assert.equal(client.outports[1], undefined);
    assert.ok(!(await listPorts(fixture.server)).has('unreg:first'));
    const stale = { name: 'JackError', message: 'port "unreg:first" was unregistered' };
    assert.throws(() => first.unregister(), stale);
    assert.throws(() => first.connections, stale);
    assert.throws(() => first.shortname, stale);
    assert.throws(() => first.connect('system:playback_1'), stale);
    assert.equal(first.name, 'unreg:first');
    client.outports.clear();
    assert.equal(client.outports.length, 0);
    assert.throws(() => second.aliases, { message: 'port "unreg:second" was unregistered' });
  });

  it('a stale port object never reaches a port registered later by another client', () => {
    const a = fixture.client('recycle_a');
    const b = fixture.client('recycle_b');
    const old = a.inports.register('gone');
    const oldUuid = old.uuid;
    old.unregister();
    const fresh = b.inports.register('fresh');
    assert.throws(() => old.shortname, { message: 'port "recycle_a:gone" was unregistered' });
    assert.throws(() => old.setAlias('hijack'), { message: 'port "recycle_a:gone" was unregistered' });
    assert.ok(!fresh.aliases.includes('hijack'), `aliases ${fresh.aliases.join(', ')}`);
    assert.equal(typeof oldUuid, 'string');
  });

  it('a port of another client that disappears gives a JackError', async () => {
    const watcher = fixture.client('watcher');
    const other = fixture.client('vanishing');
    other.outports.register('out');
    // PipeWire shows another client's new port a moment later.
    await eventually(() => watcher.getPorts('^vanishing:out$').length === 1, 'the port is there');
    const seen = watcher.getPortByName('vanishing:out');
    other.close();
    // JACK2 removes the port before close() returns; PipeWire tells the other clients a moment later.
    await eventually(() => !watcher.getPorts().some((port) => port.name === 'vanishing:out'), 'the port is gone');
    assert.throws(() => seen.shortname, { name: 'JackError', message: 'port "vanishing:out" no longer exists in JACK' });
    assert.throws(() => watcher.getPortByName('vanishing:out'), { name: 'JackError', message: 'port "vanishing:out" does not exist' });
  });
});

describe('renaming and aliases', () => {
  it('renames through shortname, seen by jack_lsp; too long is refused before JACK truncates', async () => {
    const client = fixture.client('renamer');
    const port = client.inports.register('before');
    port.shortname = 'after';
    assert.equal(port.name, 'renamer:after');
    assert.equal(port.shortname, 'after');
    const ports = await listPorts(fixture.server);
    if (onPipeWire) {
      // PipeWire 0.3's jack_port_rename renames the port for this client only: other processes
      // keep the old name (observed with jack_lsp).
      assert.ok(ports.has('renamer:before'), [...ports.keys()].join(', '));
    } else {
      assert.ok(ports.has('renamer:after') && !ports.has('renamer:before'));
    }
    const limit = jack.portNameSize() - 2;
    const tooLong = 'r'.repeat(limit - 'renamer:'.length + 1);
    assert.throws(() => { port.shortname = tooLong; }, { name: 'RangeError', message: new RegExp(`JACK allows at most ${limit}$`) });
    assert.equal(port.name, 'renamer:after');
  });

  it('sets and unsets aliases, seen by jack_lsp -A, and reads aliases set by jack_alias', {
    skip: onPipeWire && 'PipeWire\'s JACK gives every port an alias of its own (one slot left), sets aliases only on own ports (jack_alias on system ports fails) and removes them asynchronously',
  }, async () => {
    const client = fixture.client('aliased');
    const port = client.outports.register('out');
    port.setAlias('nice:one');
    port.setAlias('nice:two');
    assert.deepEqual(port.aliases, ['nice:one', 'nice:two']);
    assert.deepEqual((await listPorts(fixture.server, ['-A'])).get('aliased:out'), ['nice:one', 'nice:two']);
    assert.throws(() => port.setAlias('nice:three'), { name: 'JackError', message: /it already has two aliases/ });
    port.unsetAlias('nice:one');
    assert.deepEqual(port.aliases, ['nice:two']);
    assert.throws(() => port.unsetAlias('nice:one'), { name: 'JackError', message: /"aliased:out" has no such alias/ });

    await runPeer('jack_alias', ['system:capture_1', 'from:jack_alias'], fixture.server);
    try {
      assert.ok(client.getPortByName('system:capture_1').aliases.includes('from:jack_alias'));
    } finally {
      await runPeer('jack_alias', ['-u', 'system:capture_1', 'from:jack_alias'], fixture.server);
    }
  });

  it('on PipeWire, an own port takes one alias beside PipeWire\'s own; a third is refused clearly', {
    skip: !onPipeWire && 'PipeWire only',
  }, async () => {
    const client = fixture.client('pw_aliased');
    const port = client.outports.register('out');
    port.setAlias('nice:one');
    await eventually(() => port.aliases.includes('nice:one'), 'the alias');
    assert.equal(port.aliases.length, 2, `aliases ${port.aliases.join(', ')}`);
    assert.throws(() => port.setAlias('nice:two'), { name: 'JackError', message: /it already has two aliases/ });
    assert.throws(() => client.getPortByName('system:capture_1').setAlias('x:y'), { name: 'JackError', message: /(PipeWire's JACK sets aliases only on the client's own ports|already has two aliases)/ });
  });

  it('requestMonitor is accepted on an own port', () => {
    const client = fixture.client('monitor');
    const port = client.inports.register('in');
    assert.equal(port.canMonitor, false);
    port.requestMonitor(true);
    assert.equal(port.monitoringInput, true);
    port.requestMonitor(false);
    assert.equal(port.monitoringInput, false);
    assert.throws(() => port.requestMonitor('yes' as unknown as boolean), { name: 'TypeError' });
  });
});
