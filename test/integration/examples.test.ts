import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';
import type { Client } from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { runPeer, runPython } from '../harness/peers.js';
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
      const lines = [...run.output().matchAll(/^ *(\d+): (90|80) 3c 40$|^\(missed \d+ frames/gm)];
      const events = lines.filter(([, time]) => time !== undefined).map(([, time, status]) => ({ time: Number(time), status }));
      assert.ok(events.length >= 4, run.output());
      // Sample-accurate: each note-off comes 8000 frames after its note-on, at that offset in its block
      // (unless the monitor missed cycles in between, which it says).
      const blocksize = fixture.client('blocksize_reader').blocksize;
      let pairs = 0;
      for (let i = 1; i < lines.length; i++) {
        const [, onTime, onStatus] = lines[i - 1]!;
        const [, offTime, offStatus] = lines[i]!;
        if (onStatus !== '90' || offStatus !== '80') continue;
        assert.equal(Number(offTime), (Number(onTime) + 8000) % blocksize, run.output());
        pairs += 1;
      }
      assert.ok(pairs >= 1, run.output());
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

  it('chatty-client prints the notifications that other programs cause', async () => {
    const run = runExample('chatty-client', ['--seconds', '5']);
    await eventually(() => run.output().includes('#'.repeat(80)), 'the chatty client is active', 15000);
    await runPython("import jack\nc = jack.Client('py_guest', no_start_server=True)\nc.close()", fixture.server);
    await runPeer('jack_connect', ['system:capture_1', 'system:playback_1'], fixture.server);
    await runPeer('jack_disconnect', ['system:capture_1', 'system:playback_1'], fixture.server);
    await runPeer('jack_bufsize', ['512'], fixture.server);
    await runPeer('jack_bufsize', ['256'], fixture.server);
    assert.equal(await run.exited, 0, run.output());
    // PipeWire may drop jack_bufsize's request when jack_bufsize exits right after it.
    for (const line of ['setting samplerate to 48000', 'client "py_guest" registered', 'client "py_guest" unregistered',
      'connected system:capture_1 and system:playback_1', 'disconnected system:capture_1 and system:playback_1',
      ...(onPipeWire ? [] : ['setting blocksize to 512']), 'graph order changed']) {
      assert.ok(run.output().includes(line), `${line}\n---\n${run.output()}`);
    }
  });

  it('timebase-master, transporter and showtime drive and show the transport', async () => {
    const master = runExample('timebase-master', ['100', '-m', '3/4', '--seconds', '8']);
    const observer = fixture.client('transport_observer');
    try {
      await eventually(() => master.output().includes('Press Ctrl+C'), 'the timebase master runs', 15000);
      const transporter = async (...args: string[]) => {
        const run = runExample('transporter', args);
        const code = await run.exited;
        return { code, output: run.output() };
      };
      assert.equal((await transporter('rewind')).code, 0);
      assert.equal((await transporter('start')).code, 0);
      await eventually(() => observer.transportState.equals(jack.ROLLING), 'rolling');
      assert.deepEqual(await transporter('status'), { code: 0, output: 'JACK transport state is jack.ROLLING.\n' });
      await eventually(() => observer.transportQuery()[1].beatsPerMinute === 100, 'the master\'s tempo');
      assert.equal(observer.transportQuery()[1].beatsPerBar, 3);

      const showtime = runExample('showtime', ['--seconds', '1']);
      assert.equal(await showtime.exited, 0, showtime.output());
      assert.match(showtime.output(), /state: jack\.ROLLING\tBBT: +\d+\|[123]\|\d{4}/);

      const second = runExample('timebase-master', ['-c', '-n', 'second_master', '--seconds', '1']);
      if (onPipeWire) {
        // PipeWire 0.3's JACK grants a conditional request even while another client is master.
        assert.equal(await second.exited, 0, second.output());
      } else {
        assert.equal(await second.exited, 1, second.output());
        assert.match(second.output(), /Another JACK timebase master is active/);
      }

      assert.equal((await transporter('stop')).code, 0);
      await eventually(() => observer.transportState.equals(jack.STOPPED), 'stopped');
      const query = await transporter('query');
      assert.equal(query.code, 1, 'query exits 1 while stopped');
      assert.match(query.output, /^State: jack\.STOPPED\n/);
      assert.match(query.output, /^Beats Per Minute: 100$/m);
      assert.equal((await transporter('toggle')).code, 0);
      await eventually(() => observer.transportState.equals(jack.ROLLING), 'toggled on');
      assert.equal((await transporter('toggle')).code, 0);
      await eventually(() => observer.transportState.equals(jack.STOPPED), 'toggled off');
      assert.equal((await transporter('bogus')).code, 2);
    } finally {
      master.child.kill('SIGTERM');
      await master.exited;
    }
  });

  it('slow-sync makes the transport wait until its sync function is ready', async () => {
    const run = runExample('slow-sync', []);
    assert.equal(await run.exited, 0, run.output());
    const output = run.output();
    assert.match(output, /^jack\.STOPPED 123 will be ready in 0\.\d\d seconds$/m);
    assert.match(output, /^jack\.STARTING 123 will be ready in 0\.\d\d seconds$/m);
    assert.match(output, /^jack\.ROLLING \d+ (will catch up|just caught up)/m, 'with the short timeout it rolled on');
    // PipeWire keeps the shortest sync timeout any client set for as long as its driver runs.
    if (!onPipeWire) assert.match(output, /^jack\.STARTING 123 just got ready$/m, 'with the default timeout the transport waited');
  });

  it('metadata sets, shows and removes properties', async () => {
    const run = runExample('metadata', []);
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), /Client "pretty" name: Best Client Ever/);
    assert.match(run.output(), /Port "pretty" name: a good port/);
    assert.match(run.output(), /type: 'text\/plain'/);
    fixture.client('metadata_after');
    assert.deepEqual(jack.getAllProperties(), {}, 'it removed them all');
  });

  it('aliases sets, lists and removes an alias on every port that takes one', async () => {
    const run = runExample('aliases', []);
    assert.equal(await run.exited, 0, run.output());
    const output = run.output();
    const [during, after] = output.split('Testing unsetAlias() ...');
    assert.match(during!, /port 'input' => setAlias\('Alias Name \d+'\)/);
    assert.match(during!, /port 'input', alias \d => 'Alias Name \d+'/);
    if (onPipeWire) {
      assert.match(output, /port '[^']+' belongs to another client: skipped \(PipeWire\)/, 'PipeWire sets aliases only on own ports');
    } else {
      assert.match(during!, /port 'capture_1', alias \d => 'Alias Name 0'/);
      const observer = fixture.client('alias_observer');
      assert.ok(!observer.getPortByName('system:capture_1').aliases.includes('Alias Name 0'));
    }
    // PipeWire's JACK removes an alias asynchronously: the example's listing right after may still show it.
    if (!onPipeWire) assert.doesNotMatch(after!, /alias \d => 'Alias Name/);
  });
});
