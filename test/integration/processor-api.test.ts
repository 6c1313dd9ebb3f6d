import assert from 'node:assert/strict';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';

import { JackError, RingBuffer, type Client, type Processor } from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { ask, eventually } from '../harness/waiting.js';
import { runPeer } from '../harness/peers.js';

const fixture = useJackServer();
const CONTROLLED = new URL('../fixtures/controlled.processor.js', import.meta.url);
const NOT_A_PROCESSOR = new URL('../fixtures/not-a-processor.js', import.meta.url);
const RING_WRITER = new URL('../fixtures/ring-writer.processor.js', import.meta.url);



async function activeClient(name: string, options: Parameters<Client['setProcessCallback']>[1] = { params: { gain: 0.5 } }) {
  const client = fixture.client(name);
  client.inports.register('in_1');
  client.outports.register('out_1');
  client.midiOutports.register('midi_out');
  const processor = client.setProcessCallback(CONTROLLED, options);
  await processor.ready;
  client.activate();
  return { client, processor };
}

describe('the processor API', () => {
  it('gives the processor the client, its ports in the same order, params and options', async () => {
    const { client, processor } = await activeClient('describe', { params: { gain: 0.5 }, processorOptions: { tone: 'A4' } });
    const described = await ask(processor, 'describe') as Record<string, unknown>;
    assert.deepEqual(described, {
      name: 'describe',
      samplerate: client.samplerate,
      blocksize: client.blocksize,
      options: { tone: 'A4' },
      gain: 0.5,
      ports: { inports: ['describe:in_1'], outports: ['describe:out_1'], midiInports: [], midiOutports: ['midi_out'] },
    });
  });

  it('shares params both ways without messages', async () => {
    const { processor } = await activeClient('params');
    processor.params['gain'] = 0.25;
    assert.equal(((await ask(processor, 'describe')) as { gain: number }).gain, 0.25);
    assert.equal(await ask(processor, 'set-param'), 'done set-param');
    assert.equal(processor.params['gain'], 42);
    assert.throws(() => {
      (processor.params as Record<string, number>)['volume'] = 1;
    }, TypeError);
    assert.throws(() => {
      processor.params['gain'] = '1' as unknown as number;
    }, { name: 'TypeError', message: /param gain must be a number/ });
  });

  it('sees ports registered and unregistered while it runs', async () => {
    const { client, processor } = await activeClient('relayout');
    const added = client.outports.register('out_2');
    client.midiInports.register('midi_in');
    let described = await ask(processor, 'describe') as { ports: Record<string, string[]> };
    assert.deepEqual(described.ports['outports'], ['relayout:out_1', 'relayout:out_2']);
    assert.deepEqual(described.ports['midiInports'], ['midi_in']);
    client.outports[0]!.unregister();
    described = await ask(processor, 'describe') as { ports: Record<string, string[]> };
    assert.deepEqual(described.ports['outports'], ['relayout:out_2']);
    assert.equal(client.outports[0], added);
    const cycles = processor.counters.cycles;
    await eventually(() => processor.counters.cycles > cycles + 20, 'cycles go on after the changes');
    assert.equal(processor.state, 'running');
  });

  it('follows block size changes: views of the new size, no deadline lost', async () => {
    const { client, processor } = await activeClient('resizer');
    const original = client.blocksize;
    try {
      client.blocksize = 512;
      await eventually(() => client.blocksize === 512, 'the server runs 512-frame cycles');
      const cycles = processor.counters.cycles;
      await eventually(() => processor.counters.cycles > cycles + 10, 'cycles run at the new size');
      const described = await ask(processor, 'describe') as { blocksize: number };
      assert.equal(described.blocksize, 512);
      assert.equal(processor.state, 'running');
    } finally {
      client.blocksize = original;
      await eventually(() => client.blocksize === original, 'the block size is back');
    }
  });

  it('has no deadline while the server freewheels', {
    skip: onPipeWire && 'observed on PipeWire 0.3.65: a client that asks for freewheel gets the freewheel notification and then no cycles at all',
  }, async () => {
    const client = fixture.client('freewheeler');
    client.outports.register('out');
    // 8 ms per cycle: late at 48 kHz and 256 frames (5.3 ms), never late in freewheel.
    const processor = client.setProcessCallback((_frames, _ports, context) => {
      if (context.client.freewheeling) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 8);
        context.params['freewheelCycles'] = context.params['freewheelCycles']! + 1;
      }
    }, { params: { freewheelCycles: 0 } });
    await processor.ready;
    client.activate();
    // PipeWire ends a client's freewheel request when that client leaves, and jack_freewheel leaves
    // right after asking: there the client asks itself.
    const freewheel = async (on: boolean) => {
      if (onPipeWire) client.setFreewheel(on);
      else await runPeer('jack_freewheel', [on ? 'y' : 'n'], fixture.server);
    };
    await freewheel(true);
    try {
      // Counted from the first freewheel cycle on: a late cycle before it (a cold JIT on a busy
      // machine) says nothing about freewheel.
      await eventually(() => processor.params['freewheelCycles']! >= 1, 'freewheel began');
      const { late, skipped } = processor.counters;
      await eventually(() => processor.params['freewheelCycles']! >= 21, '20 more cycles ran in freewheel');
      assert.equal(processor.counters.late, late, 'no cycle was late in freewheel');
      assert.equal(processor.counters.skipped, skipped, 'no cycle was skipped in freewheel');
    } finally {
      await freewheel(false);
    }
  });

  it('reports an exception in the processor as an error event with its stack, and stops it', async () => {
    const { client, processor } = await activeClient('thrower');
    const failed = once(client, 'error');
    processor.postMessage('throw');
    const [error] = await failed as [Error];
    assert.equal(error.name, 'TypeError');
    assert.match(error.message, /the processor of client "thrower" threw: thrown on purpose in the processor/);
    assert.match(error.stack ?? '', /throwSomething .*controlled\.processor\.js/);
    assert.equal(processor.state, 'failed');
    const cycles = processor.counters.cycles;
    await eventually(() => processor.counters.cycles > cycles + 10, 'the client keeps running');
    assert.equal(client.closed, false);
  });

  it('stops quietly on CallbackExit', async () => {
    const { client, processor } = await activeClient('exiter');
    let errors = 0;
    client.on('error', () => errors++);
    const exited = once(processor, 'exit');
    processor.postMessage('exit');
    await exited;
    assert.equal(processor.state, 'stopped');
    await sleep(100);
    assert.equal(errors, 0);
  });

  for (const [request, message] of [
    ['midi-out-of-order', /writeMidiEvent: time 5 is before the previous event's time 10; JACK needs events in time order/],
    ['midi-too-big', /writeMidiEvent: cannot write an event of \d+ bytes to "midi-.*:midi_out": only \d+ bytes are left/],
    ['midi-late', /writeMidiEvent: time must be an integer from 0 to \d+ \(frames of this cycle\), got \d+/],
  ] as const) {
    it(`gives a clear error for a bad MIDI write (${request})`, async () => {
      const { client, processor } = await activeClient(request);
      const failed = once(client, 'error');
      processor.postMessage(request);
      const [error] = await failed as [Error];
      assert.match(error.message, message);
    });
  }

  it('stop() ends the processor; the client stays open', async () => {
    const { client, processor } = await activeClient('stopper');
    await processor.stop();
    assert.equal(processor.state, 'stopped');
    assert.equal(client.closed, false);
    const replacement = client.setProcessCallback(CONTROLLED, { params: { gain: 1 } });
    await replacement.ready;
    assert.equal(client.processor, replacement);
    assert.equal(((await ask(replacement, 'describe')) as { gain: number }).gain, 1);
  });
});

