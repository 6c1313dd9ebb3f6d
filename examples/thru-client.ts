// A client that copies its two audio inputs to its two outputs, connected to the sound card's
// capture and playback ports (like the Python module's thru_client.py; mind the feedback with a
// microphone and loudspeakers). Usage: node thru-client.js [NAME] [--seconds N]
import { Client } from 'jack-client';

import { runUntilStopped } from './run-until.js';

const name = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'thru_client';
const client = new Client(name);
if (client.status.serverStarted) console.log('JACK server started');
if (client.status.nameNotUnique) console.log(`unique name ${JSON.stringify(client.name)} assigned`);
client.on('shutdown', (status, reason) => {
  console.log(`JACK shutdown: ${reason} (${status})`);
  process.exit(1);
});
for (const number of [1, 2]) {
  client.inports.register(`input_${number}`);
  client.outports.register(`output_${number}`);
}
const processor = client.setProcessCallback(new URL('./thru.processor.js', import.meta.url));
await processor.ready;
client.activate();
const capture = client.getPorts({ isPhysical: true, isOutput: true, isAudio: true });
const playback = client.getPorts({ isPhysical: true, isInput: true, isAudio: true });
if (capture.length === 0) throw new Error('No physical capture ports');
if (playback.length === 0) throw new Error('No physical playback ports');
[...client.inports].forEach((port, index) => capture[index] && client.connect(capture[index]!, port));
[...client.outports].forEach((port, index) => playback[index] && client.connect(port, playback[index]!));
console.log('Press Ctrl+C to stop');
await runUntilStopped();
const { cycles, late, skipped } = processor.counters;
console.log(`${cycles} cycles, ${late} late, ${skipped} skipped`);
client.close();
