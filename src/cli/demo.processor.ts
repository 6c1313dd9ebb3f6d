// The demo's processor: a metronome with a little arpeggio, plus a sine voice for notes arriving on
// the MIDI input. Runs in the client's audio worker; allocates nothing per cycle.
import { defineProcessor } from '../processor/index.js';

const ARPEGGIO = [57, 60, 64, 69];  // A minor, MIDI note numbers

function frequency(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

export default defineProcessor<{ bpm: number; peak: number }>(({ client, ports, params }) => {
  const rate = client.samplerate;
  let beatPhase = 1;  // 0..1 within a beat; starts a beat at once
  let beat = -1;
  let tonePhase = 0;
  let toneFrequency = frequency(ARPEGGIO[0]!);
  let toneLevel = 0;
  let clickLevel = 0;
  let midiNote = -1;
  let midiPhase = 0;
  let midiLevel = 0;
  return (frames) => {
    for (const [, data] of ports.midiInports[0]?.incomingMidiEvents() ?? []) {
      const status = data[0]! & 0xf0;
      if (status === 0x90 && data[2]! > 0) midiNote = data[1]!;
      else if ((status === 0x80 || status === 0x90) && data[1] === midiNote) midiNote = -1;
    }
    const left = ports.outports[0]?.getArray();
    const right = ports.outports[1]?.getArray();
    const beatStep = params.bpm / 60 / rate;
    const midiStep = midiNote >= 0 ? frequency(midiNote) / rate : 0;
    let peak = 0;
    for (let i = 0; i < frames; i++) {
      beatPhase += beatStep;
      if (beatPhase >= 1) {
        beatPhase -= 1;
        beat = (beat + 1) % ARPEGGIO.length;
        toneFrequency = frequency(ARPEGGIO[beat]!);
        toneLevel = 0.25;
        clickLevel = beat === 0 ? 0.5 : 0.3;
      }
      tonePhase = (tonePhase + toneFrequency / rate) % 1;
      const tone = Math.sin(2 * Math.PI * tonePhase) * toneLevel;
      const click = (i & 8 ? clickLevel : -clickLevel);
      midiPhase = (midiPhase + midiStep) % 1;
      midiLevel += ((midiNote >= 0 ? 0.3 : 0) - midiLevel) * 0.002;
      const voice = Math.sin(2 * Math.PI * midiPhase) * midiLevel;
      toneLevel *= 0.99985;
      clickLevel *= 0.995;
      const sample = tone + click + voice;
      if (left) left[i] = sample;
      if (right) right[i] = sample;
      if (Math.abs(sample) > peak) peak = Math.abs(sample);
    }
    if (peak > params.peak) params.peak = peak;
  };
});