describe('RingBuffer between the processor and the main thread', () => {
  it('carries a byte stream intact while both sides run', async () => {
    const client = fixture.client('ringstream');
    const ring = new RingBuffer(4096);  // small: the writer fills it and must wait for the reader
    const processor = client.setProcessCallback(RING_WRITER, { processorOptions: ring.buffer, params: { written: 0 } });
    await processor.ready;
    client.activate();
    let received = 0;
    let corrupt = 0;
    await eventually(() => {
      const bytes = ring.read(ring.readSpace);
      for (const byte of bytes) {
        if (byte !== (received & 0xff)) corrupt += 1;
        received += 1;
      }
      return received >= 100_000;
    }, '100 kB arrived', 30000);
    assert.equal(corrupt, 0);
    assert.ok(processor.params['written']! >= received);
  });
});

describe('the short form', () => {
  it('runs a self-contained function in the worker', async () => {
    const client = fixture.client('short');
    client.outports.register('out');
    const processor = client.setProcessCallback((frames, ports, context) => {
      ports.outports[0]!.getArray().fill(0.5);
      if (context.params['frames'] === 0) context.params['frames'] = frames;
    }, { params: { frames: 0 } });
    await processor.ready;
    client.activate();
    await eventually(() => processor.params['frames'] !== 0, 'the function ran');
    assert.equal(processor.params['frames'], client.blocksize);
  });

  it('explains a variable it cannot carry into the worker', async () => {
    const client = fixture.client('closure');
    client.outports.register('out');
    const gain = 0.5;
    const processor = client.setProcessCallback((_frames, ports) => {
      ports.outports[0]!.getArray().fill(gain);
    });
    const failed = once(client, 'error');
    await processor.ready;
    client.activate();
    const [error] = await failed as [Error];
    assert.equal(error.name, 'ReferenceError');
    assert.match(error.message, /uses gain, which does not exist in the audio worker: a function given to setProcessCallback\(\) is copied there as source text/);
  });

  it('refuses functions it cannot move', () => {
    const client = fixture.client('refused');
    const object = { process(_frames: number) {} };
    assert.throws(() => client.setProcessCallback(object.process), { name: 'TypeError', message: /method shorthand/ });
    assert.throws(() => client.setProcessCallback(Math.max as never), { name: 'TypeError', message: /built-in or bound function/ });
    assert.throws(() => client.setProcessCallback(async () => {}), { name: 'TypeError', message: /async function/ });
  });
});

