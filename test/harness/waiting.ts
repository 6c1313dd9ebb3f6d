// Waiting in tests for what JACK and the audio worker do asynchronously.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Client, Processor } from 'jack-client';

import type { ServerFixture } from './fixtures.js';
import { onPipeWire } from './jack-server.js';

/** Polls until `check` holds; fails after `timeoutMs` saying what did not happen. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`timed out waiting until ${typeof what === 'string' ? what : what()}`);
    await sleep(20);
  }
}

/** Sends `message` to the processor and resolves with its first answer. */
export async function ask(processor: Processor, message: string): Promise<unknown> {
  const answer = once(processor, 'message');
  processor.postMessage(message);
  return (await answer)[0];
}

/**
 * Opens a client `name` with audio and MIDI ports whose outputs are connected to its own inputs,
 * runs `processorUrl` on it and activates it; resolves once the processor is running.
 *
 * PipeWire feeds a node's audio output back to its own input only once (later cycles read a stale
 * buffer), so there the audio loop goes through a second client that copies its input to its
 * output: the audio still comes back exactly one block later, as through JACK2's self-connection.
 */
export async function startSelfLoop(fixture: ServerFixture, name: string, processorUrl: URL): Promise<{ client: Client; processor: Processor; mirror: Processor | null }> {
  const client = fixture.client(name);
  const audioIn = client.inports.register('in_1');
  const audioOut = client.outports.register('out_1');
  const midiIn = client.midiInports.register('midi_in');
  const midiOut = client.midiOutports.register('midi_out');
  const processor = client.setProcessCallback(processorUrl);
  await processor.ready;
  client.activate();
  if (onPipeWire) {
    const mirror = fixture.client(`${name}_mirror`);
    mirror.inports.register('in');
    mirror.outports.register('out');
    const copier = mirror.setProcessCallback((_frames, ports) => {
      ports.outports[0]!.getArray().set(ports.inports[0]!.getArray());
    });
    await copier.ready;
    mirror.activate();
    client.connect(audioOut, mirror.inports[0]!);
    client.connect(mirror.outports[0]!, audioIn);
    client.connect(midiOut, midiIn);
    return { client, processor, mirror: copier };
  }
  client.connect(audioOut, audioIn);
  client.connect(midiOut, midiIn);
  return { client, processor, mirror: null };
}

/** What test/fixtures/loopback.processor saw come back through the loop. */
export interface LoopbackReport {
  /** [delay in frames, samples that arrived with it] */
  audioLatencies: Array<[number, number]>;
  silent: number;
  midi: { matched: number; mismatched: number; emptyCycles: number; sizes: number[]; times: number[] };
}

/**
 * Runs test/fixtures/loopback.processor in a self-loop ({@link startSelfLoop}) until 100 blocks of
 * audio and 100 cycles' MIDI events came back (wiring the loop, and a busy machine, can take a
 * while); resolves with the processor's report.
 */
export async function runLoopback(fixture: ServerFixture, name: string, loopbackProcessor: URL): Promise<{ client: Client; processor: Processor; mirror: Processor | null; report: LoopbackReport }> {
  const { client, processor, mirror } = await startSelfLoop(fixture, name, loopbackProcessor);
  let report: LoopbackReport | undefined;
  const arrived = (seen: LoopbackReport): number => seen.audioLatencies.reduce((sum, [, samples]) => sum + samples, 0);
  await eventually(async () => {
    report = await ask(processor, 'report') as LoopbackReport;
    return arrived(report) >= 100 * client.blocksize && report.midi.matched >= 3 * 100;
  }, () => `100 blocks of audio and 300 MIDI events came back through the loop (last report: ${JSON.stringify(report)})`, 30000);
  return { client, processor, mirror, report: report! };
}
