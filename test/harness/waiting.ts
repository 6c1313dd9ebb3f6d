// Waiting in tests for what JACK and the audio worker do asynchronously.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Client, Processor } from 'jack-client';

/** Polls until `check` holds; fails after `timeoutMs` saying what did not happen. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`timed out waiting until ${what}`);
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
 * Gives `client` audio and MIDI ports whose outputs are connected to its own inputs, runs
 * `processorUrl` on it and activates it; resolves once the processor is running.
 */
export async function startSelfLoop(client: Client, processorUrl: URL): Promise<Processor> {
  const audioIn = client.inports.register('in_1');
  const audioOut = client.outports.register('out_1');
  const midiIn = client.midiInports.register('midi_in');
  const midiOut = client.midiOutports.register('midi_out');
  const processor = client.setProcessCallback(processorUrl);
  await processor.ready;
  client.activate();
  client.connect(audioOut, audioIn);
  client.connect(midiOut, midiIn);
  return processor;
}

/**
 * Runs test/fixtures/loopback.processor in a self-loop ({@link startSelfLoop}) until 200 cycles
 * went by; resolves with the processor's report.
 */
export async function runLoopback(client: Client, loopbackProcessor: URL): Promise<{ processor: Processor; report: unknown }> {
  const processor = await startSelfLoop(client, loopbackProcessor);
  await eventually(() => processor.counters.cycles > 200, '200 cycles ran');
  return { processor, report: await ask(processor, 'report') };
}
