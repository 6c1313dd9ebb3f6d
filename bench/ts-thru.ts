// A 2-channel thru client written with this library, shaped like JACK's jack_thru: ports input_1,
// input_2, output_1, output_2, connected to the physical ports. Prints "ready" once it runs and
// closes on SIGTERM. Usage: node ts-thru.js NAME [--pin] [--no-spin] [--deadline=0.5]
import { Client } from 'jack-client';

const [name = 'ts_thru', ...flags] = process.argv.slice(2);
const client = new Client(name, { noStartServer: true });
for (const number of [1, 2]) {
  client.inports.register(`input_${number}`);
  client.outports.register(`output_${number}`);
}
const deadline = flags.find((flag) => flag.startsWith('--deadline='));
const processor = client.setProcessCallback(new URL('./thru.processor.js', import.meta.url), {
  pin: flags.includes('--pin'),
  ...(flags.includes('--no-spin') ? { spin: false } : {}),
  ...(deadline ? { deadline: Number(deadline.split('=')[1]) } : {}),
});
await processor.ready;
client.activate();
const capture = client.getPorts({ isPhysical: true, isOutput: true, isAudio: true });
const playback = client.getPorts({ isPhysical: true, isInput: true, isAudio: true });
[...client.inports].forEach((port, index) => capture[index] && client.connect(capture[index]!, port));
[...client.outports].forEach((port, index) => playback[index] && client.connect(port, playback[index]!));
process.stdout.write('ready\n');
const keepAlive = setInterval(() => undefined, 1000);
process.once('SIGTERM', () => {
  const { late, skipped, longestCallbackMicros } = processor.counters;
  process.stderr.write(`${JSON.stringify({ late, skipped, longestCallbackMicros })}\n`);
  clearInterval(keepAlive);
  client.close();
});
