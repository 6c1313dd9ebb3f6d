import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { PYTHON, runPeer, runPython } from '../harness/peers.js';
// PipeWire's JACK answers transport queries of inactive clients with an empty position: the Python
// peers below activate before they look.
import { eventually } from '../harness/waiting.js';

const fixture = useJackServer();

/**
 * Runs `jack_transport` with `commands` on its standard input, then lets it quit half a second
 * later: PipeWire carries out transport requests in a later cycle and drops those of a client that
 * is gone by then.
 */
async function jackTransport(...commands: string[]): Promise<void> {
  const peer = spawn('jack_transport', [], { env: fixture.server.env, stdio: ['pipe', 'ignore', 'ignore'] });
  peer.stdin.write(commands.map((command) => `${command}\n`).join(''));
  await sleep(500);
  peer.stdin.end();
  if (peer.exitCode === null) await once(peer, 'exit');
}

/** The lines `jack_showtime` prints in about half a second. */
async function showtime(): Promise<string[]> {
  const result = await runPeer('jack_showtime', [], fixture.server, { allowFailure: true, timeoutMs: 500 });
  return result.stdout.split('\n').filter((line) => line.startsWith('frame = '));
}

/** A timebase function for 120 BPM in 4/4 from the position's frame (self-contained: no captures). */
const bbtFromFrame: jack.TimebaseFunction = (_state, _blocksize, position, _newPosition, context) => {
  const bpm = (context.params as Record<string, number>).bpm ?? 120;
  const beats = (position.frame / position.frameRate / 60) * bpm;
  position.valid = 0x10;
  position.beatsPerBar = 4;
  position.beatType = 4;
  position.ticksPerBeat = 1920;
  position.beatsPerMinute = bpm;
  position.bar = Math.floor(beats / 4) + 1;
  position.beat = Math.floor(beats % 4) + 1;
  position.tick = Math.floor((beats % 1) * 1920);
  position.barStartTick = (position.bar - 1) * 4 * 1920;
};

/**
 * Sets the sync timeout and lets two cycles go by: PipeWire's driver takes a new timeout into
 * account from the next cycle (a start in the same cycle still waits as long as before).
 */
async function setSyncTimeoutAndWait(client: jack.Client, processor: jack.Processor, usecs: number): Promise<void> {
  client.setSyncTimeout(usecs);
  const cycles = processor.counters.cycles;
  await eventually(() => processor.counters.cycles >= cycles + 2, 'two cycles after setting the sync timeout');
}

