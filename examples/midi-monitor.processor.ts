// Passes every incoming MIDI event to the main thread through a RingBuffer, as
// [uint32 time][uint32 size][bytes]; never blocks, never allocates.
import { defineProcessor, RingBuffer } from 'jack-client/processor';

export default defineProcessor(({ ports, options }) => {
  const ring = RingBuffer.fromShared(options as SharedArrayBuffer);
  const header = new Uint32Array(2);
  const headerBytes = new Uint8Array(header.buffer);
  return () => {
    for (const [time, data] of ports.midiInports[0]!.incomingMidiEvents()) {
      if (ring.writeSpace < headerBytes.length + data.length) break;  // the main thread is behind: drop
      header[0] = time;
      header[1] = data.length;
      ring.write(headerBytes);
      ring.write(data);
    }
  };
});
