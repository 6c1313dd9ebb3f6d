// A MIDI-controlled sine synthesizer (like the Python module's midi_sine.py, but allocation-free):
// play notes into MIDI-Sine:midi_in, hear them on the playback ports.
// Usage: node midi-sine.js [--seconds N]
import { Client } from 'jack-client';

import { runUntilStopped } from './run-until.js';

const client = new Client('MIDI-Sine');
client.midiInports.register('midi_in');
const output = client.outports.register('audio_out');
const processor = client.setProcessCallback(new URL('./midi-sine.processor.js', import.meta.url));
await processor.ready;
client.activate();
for (const playback of client.getPorts({ isPhysical: true, isInput: true, isAudio: true })) output.connect(playback);
console.log('Play notes into MIDI-Sine:midi_in; Ctrl+C stops');
await runUntilStopped();
client.close();
