import assert from 'node:assert/strict';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import { useJackServer } from '../harness/fixtures.js';
import { listPorts, runPeer } from '../harness/peers.js';
import { startSelfLoop } from '../harness/waiting.js';

// 64 frames per period: more cycles per second for the allocation measurement.
const fixture = useJackServer({ period: 64 });
const processingClient = fileURLToPath(new URL('../fixtures/processing-client.js', import.meta.url));
const ALLOCATION = new URL('../fixtures/allocation.processor.js', import.meta.url);

async function portsOf(client: string): Promise<string[]> {
  return [...(await listPorts(fixture.server)).keys()].filter((port) => port.startsWith(`${client}:`));
}

describe('a process with a running processor', () => {
  for (const [mode, expectedCode, expectedOutput] of [
    ['return', 0, ''], ['exit', 3, ''], ['throw', 1, ''], ['worker', 0, 'terminated\n'],
  ] as const) {
    it(`ends promptly and leaves no client behind when it ends by ${mode}`, async () => {
      const name = `running_${mode}`;
      const started = Date.now();
      const result = await runPeer(process.execPath, [processingClient, mode, name], fixture.server, {
        allowFailure: true,
        timeoutMs: 15000,
      });
      assert.equal(result.code, expectedCode, `exit ${result.code} after ${Date.now() - started} ms: ${result.stderr}`);
      assert.equal(result.stdout, expectedOutput);
      if (mode === 'throw') assert.match(result.stderr, /uncaught on purpose/);
      assert.deepEqual(await portsOf(name), []);
    });
  }
});

describe('the library loop in the audio worker', () => {
  it('allocates nothing per cycle while audio and MIDI pass through it', async () => {
    const { processor } = await startSelfLoop(fixture, 'allocation', ALLOCATION);
    const warmUp = 3000;  // let the JIT compile the loop and the views settle
    while (processor.counters.cycles < warmUp) await new Promise((resolve) => setTimeout(resolve, 50));
    const cycles = 3000;
    let measured: { cycles: number; grown: number; samplingCost: number; events: number } | undefined;
    for (let attempt = 0; attempt < 3 && measured === undefined; attempt++) {
      const answer = once(processor, 'message');
      processor.postMessage(`measure ${cycles}`);
      const [result] = await answer as [{ cycles: number; grown: number; samplingCost: number; events: number }];
      // A scavenge in between (grown < 0) says nothing either way: measure again.
      if (result.grown >= 0) measured = result;
    }
    assert.ok(measured !== undefined, 'three measurements in a row were cut by a garbage collection');
    assert.ok(measured.events > 0, 'MIDI events went through');
    // The smallest heap object is 16 bytes: anything allocated every cycle shows as >= 16 bytes per
    // cycle. A few hundred bytes over the whole run (the JIT's feedback, a changed MIDI view) is not.
    const perCycle = (measured.grown - measured.samplingCost) / measured.cycles;
    assert.ok(perCycle < 4, `the young generation grew by ${measured.grown} bytes over ${measured.cycles} cycles ` +
      `(sampling costs ${measured.samplingCost}): ${perCycle.toFixed(2)} bytes per cycle`);
  });
});