describe('setProcessCallback misuse', () => {
  it('rejects bad processors and options with clear errors', () => {
    const client = fixture.client('misuse');
    const missing = fileURLToPath(new URL('../fixtures/no-such.processor.js', import.meta.url));
    assert.throws(() => client.setProcessCallback(missing), { name: 'TypeError', message: /processor module .*no-such\.processor\.js does not exist/ });
    assert.throws(() => client.setProcessCallback(42 as never), { name: 'TypeError', message: /processor must be a module URL or path, or a function, got number/ });
    assert.throws(() => client.setProcessCallback(CONTROLLED, { deadline: 0 }), { name: 'RangeError', message: /0 < deadline <= 1, got 0/ });
    assert.throws(() => client.setProcessCallback(CONTROLLED, { deadline: 1.5 }), RangeError);
    assert.throws(() => client.setProcessCallback(CONTROLLED, { latency: 1 } as never), { name: 'TypeError', message: /unknown option "latency"/ });
    assert.throws(() => client.setProcessCallback(CONTROLLED, { params: { gain: 'loud' } } as never), { name: 'TypeError', message: /options.params.gain must be a number/ });
    assert.equal(client.processor, null);
  });

  it('rejects ready and emits error when the module does not export a processor', async () => {
    const client = fixture.client('notproc');
    const failed = once(client, 'error');
    const processor = client.setProcessCallback(NOT_A_PROCESSOR);
    await assert.rejects(processor.ready, { message: /must `export default defineProcessor\(\.\.\.\)`/ });
    await failed;
    assert.equal(processor.state, 'failed');
  });

  it('throws a JackError on a closed client', () => {
    const client = fixture.client('closedproc');
    client.close();
    assert.throws(() => client.setProcessCallback(CONTROLLED), { name: 'JackError', message: /client "closedproc" is closed/ });
    assert.ok(JackError);
  });
});
