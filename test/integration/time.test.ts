import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { runPython } from '../harness/peers.js';

const fixture = useJackServer();

describe('time', () => {
  it('gives cycle times consistent with the block size, the sample rate and JACK\'s clock', async () => {
    const client = fixture.client('clock');
    client.activate();
    await sleep(100);
    // The conversions use the clock of the cycle at hand (PipeWire corrects its rate every cycle):
    // read everything within one cycle, again when a cycle began meanwhile.
    const read = () => {
      const frameBefore = client.lastFrameTime;
      const before = jack.getTime();
      const times = client.getCycleTimes();
      const after = jack.getTime();
      const currentTime = client.framesToTime(times.currentFrames);
      const currentFrame = client.timeToFrames(times.currentUsecs);
      const nextTime = client.framesToTime(times.currentFrames + client.blocksize);
      return { frameBefore, before, times, after, currentTime, currentFrame, nextTime, frameAfter: client.lastFrameTime };
    };
    let reading = read();
    for (let attempt = 0; attempt < 50 && reading.frameAfter !== reading.frameBefore; attempt++) {
      await sleep(1);
      reading = read();
    }
    const { frameBefore, before, times, after, currentTime, currentFrame, nextTime, frameAfter } = reading;
    const seen = JSON.stringify(reading);
    assert.equal(frameAfter, frameBefore, `read within one cycle: ${seen}`);
    const nominal = client.blocksize / client.samplerate * 1e6;
    assert.ok(Math.abs(times.periodUsecs - nominal) < nominal * 0.05, `period ${times.periodUsecs} µs, nominal ${nominal} µs`);
    assert.ok(times.currentUsecs <= after, 'the current cycle started before now');
    assert.ok(times.nextUsecs > times.currentUsecs);
    assert.ok(before - times.currentUsecs < 2 * nominal, 'the current cycle is recent');
    assert.equal(times.currentFrames, frameBefore, 'both name the current cycle\'s first frame');
    assert.ok(Math.abs(currentTime - times.currentUsecs) <= 2, seen);
    assert.ok(Math.abs(currentFrame - times.currentFrames) <= 1, seen);
    assert.ok(Math.abs(nextTime - times.nextUsecs) <= 1, `one block later is the next cycle: ${seen}`);
    assert.ok(client.frameTime - client.lastFrameTime <= client.blocksize + client.framesSinceCycleStart);
  });

  it('agrees with the Python module on the frame time', async () => {
    const client = fixture.client('clock_py');
    client.activate();
    const python = Number(await runPython([
      'import jack',
      "c = jack.Client('clock_peer', no_start_server=True)",
      'c.activate()',
      'print(c.frame_time)',
    ].join('\n'), fixture.server));
    const ours = client.frameTime;
    // Read a moment apart in two processes: within a second of frames.
    assert.ok(ours >= python && ours - python < client.samplerate, `python ${python}, ours ${ours}`);
  });

  it('rejects bad arguments and a closed client', () => {
    const client = fixture.client('clock_bad');
    assert.throws(() => client.framesToTime(-1), { name: 'RangeError', message: /frames must be an integer from 0 to 2\^32 - 1, got -1/ });
    assert.throws(() => client.framesToTime(2 ** 32), RangeError);
    assert.throws(() => client.timeToFrames(1.5), { name: 'RangeError', message: /time must be a non-negative integer/ });
    client.close();
    assert.throws(() => client.getCycleTimes(), { name: 'JackError', message: /client "clock_bad" is closed/ });
    assert.throws(() => client.lastFrameTime, { name: 'JackError' });
  });
});
