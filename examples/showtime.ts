// Prints the transport state and position several times a second (like JACK's showtime.c and the
// Python module's showtime.py). Usage: node showtime.js [--seconds N]
import * as jack from 'jack-client';

import { runUntilStopped } from './run-until.js';

const client = new jack.Client('showtime');
client.setShutdownCallback(() => {
  console.error('JACK shut down, exiting ...');
  process.exit(1);
});

function showtime(): void {
  const [state, position] = client.transportQuery();
  const items = [`frame = ${position.frame}  frame_time = ${client.frameTime} usecs = ${position.usecs} `, `state: ${state}`];
  if (position.bar !== undefined) {
    items.push(`BBT: ${String(position.bar).padStart(3)}|${position.beat}|${String(position.tick).padStart(4, '0')}`);
  }
  if (position.frameTime !== undefined) items.push(`TC: (${position.frameTime.toFixed(6)}, ${position.nextTime!.toFixed(6)})`);
  if (position.bbtOffset !== undefined) items.push(`BBT offset: (${position.bbtOffset})`);
  if (position.audioFramesPerVideoFrame !== undefined) items.push(`audio/video: (${position.audioFramesPerVideoFrame})`);
  if (position.videoOffset !== undefined) items.push(position.videoOffset ? ` video@: (${position.videoOffset})` : ' no video');
  console.log(items.join('\t'));
}

client.activate();
const timer = setInterval(showtime, 100);
await runUntilStopped();
clearInterval(timer);
console.error('signal received, exiting ...');
client.close();
