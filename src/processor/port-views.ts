import { AudioPortView } from './audio-port-view.js';
import type { DataLayout } from './layout.js';
import { MidiInView, MidiOutView } from './midi-port-views.js';

/**
 * The client's own ports as the processor sees them: the same four lists as on the client, in the
 * same order. Rebuilt when ports are registered or unregistered (never in steady state).
 */
export interface ProcessorPorts {
  readonly inports: readonly AudioPortView[];
  readonly outports: readonly AudioPortView[];
  readonly midiInports: readonly MidiInView[];
  readonly midiOutports: readonly MidiOutView[];
}

/**
 * @internal The one ProcessorPorts object of a processor. A new data layout (ports registered or
 * unregistered) refills its four arrays in place, so a processor may keep `ports` from its setup.
 */
export class PortViews implements ProcessorPorts {
  generation = -1;
  readonly inports: AudioPortView[] = [];
  readonly outports: AudioPortView[] = [];
  readonly midiInports: MidiInView[] = [];
  readonly midiOutports: MidiOutView[] = [];
  #frames: number;

  constructor(frames: number) {
    this.#frames = frames;
  }

  get frames(): number {
    return this.#frames;
  }

  adopt(layout: DataLayout): void {
    const { data, ports, midiCapacity } = layout;
    const frames = this.#frames;
    this.generation = layout.generation;
    refill(this.inports, ports.inports.map((port) => new AudioPortView(port, data, frames)));
    refill(this.outports, ports.outports.map((port) => new AudioPortView(port, data, frames)));
    refill(this.midiInports, ports.midiInports.map((port) => new MidiInView(port, data, midiCapacity)));
    refill(this.midiOutports, ports.midiOutports.map((port) => new MidiOutView(port, data, midiCapacity, frames)));
  }

  resize(frames: number): void {
    this.#frames = frames;
    for (const port of this.inports) port.resize(frames);
    for (const port of this.outports) port.resize(frames);
    for (const port of this.midiOutports) port.resize(frames);
  }

  beginCycle(): void {
    const outs = this.midiOutports;
    for (let i = 0; i < outs.length; i++) outs[i]!.clearBuffer();
  }
}

function refill<T>(target: T[], items: T[]): void {
  target.length = 0;
  target.push(...items);
}
