import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { eventually, runLoopback } from '../harness/waiting.js';

const fixture = useJackServer();
const LOOPBACK = new URL('../fixtures/loopback.processor.js', import.meta.url);


describe('the realtime process callback, MIDI', () => {
  it('passes MIDI events from its output back to its input with times, sizes and bytes intact (SysEx of 250 bytes)', async () => {
    const { client, processor, report } = await runLoopback(fixture, 'midiloop', LOOPBACK);
    const { midi } = report;
    assert.equal(midi.mismatched, 0);
    assert.deepEqual(midi.sizes.sort((a, b) => a - b), [1, 3, 250]);
    assert.deepEqual(midi.times.sort((a, b) => a - b), [0, 17, client.blocksize - 1]);
    const { late, skipped } = processor.counters;
    // PipeWire also restarts its driver after an xrun on a busy machine: a few more empty cycles there.
    const pipewireSlack = onPipeWire ? 3 : 0;
    assert.ok(midi.emptyCycles <= late + skipped + pipewireSlack, `${midi.emptyCycles} empty cycles, ${late} late, ${skipped} skipped`);
    assert.equal(processor.counters.midiEventsLost, 0);
  });

  it('sends events that jack_midi_dump receives', async () => {
    const client = fixture.client('midisender');
    client.midiOutports.register('out');
    const processor = client.setProcessCallback((frames, ports, context) => {
      if (context.params['send'] !== 1) return;
      context.params['send'] = 0;
      const out = ports.midiOutports[0]!;
      out.writeMidiEvent(3, [0x90, 60, 100]);
      const sysex = out.reserveMidiEvent(frames - 1, 6);
      sysex.set([0xf0, 0x7d, 0x01, 0x02, 0x03, 0xf7]);
    }, { params: { send: 0 } });
    await processor.ready;
    client.activate();
    const dump = spawn('jack_midi_dump', ['dump'], { env: fixture.server.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    dump.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      // jack_midi_dump registers its port before it activates: retry until the connection takes.
      await eventually(() => {
        const [input] = client.getPorts('^dump:');
        if (input === undefined) return false;
        try {
          client.connect('midisender:out', input);
          return true;
        } catch {
          return false;
        }
      }, 'jack_midi_dump accepted the connection');
      // JACK2 applies a connection a cycle or two after jack_connect returns: send until it arrives.
      await eventually(() => {
        if (processor.params['send'] === 0 && output === '') processor.params['send'] = 1;
        return output.split('\n').length > 2;
      }, 'jack_midi_dump printed two events');
      const lines = output.trim().split('\n');
      assert.match(lines[0]!, /^ *3: 90 3c 64 note on/);
      assert.match(lines[1]!, new RegExp(`^ *${client.blocksize - 1}: f0 7d 01 02 03 f7`));
    } finally {
      dump.kill('SIGTERM');
    }
  });
});
