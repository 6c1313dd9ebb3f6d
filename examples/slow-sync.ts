// Shows how a slow-sync client makes the transport wait while it "seeks" (like the Python
// module's slow_sync.py). The sync function runs in the audio worker; it keeps its state in shared
// params and reports to the main thread, which prints.
import { setTimeout as sleep } from 'node:timers/promises';

import * as jack from 'jack-client';

const SEEK_SECONDS = 0.1;
const slow = new jack.Client('Slow');
const processor = slow.setProcessCallback(() => {}, { params: { position: 0, readyAt: -1, seekMs: SEEK_SECONDS * 1000 } });
processor.on('message', (text) => console.log(text));
await processor.ready;

slow.setSyncCallback((state, position, context) => {
  const params = context.params as Record<string, number>;
  const now = performance.now();
  const names: Record<number, string> = { 0: 'STOPPED', 1: 'ROLLING', 3: 'STARTING' };
  const say = (what: string) => context.postMessage(`jack.${names[state] ?? state} ${position.frame} ${what}`);
  if (params.position === position.frame && params.readyAt! < 0) {
    say('ready');
    return true;
  }
  if (params.readyAt! < 0) params.readyAt = now + params.seekMs!;
  if (params.readyAt! < now) {
    say(state === 1 ? 'just caught up' : 'just got ready');
    params.position = position.frame;
    params.readyAt = -1;
    return true;
  }
  const left = ((params.readyAt! - now) / 1000).toFixed(2);
  say(state === 1 ? `will catch up in ${left} seconds` : `will be ready in ${left} seconds`);
  return false;
});

slow.transportStop();
slow.transportFrame = 0;
console.log('== setting custom sync timeout');
slow.setSyncTimeout(Math.trunc(0.5 * SEEK_SECONDS * 1e6));
slow.activate();
await sleep(100);
console.log('== starting transport');
slow.transportStart();
await sleep(100);
console.log('== stopping transport');
slow.transportStop();
/** Locates to frame 123 while stopped, starts half a seek time later, lets it run for one. */
async function seekThenStart(): Promise<void> {
  console.log('== seeking to 123');
  slow.transportFrame = 123;
  await sleep(SEEK_SECONDS * 500);
  console.log('== starting transport');
  slow.transportStart();
  await sleep(SEEK_SECONDS * 1000);
  console.log('== stopping transport');
  slow.transportStop();
}

await seekThenStart();  // the short timeout expires: the transport rolls on while the client seeks
console.log('== setting default sync timeout');
slow.setSyncTimeout(2_000_000);
await seekThenStart();  // the transport waits until the client is ready
await sleep(50);
slow.close();
