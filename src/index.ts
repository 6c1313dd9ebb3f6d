/**
 * jack-client: JACK Audio Connection Kit clients for Node.js.
 *
 * ```ts
 * import * as jack from 'jack-client';
 * const client = new jack.Client('MyGreatClient', { noStartServer: true });
 * ```
 */
export { Client } from './client.js';
export type { ClientEvents, ClientOptions, CycleTimes, NotificationCallback, PortFilters, ShutdownCallback } from './client.js';
export type { LatencyMode, NotificationEvents } from './notifications.js';
export type { LatencyRange } from './port.js';
export {
  POSITION_AUDIO_VIDEO_RATIO,
  POSITION_BBT,
  POSITION_BBT_FRAME_OFFSET,
  POSITION_MASK,
  POSITION_TICK_DOUBLE,
  POSITION_TIMECODE,
  POSITION_VIDEO_FRAME_OFFSET,
  TransportState,
  position2dict,
} from './transport-position.js';
export type { PositionDict, TransportPosition } from './transport-position.js';
export { getAllProperties, getProperties, getProperty } from './metadata.js';
export type { Property, PropertySubject } from './metadata.js';
export type { SyncFunction, TimebaseFunction } from './processor/transport-handlers.js';
export { MidiPort, OwnMidiPort, OwnPort, Port, UnknownPort } from './port.js';
export { Ports } from './ports.js';
export type { RegisterOptions } from './ports.js';
export { RingBuffer } from './ringbuffer.js';
export { Status } from './status.js';
export type { StatusFlag } from './status.js';
export { CallbackExit, JackError, JackErrorCode, JackOpenError } from './errors.js';
export {
  clientNameSize,
  clientPid,
  getTime,
  portNameSize,
  setErrorFunction,
  setInfoFunction,
  version,
  versionString,
} from './module-functions.js';
export { LIBJACK_PATH_VARIABLE, supports } from './library.js';
export { implementation } from './implementation.js';
export type { JackImplementation } from './implementation.js';
export {
  AUDIO_PORT_TYPE,
  METADATA_CONNECTED,
  METADATA_EVENT_TYPES,
  METADATA_HARDWARE,
  METADATA_ICON_LARGE,
  METADATA_ICON_NAME,
  METADATA_ICON_SMALL,
  METADATA_ORDER,
  METADATA_PORT_GROUP,
  METADATA_PRETTY_NAME,
  METADATA_SIGNAL_TYPE,
  MIDI_PORT_TYPE,
  NETSTARTING,
  PROPERTY_CHANGED,
  PROPERTY_CREATED,
  PROPERTY_DELETED,
  ROLLING,
  STARTING,
  STOPPED,
} from './constants.js';
export { Processor, DEFAULT_DEADLINE } from './processor-host.js';
export type { ProcessCallbackOptions, ProcessorCounters, ProcessorEvents, ProcessorStatus } from './processor-host.js';
export type { ProcessCallback } from './client.js';
export { defineProcessor } from './processor/define.js';
export type { ProcessorContext, ProcessorClient, ProcessFunction, ProcessorDefinition } from './processor/define.js';
export type { ProcessorPorts } from './processor/port-views.js';
