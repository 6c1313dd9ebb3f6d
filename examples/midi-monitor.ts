// Prints the MIDI events that arrive on its input (like the Python module's midi_monitor.py).
// Usage: node midi-monitor.js [--seconds N]; connect a MIDI source to midi-monitor:input.
import { Client, RingBuffer } from 'jack-client';

import { MISSED_CYCLES } from './midi-monitor.processor.js';
import { runUntilStopped } from './run-until.js';

const client = new Client('midi-monitor');
client.midiInports.register('input');
const ring = new RingBuffer(1 << 16);
const processor = client.setProcessCallback(new URL('./midi-monitor.processor.js', import.meta.url), {
  processorOptions: ring.buffer,
});
await processor.ready;
client.activate();
console.log('listening on midi-monitor:input');

const HEADER_BYTES = 8;
const poller = setInterval(() => {
  while (ring.readSpace >= HEADER_BYTES) {
    const view = new DataView(ring.peek(HEADER_BYTES).buffer);
    const size = view.getUint32(4, true);
    if (size === MISSED_CYCLES) {
      ring.readAdvance(HEADER_BYTES);
      console.log(`(missed ${view.getUint32(0, true)} frames: the monitor was late, their events are lost)`);
      continue;
    }
    if (ring.readSpace < HEADER_BYTES + size) break;
    ring.readAdvance(HEADER_BYTES);
    const data = ring.read(size);
    const bytes = [...data].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    console.log(`${String(view.getUint32(0, true)).padStart(5)}: ${bytes}`);
  }
}, 20);
await runUntilStopped();
clearInterval(poller);
client.close();
