// Passes every incoming MIDI event to the main thread through a RingBuffer, as
// [uint32 time][uint32 size][bytes]; never blocks, never allocates. When cycles went by without it
// (late or skipped: their events are lost), it first writes [uint32 missed frames][MISSED_CYCLES].
import { defineProcessor, RingBuffer } from 'jack-client/processor';

/** The size word of a record that says cycles were missed. */
export const MISSED_CYCLES = 0xffffffff;

export default defineProcessor(({ client, ports, options }) => {
  const ring = RingBuffer.fromShared(options as SharedArrayBuffer);
  const header = new Uint32Array(2);
  const headerBytes = new Uint8Array(header.buffer);
  let expectedStart = -1;
  return (frames) => {
    const start = client.lastFrameTime;
    if (expectedStart !== -1 && start !== expectedStart && ring.writeSpace >= headerBytes.length) {
      header[0] = (start - expectedStart) >>> 0;
      header[1] = MISSED_CYCLES;
      ring.write(headerBytes);
    }
    expectedStart = (start + frames) >>> 0;
    for (const [time, data] of ports.midiInports[0]!.incomingMidiEvents()) {
      if (ring.writeSpace < headerBytes.length + data.length) break;  // the main thread is behind: drop
      header[0] = time;
      header[1] = data.length;
      ring.write(headerBytes);
      ring.write(data);
    }
  };
});