describe('transport', () => {
  it('starts, stops and locates, and jack_transport and jack_showtime agree', async () => {
    const client = fixture.client('mover');
    client.activate();
    client.transportStop();
    client.transportFrame = 48000;
    await eventually(() => client.transportFrame === 48000 && client.transportState.equals(jack.STOPPED), 'the new position');
    const [state, position] = client.transportQuery();
    assert.ok(state.equals(jack.STOPPED));
    assert.equal(String(state), 'jack.STOPPED');
    assert.equal(position.frame, 48000);
    assert.equal(position.frameRate, 48000);
    assert.deepEqual(Object.keys(position).sort(), ['frame', 'frameRate', 'usecs'], 'no BBT without a timebase master');
    assert.ok((await showtime()).some((line) => /^frame = 48000 .*state: Stopped/.test(line)), 'jack_showtime sees our locate');

    client.transportStart();
    await eventually(() => client.transportState.equals(jack.ROLLING), 'rolling');
    assert.ok((await showtime()).some((line) => /state: Rolling/.test(line)), 'jack_showtime sees our start');
    await jackTransport('stop', 'locate 96000');
    await eventually(() => client.transportState.equals(jack.STOPPED) && client.transportFrame === 96000, 'jack_transport\'s stop and locate');
    await jackTransport('play');
    await eventually(() => client.transportState.equals(jack.ROLLING), 'jack_transport\'s play');
    const frame = client.transportFrame;
    await sleep(100);
    assert.ok(client.transportFrame > frame, 'the frame moves while rolling');
    client.transportStop();
  });

  it('repositions with a struct, and the Python module reads it back', async () => {
    const client = fixture.client('struct');
    client.activate();
    client.transportStop();
    const [, current] = client.transportQueryStruct();
    client.transportRepositionStruct({ ...current, frame: 12345, valid: 0 });
    await eventually(() => client.transportFrame === 12345, 'the repositioned frame');
    const python = await runPython([
      'import jack',
      "c = jack.Client('py_reader', no_start_server=True)",
      'c.activate()',
      'import time; time.sleep(0.1)',
      'state, pos = c.transport_query()',
      "print(int(state == jack.STOPPED), pos['frame'])",
    ].join('\n'), fixture.server);
    assert.equal(python.trim(), '1 12345');
  });

  it('is timebase master: jack_showtime and Python see its BBT; conditional requests fail while it is', async () => {
    const client = fixture.client('master');
    client.setProcessCallback(() => {}, { params: { bpm: 90 } });
    await client.processor!.ready;
    client.activate();
    assert.equal(client.setTimebaseCallback(bbtFromFrame), true);
    client.transportFrame = 0;
    client.transportStart();
    await eventually(() => client.transportQuery()[1].bar !== undefined, 'BBT in the position');
    const [, position] = client.transportQuery();
    assert.equal(position.beatsPerMinute, 90);
    assert.equal(position.beatsPerBar, 4);
    const expectedBeats = (position.frame / 48000 / 60) * 90;
    assert.equal((position.bar! - 1) * 4 + position.beat! - 1, Math.floor(expectedBeats), 'BBT follows the frame');
    assert.ok((await showtime()).some((line) => /BBT: +\d+\|\d\|\d{4}/.test(line)), 'jack_showtime prints our BBT');
    const python = await runPython([
      'import jack',
      "c = jack.Client('py_master', no_start_server=True)",
      'c.activate()',
      "print(c.set_timebase_callback(lambda *a: None, True), jack.position2dict(c.transport_query_struct()[1])['beats_per_minute'])",
    ].join('\n'), fixture.server);
    // PipeWire 0.3's JACK does not refuse a conditional request while another client is master.
    assert.equal(python.trim(), `${onPipeWire ? 'True' : 'False'} 90.0`, 'a conditional request fails (JACK2); Python reads our tempo');
    if (onPipeWire) assert.equal(client.setTimebaseCallback(bbtFromFrame), true, 'taking the timebase back');

    client.releaseTimebase();
    assert.throws(() => client.releaseTimebase(), { name: 'JackError', message: /not the timebase master/ });
    client.transportStop();
  });

  it('asks a timebase function that missed a request (late) to start over: newPosition is true next time', async () => {
    const client = fixture.client('late_master');
    const processor = client.setProcessCallback(() => {}, { params: { calls: 0, sleep: 0, slept: 0, freshAfterSleep: -1 } });
    await processor.ready;
    client.activate();
    assert.equal(client.setTimebaseCallback((_state, _blocksize, position, newPosition, context) => {
      const params = context.params as Record<string, number>;
      params['calls']! += 1;
      if (params['slept'] === 1 && params['freshAfterSleep'] === -1) params['freshAfterSleep'] = newPosition ? 1 : 0;
      if (params['sleep'] === 1) {
        params['sleep'] = 0;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);  // past the deadline: several requests missed
        params['slept'] = 1;
      }
      position.valid = 0x10;
      position.beatsPerMinute = 120;
    }), true);
    client.transportStart();
    await eventually(() => processor.params['calls']! > 20, 'the timebase function runs');
    processor.params['sleep'] = 1;
    await eventually(() => processor.params['freshAfterSleep'] !== -1, 'a request after the late one');
    assert.equal(processor.params['freshAfterSleep'], 1, 'the first request after the missed ones has newPosition true');
    assert.ok(processor.counters.late >= 1, `the late request was counted: ${JSON.stringify(processor.counters)}`);
    client.releaseTimebase();
    client.transportStop();
  });

  it('sees the BBT of jack_transport as master, and a conditional request fails then', async () => {
    const client = fixture.client('follower');
    client.setProcessCallback(() => {}, {});
    await client.processor!.ready;
    client.activate();
    const peer = spawn('jack_transport', [], { env: fixture.server.env, stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      peer.stdin.write('master\nplay\n');
      await eventually(() => client.transportQuery()[1].bar !== undefined, 'jack_transport\'s BBT');
      assert.equal(client.transportQuery()[1].beatsPerMinute, 120, 'jack_transport\'s default tempo');
      // PipeWire 0.3's JACK grants a conditional request even while another client is master.
      assert.equal(client.setTimebaseCallback(bbtFromFrame, true), onPipeWire, 'another master is there');
      peer.stdin.write('stop\n');
      await eventually(() => client.transportState.equals(jack.STOPPED), 'jack_transport\'s stop');
    } finally {
      peer.stdin.end('quit\n');
      if (peer.exitCode === null) await once(peer, 'exit');
    }
  });

  it('is a slow-sync client: the transport waits in STARTING until its sync function is ready', async () => {
    const client = fixture.client('slow');
    const processor = client.setProcessCallback(() => {}, { params: { ready: 0, calls: 0 } });
    await processor.ready;
    client.activate();
    // A Python client that prints the transport state on request: started first, so that the
    // waiting below does not include its start (PipeWire waits 5 s at most).
    const observer = spawn(PYTHON, ['-c', [
      'import jack, sys',
      "c = jack.Client('py_state', no_start_server=True)",
      'c.activate()',
      "print('ready', flush=True)",
      'for line in sys.stdin:',
      '    print(c.transport_state, flush=True)',
    ].join('\n')], { env: fixture.server.env, stdio: ['pipe', 'pipe', 'inherit'] });
    const answers = createInterface({ input: observer.stdout! })[Symbol.asyncIterator]();
    const nextAnswer = async (): Promise<string> => String((await answers.next()).value);
    try {
      assert.equal(await nextAnswer(), 'ready');
      client.transportStop();
      await eventually(() => client.transportState.equals(jack.STOPPED), 'stopped before the test');
      await setSyncTimeoutAndWait(client, processor, 20_000_000);
      client.setSyncCallback((_state, _position, context) => {
        const params = context.params as Record<string, number>;
        params.calls! += 1;
        return params.ready === 1;
      });
      client.transportStart();
      await eventually(() => client.transportState.equals(jack.STARTING),
        () => `STARTING (the state is ${String(client.transportState)}, ${processor.params.calls} sync calls, ${JSON.stringify(processor.counters)})`);
      await sleep(200);
      assert.ok(client.transportState.equals(jack.STARTING), 'still waiting for the slow client');
      observer.stdin!.write('state?\n');
      assert.equal(await nextAnswer(), 'jack.STARTING', 'the Python module sees it waiting');
      processor.params.ready = 1;
      await eventually(() => client.transportState.equals(jack.ROLLING), 'ROLLING once ready');
      assert.ok(processor.params.calls! > 10, `the sync function was polled (${processor.params.calls} calls)`);
      client.setSyncCallback(null);
      client.transportStop();
      client.setSyncTimeout(2_000_000);
    } finally {
      observer.stdin!.end();
      if (observer.exitCode === null) await once(observer, 'exit');
    }
  });

  // After the slow-sync test: PipeWire keeps the shortest sync timeout any client set for as long as its driver runs.
  it('rolls after the sync timeout when a slow-sync client never gets ready', async () => {
    const client = fixture.client('never_ready');
    const processor = client.setProcessCallback(() => {});
    await processor.ready;
    client.activate();
    client.transportStop();
    await eventually(() => client.transportState.equals(jack.STOPPED), 'stopped before the test');
    await setSyncTimeoutAndWait(client, processor, 300_000);
    client.setSyncCallback(() => false);
    const started = Date.now();
    client.transportStart();
    await eventually(() => client.transportState.equals(jack.ROLLING), () =>
      `ROLLING after the 0.3 s timeout (the state is ${String(client.transportState)} after ${Date.now() - started} ms)`, 4000);
    client.setSyncCallback(null);
    client.transportStop();
    client.setSyncTimeout(2_000_000);
  });

  it('reads every field of a position that a Python timebase master wrote', async () => {
    const client = fixture.client('field_reader');
    client.activate();
    const peer = spawn('/usr/bin/python3', ['-c', [
      'import jack, sys, time',
      "c = jack.Client('py_fields', no_start_server=True)",
      'def timebase(state, nframes, pos, new_pos):',
      '    pos.valid = jack.POSITION_BBT | jack.POSITION_TIMECODE | jack.POSITION_BBT_FRAME_OFFSET | jack.POSITION_AUDIO_VIDEO_RATIO | jack.POSITION_VIDEO_FRAME_OFFSET',
      '    pos.bar, pos.beat, pos.tick, pos.bar_start_tick = 7, 3, 1234, 40320.0',
      '    pos.beats_per_bar, pos.beat_type, pos.ticks_per_beat, pos.beats_per_minute = 6.0, 8.0, 1920.0, 133.5',
      '    pos.frame_time, pos.next_time, pos.bbt_offset = 1.25, 1.5, 17',
      '    pos.audio_frames_per_video_frame, pos.video_offset = 1601.5, 23',
      'c.activate()',
      'c.set_timebase_callback(timebase)',
      "print('ready', flush=True)",
      'sys.stdin.read()',
    ].join('\n')], { env: fixture.server.env, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await once(peer.stdout, 'data');
      client.transportStart();
      await eventually(() => client.transportQuery()[1].bar === 7, 'the Python master\'s position');
      const [, position] = client.transportQueryStruct();
      if (onPipeWire) {
        // PipeWire's JACK carries the position through its own segment: the BBT group and the BBT
        // offset survive, tick within one (recomputed), bar_start_tick recomputed; timecode and
        // video fields are not carried at all.
        assert.deepEqual(
          [position.bar, position.beat, position.beatsPerBar, position.beatType, position.ticksPerBeat, position.beatsPerMinute, position.bbtOffset],
          [7, 3, 6, 8, 1920, 133.5, 17],
        );
        assert.ok(Math.abs(position.tick - 1234) <= 1, `tick ${position.tick}`);
        assert.equal(position.valid & 0x50, 0x50);
      } else {
        assert.deepEqual(
          [position.bar, position.beat, position.tick, position.barStartTick, position.beatsPerBar, position.beatType,
            position.ticksPerBeat, position.beatsPerMinute, position.frameTime, position.nextTime, position.bbtOffset,
            position.audioFramesPerVideoFrame, position.videoOffset],
          [7, 3, 1234, 40320, 6, 8, 1920, 133.5, 1.25, 1.5, 17, 1601.5, 23],
        );
        assert.equal(position.valid & 0x1f0, 0x1f0);
      }
      client.transportStop();
    } finally {
      peer.stdin.end();
      if (peer.exitCode === null) await once(peer, 'exit');
    }
  });

  it('starts the audio worker for a sync function when no processor is set', async () => {
    const client = fixture.client('idle_sync');
    client.activate();
    client.setSyncCallback(() => true);
    assert.notEqual(client.processor, null);
    await client.processor!.ready;
    client.transportStart();
    await eventually(() => client.transportState.equals(jack.ROLLING), 'rolling with a ready slow-sync client');
    client.transportStop();
  });

  it('reports a throwing sync function through the error event and treats it as not ready', async () => {
    const client = fixture.client('bad_sync');
    const errors: Error[] = [];
    client.on('error', (error) => errors.push(error));
    client.setProcessCallback(() => {});
    await client.processor!.ready;
    client.activate();
    client.setSyncCallback(() => {
      throw new Error('cannot seek');
    });
    client.transportFrame = 100;
    await eventually(() => errors.length >= 1, 'the sync error');
    assert.match(errors[0]!.message, /the sync callback of client "bad_sync" threw: cannot seek/);
    assert.equal(client.processor!.state, 'running', 'the processor goes on');
    client.setSyncCallback(null);
  });

  it('warns once that transportLocate is deprecated, and rejects bad arguments', async () => {
    const client = fixture.client('locator');
    client.activate();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      client.transportLocate(10);
      client.transportLocate(20);
      await sleep(10);
    } finally {
      process.off('warning', onWarning);
    }
    assert.equal(warnings.filter((warning) => /transportLocate\(\) is deprecated/.test(warning.message)).length, 1);
    assert.throws(() => (client.transportFrame = -1), { name: 'RangeError', message: /frame must be within 0\.\.4294967295, got -1/ });
    assert.throws(() => (client.transportFrame = 1.5), { name: 'TypeError', message: /frame must be an integer/ });
    assert.throws(() => client.transportRepositionStruct({ frame: 0, valid: 0x40 }), { name: 'RangeError', message: /POSITION_BBT and POSITION_TIMECODE/ });
    assert.throws(() => client.setSyncTimeout(-5), RangeError);
    assert.throws(() => client.setSyncTimeout(2 ** 60), { name: 'RangeError', message: /timeout must be a non-negative integer of microseconds/ });
    assert.throws(() => client.setSyncCallback((() => 1).bind(null) as never), { name: 'TypeError', message: /setSyncCallback: a built-in or bound function/ });
    assert.throws(() => client.setTimebaseCallback(bbtFromFrame, 'yes' as never), { name: 'TypeError', message: /conditional/ });
    client.close();
    assert.throws(() => client.transportStart(), { name: 'JackError', message: /client "locator" is closed/ });
  });

  it('locates from an inactive client on JACK2; on PipeWire says that it needs activate()', () => {
    const client = fixture.client('inactive_locator');
    if (onPipeWire) {
      assert.throws(() => (client.transportFrame = 100), { name: 'JackErrorCode', message: /PipeWire's JACK changes the transport only from an active client \(call activate\(\) first\)/ });
    } else {
      client.transportFrame = 100;
    }
  });

  it('gives position2dict only the valid fields, and TransportState compares to the constants', () => {
    const base = { usecs: 1, frameRate: 48000, frame: 7, bar: 2, beat: 3, tick: 4, barStartTick: 0, beatsPerBar: 4, beatType: 4,
      ticksPerBeat: 1920, beatsPerMinute: 120, frameTime: 0.5, nextTime: 0.6, bbtOffset: 9, audioFramesPerVideoFrame: 1600,
      videoOffset: 11, tickDouble: 4.5 };
    assert.deepEqual(jack.position2dict({ ...base, valid: 0 }), { usecs: 1, frameRate: 48000, frame: 7 });
    assert.deepEqual(Object.keys(jack.position2dict({ ...base, valid: jack.POSITION_TIMECODE | jack.POSITION_VIDEO_FRAME_OFFSET })).sort(),
      ['frame', 'frameRate', 'frameTime', 'nextTime', 'usecs', 'videoOffset']);
    assert.ok(new jack.TransportState(jack.ROLLING).equals(jack.ROLLING));
    assert.equal(String(new jack.TransportState(jack.NETSTARTING)), 'jack.NETSTARTING');
    assert.equal(+new jack.TransportState(jack.STARTING), jack.STARTING);
  });
});
