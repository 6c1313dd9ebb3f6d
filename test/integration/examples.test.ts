import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import type { Client } from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { eventually } from '../harness/waiting.js';

const fixture = useJackServer();
const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}.js`, import.meta.url));

interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function runExample(name: string, args: string[]): Running {
  const child = spawn(process.execPath, [example(name), ...args], { env: fixture.server.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exited };
}


/** Connects with retries: a program registers its ports a moment before it activates. */
async function connectWhenReady(client: Client, source: string, destination: string): Promise<void> {
  await eventually(() => {
    try {
      client.connect(source, destination);
      return true;
    } catch {
      return false;
    }
  }, `${source} -> ${destination} can be connected`, 15000);
}

function startSequencer(): ChildProcess {
  // A C4 note for 8000 of every 24000 frames.
  return spawn('jack_midiseq', ['seq', '24000', '0', '60', '8000'], { env: fixture.server.env, stdio: 'ignore' });
}

describe('examples', () => {
  it('thru-client copies its inputs to its outputs and stops after --seconds', async () => {
    const run = runExample('thru-client', ['--seconds', '2']);
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), /Press Ctrl\+C to stop/);
    const cycles = Number(/(\d+) cycles/.exec(run.output())?.[1]);
    assert.ok(cycles > 100, run.output());
  });

  it('midi-monitor prints the events jack_midiseq sends', async () => {
    const run = runExample('midi-monitor', ['--seconds', '3']);
    const sequencer = startSequencer();
    try {
      await eventually(() => run.output().includes('listening'), 'the monitor listens', 15000);
      const client = fixture.client('monitor_wiring');
      await connectWhenReady(client, 'seq:out', 'midi-monitor:input');
      assert.equal(await run.exited, 0, run.output());
      const events = [...run.output().matchAll(/^ *(\d+): (90|80) 3c 40$/gm)].map(([, time, status]) => [Number(time), status]);
      assert.ok(events.length >= 4, run.output());
      // Sample-accurate: each note-off comes 8000 frames after its note-on, at that offset in its block.
      const blocksize = fixture.client('blocksize_reader').blocksize;
      for (let i = 1; i < events.length; i++) {
        const [onTime, onStatus] = events[i - 1]!;
        const [offTime, offStatus] = events[i]!;
        if (onStatus === '90' && offStatus === '80') assert.equal(offTime, ((onTime as number) + 8000) % blocksize, run.output());
      }
    } finally {
      sequencer.kill('SIGTERM');
    }
  });

  it('midi-sine plays the notes jack_midiseq sends', async () => {
    const run = runExample('midi-sine', ['--seconds', '4']);
    const sequencer = startSequencer();
    try {
      const listener = fixture.client('sine_listener');
      listener.inports.register('in');
      const processor = listener.setProcessCallback((frames, ports, context) => {
        const input = ports.inports[0]!.getArray();
        for (let i = 0; i < frames; i++) if (Math.abs(input[i]!) > context.params['peak']!) context.params['peak'] = Math.abs(input[i]!);
      }, { params: { peak: 0 } });
      await processor.ready;
      listener.activate();
      await connectWhenReady(listener, 'seq:out', 'MIDI-Sine:midi_in');
      await connectWhenReady(listener, 'MIDI-Sine:audio_out', 'sine_listener:in');
      await eventually(() => processor.params['peak']! > 0.05, 'the synthesizer sounds', 15000);
      assert.equal(await run.exited, 0, run.output());
    } finally {
      sequencer.kill('SIGTERM');
    }
  });
});
