import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { listPorts, runPeer } from '../harness/peers.js';
import { eventually } from '../harness/waiting.js';

const fixture = useJackServer();

/** The latency ranges `jack_lsp -l` prints for `port`. */
async function lspLatency(port: string): Promise<{ capture: jack.LatencyRange; playback: jack.LatencyRange }> {
  const lines = (await listPorts(fixture.server, ['-l'])).get(port) ?? [];
  const range = (mode: string): jack.LatencyRange => {
    const found = lines.map((line) => new RegExp(`port ${mode} latency = \\[ (\\d+) (\\d+) \\]`).exec(line)).find(Boolean);
    assert.ok(found, `jack_lsp -l shows the ${mode} latency of ${port}: ${lines.join(' | ')}`);
    return { min: Number(found[1]), max: Number(found[2]) };
  };
  return { capture: range('capture'), playback: range('playback') };
}

describe('latency', () => {
  it('propagates latencies like JACK2 without a latency callback, as jack_lsp -l shows', async () => {
    const client = fixture.client('plain');
    const input = client.inports.register('in');
    const output = client.outports.register('out');
    client.activate();
    client.connect('system:capture_1', input);
    client.connect(output, 'system:playback_1');
    const systemCapture = client.getPortByName('system:capture_1').getLatencyRange('capture');
    const systemPlayback = client.getPortByName('system:playback_1').getLatencyRange('playback');
    assert.deepEqual(systemCapture, (await lspLatency('system:capture_1')).capture);
    await eventually(() => output.getLatencyRange('capture').max === systemCapture.max, 'the capture latency reaching our output');
    assert.deepEqual(input.getLatencyRange('capture'), systemCapture);
    assert.deepEqual(output.getLatencyRange('capture'), systemCapture, 'outputs take the inputs\' capture latency');
    assert.deepEqual(input.getLatencyRange('playback'), systemPlayback, 'inputs take the outputs\' playback latency');
    const lsp = await lspLatency('plain:out');
    assert.deepEqual(lsp.capture, output.getLatencyRange('capture'));
  });

  it('lets a latency callback add the client\'s own delay, which reaches the ports downstream', async () => {
    const client = fixture.client('delayer');
    const input = client.inports.register('in');
    const output = client.outports.register('out');
    const modes: jack.LatencyMode[] = [];
    client.setLatencyCallback((mode) => {
      modes.push(mode);
      if (mode === 'capture') {
        const upstream = input.getLatencyRange('capture');
        output.setLatencyRange('capture', { min: upstream.min + 100, max: upstream.max + 100 });
      } else {
        const downstream = output.getLatencyRange('playback');
        input.setLatencyRange('playback', { min: downstream.min + 100, max: downstream.max + 100 });
      }
    });
    client.activate();
    client.connect('system:capture_1', input);
    client.connect(output, 'system:playback_2');
    const systemCapture = client.getPortByName('system:capture_1').getLatencyRange('capture');
    await eventually(() => output.getLatencyRange('capture').min === systemCapture.min + 100, 'our delay on the output');
    assert.ok(modes.includes('capture') && modes.includes('playback'), `modes ${modes.join(', ')}`);
    await eventually(async () => (await lspLatency('system:playback_2')).capture.min === systemCapture.min + 100,
      'the delay reaching system:playback_2');
    const systemPlayback = client.getPortByName('system:playback_2').getLatencyRange('playback');
    assert.deepEqual(input.getLatencyRange('playback'), { min: systemPlayback.min + 100, max: systemPlayback.max + 100 });
  });

  it('emits the latency event, keeps JACK2\'s default ranges meanwhile, and recomputes on request', async () => {
    const client = fixture.client('observer');
    const input = client.inports.register('in');
    const output = client.outports.register('out');
    const modes: jack.LatencyMode[] = [];
    client.on('latency', (mode) => modes.push(mode));
    client.activate();
    client.connect('system:capture_2', input);
    client.recomputeTotalLatencies();
    await eventually(() => modes.includes('capture') && modes.includes('playback'), 'latency events of both modes');
    const systemCapture = client.getPortByName('system:capture_2').getLatencyRange('capture');
    await eventually(() => output.getLatencyRange('capture').max === systemCapture.max, 'the default range on the output');
    assert.deepEqual((await lspLatency('observer:out')).capture, systemCapture);
  });

  it('refuses a latency callback or listener after activate(), as JACK does', () => {
    const client = fixture.client('late_latency');
    client.activate();
    assert.throws(() => client.setLatencyCallback(() => {}), { name: 'JackError', message: /setLatencyCallback\(\) must come before activate\(\)/ });
    assert.throws(() => client.on('latency', () => {}), { name: 'JackError', message: /client.on\('latency'\) must come before activate\(\)/ });
    assert.equal(client.listenerCount('latency'), 0);
    client.deactivate();
    client.setLatencyCallback(() => {});
  });

  it('reports delay statistics and switches freewheel on and off', async () => {
    const client = fixture.client('stats');
    const freewheel: boolean[] = [];
    client.on('freewheel', (starting) => freewheel.push(starting));
    client.activate();
    await sleep(100);
    assert.ok(client.getMaxDelayedUsecs() >= 0);
    assert.ok(client.getXrunDelayedUsecs() >= 0);
    client.resetMaxDelayedUsecs();
    assert.equal(client.getMaxDelayedUsecs(), 0);
    client.setFreewheel(true);
    await eventually(() => freewheel.includes(true), 'freewheel on');
    client.setFreewheel(false);
    await eventually(() => freewheel.includes(false), 'freewheel off');
    await runPeer('jack_lsp', [], fixture.server);
  });

  it('rejects bad modes and ranges, and a port that is gone', () => {
    const client = fixture.client('latency_bad');
    const port = client.outports.register('out');
    assert.throws(() => port.getLatencyRange('both' as never), { name: 'TypeError', message: /mode must be 'capture' or 'playback'/ });
    assert.throws(() => port.setLatencyRange('capture', { min: 5, max: 2 }), { name: 'RangeError', message: /range.min \(5\) must not exceed range.max \(2\)/ });
    assert.throws(() => port.setLatencyRange('capture', { min: -1, max: 2 }), { name: 'RangeError', message: /range.min must be a whole number/ });
    assert.throws(() => client.setFreewheel(1 as never), { name: 'TypeError', message: /onoff/ });
    port.unregister();
    assert.throws(() => port.getLatencyRange('capture'), { name: 'JackError', message: /was unregistered/ });
  });
});
