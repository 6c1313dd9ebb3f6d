// A JACK timebase master: gives the transport bar, beat and tick (like the Python module's
// timebase_master.py). Usage: node timebase-master.js [TEMPO] [-m 4/4] [-t TICKS] [-n NAME] [-c]
// [--seconds N]; -c exits when another timebase master is active.
import * as jack from 'jack-client';

import { runUntilStopped } from './run-until.js';

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] ?? fallback : fallback;
}

const meter = option('-m', '4/4');
const [beatsPerBar, beatType] = meter.split('/').map(Number);
if (!beatsPerBar || !beatType) {
  console.error(`Invalid meter: ${meter}`);
  process.exit(2);
}
const tempoArgument = process.argv.slice(2).find((arg, index, args) => /^\d/.test(arg) && !['-m', '-t', '-n', '--seconds'].includes(args[index - 1] ?? ''));
const client = new jack.Client(option('-n', 'timebase'));
client.setShutdownCallback((status, reason) => {
  console.log(`JACK shutdown: ${reason} ${status}`);
  process.exit(1);
});

// The timebase function runs in the audio worker; the meter and tempo reach it as shared params.
const processor = client.setProcessCallback(() => {}, {
  params: { bpm: Number(tempoArgument ?? 120), beatsPerBar, beatType, ticksPerBeat: Number(option('-t', '1920')) },
});
await processor.ready;
client.activate();

const master = client.setTimebaseCallback((_state, blocksize, position, newPosition, context) => {
  const params = context.params as Record<string, number>;
  if (newPosition || (position.valid & 0x10) === 0) {
    position.beatsPerBar = params.beatsPerBar!;
    position.beatsPerMinute = params.bpm!;
    position.beatType = params.beatType!;
    position.ticksPerBeat = params.ticksPerBeat!;
    position.valid = 0x10; // POSITION_BBT (the function cannot use imports: it is copied to the worker)
    const minutes = position.frame / (position.frameRate * 60);
    const absoluteTick = minutes * params.bpm! * params.ticksPerBeat!;
    const absoluteBeat = absoluteTick / params.ticksPerBeat!;
    position.bar = Math.trunc(absoluteBeat / params.beatsPerBar!);
    position.beat = Math.trunc(absoluteBeat - position.bar * params.beatsPerBar!) + 1;
    position.tick = Math.trunc(absoluteTick - Math.trunc(absoluteBeat) * params.ticksPerBeat!);
    position.barStartTick = position.bar * params.beatsPerBar! * params.ticksPerBeat!;
    position.bar += 1; // bars count from 1
    return;
  }
  position.tick += Math.trunc((blocksize * position.ticksPerBeat * position.beatsPerMinute) / (position.frameRate * 60));
  while (position.tick >= position.ticksPerBeat) {
    position.tick -= Math.trunc(position.ticksPerBeat);
    position.beat += 1;
    if (position.beat > position.beatsPerBar) {
      position.beat = 1;
      position.bar += 1;
      position.barStartTick += position.beatsPerBar * position.ticksPerBeat;
    }
  }
}, process.argv.includes('-c'));

if (!master) {
  console.log('Another JACK timebase master is active: exiting.');
  client.close();
  process.exit(1);
}
console.log('Press Ctrl+C to stop');
await runUntilStopped();
try {
  client.releaseTimebase();
} catch (error) {
  console.log(`not releasing the timebase: ${(error as Error).message}`);  // another client took it over
}
client.close();
