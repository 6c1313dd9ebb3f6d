// A small polyphonic synthesizer: one sine voice per MIDI pitch with an attack-sustain-release
// envelope, sample-accurate note timing, no allocation per cycle.
import { defineProcessor } from 'jack-client/processor';

const NOTE_ON = 0x9;
const NOTE_OFF = 0x8;
const ATTACK_SECONDS = 0.01;
const RELEASE_SECONDS = 0.2;

export default defineProcessor(({ client, ports }) => {
  const rate = client.samplerate;
  const phase = new Float64Array(128);
  const step = Float64Array.from({ length: 128 }, (_, pitch) => 440 * 2 ** ((pitch - 69) / 12) / rate);
  const level = new Float64Array(128);
  const target = new Float64Array(128);
  const velocity = new Float64Array(128);
  const attackStep = 1 / (ATTACK_SECONDS * rate);
  const releaseStep = 1 / (RELEASE_SECONDS * rate);

  function render(output: Float32Array, from: number, to: number): void {
    for (let pitch = 0; pitch < 128; pitch++) {
      if (level[pitch] === 0 && target[pitch] === 0) continue;
      for (let i = from; i < to; i++) {
        if (level[pitch]! < target[pitch]!) level[pitch] = Math.min(target[pitch]!, level[pitch]! + attackStep);
        else if (level[pitch]! > target[pitch]!) level[pitch] = Math.max(target[pitch]!, level[pitch]! - releaseStep);
        phase[pitch] = (phase[pitch]! + step[pitch]!) % 1;
        output[i]! += Math.sin(2 * Math.PI * phase[pitch]!) * level[pitch]! * velocity[pitch]! * 0.2;
      }
    }
  }

  return (frames) => {
    const output = ports.outports[0]!.getArray();
    output.fill(0);
    let rendered = 0;
    for (const [time, data] of ports.midiInports[0]!.incomingMidiEvents()) {
      if (data.length !== 3) continue;
      render(output, rendered, time);
      rendered = time;
      const status = data[0]! >> 4;
      const pitch = data[1]!;
      const strength = data[2]!;
      if (status === NOTE_ON && strength > 0) {
        target[pitch] = 1;
        velocity[pitch] = strength / 127;
      } else if (status === NOTE_OFF || status === NOTE_ON) {
        target[pitch] = 0;
      }
    }
    render(output, rendered, frames);
  };
});
