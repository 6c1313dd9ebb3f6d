// jack-client/processor: what a processor module running in the audio worker imports.
export { defineProcessor } from './define.js';
export type {
  ProcessFunction,
  ProcessorClient,
  ProcessorContext,
  ProcessorDefinition,
  ProcessorSetup,
} from './define.js';
export type { Params } from './params.js';
export type { ProcessorPorts } from './port-views.js';
export type { AudioPortView } from './audio-port-view.js';
export type { MidiEvent, MidiInView, MidiOutView } from './midi-port-views.js';
export { CallbackExit, JackError } from '../errors.js';
export { RingBuffer } from '../ringbuffer.js';
