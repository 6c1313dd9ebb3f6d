/** The type string of JACK audio ports. */
export const AUDIO_PORT_TYPE = '32 bit float mono audio';
/** The type string of JACK MIDI ports. */
export const MIDI_PORT_TYPE = '8 bit raw midi';

/** `JackPortFlags` bits. */
export const PortFlag = {
  isInput: 0x1,
  isOutput: 0x2,
  isPhysical: 0x4,
  canMonitor: 0x8,
  isTerminal: 0x10,
} as const;

/** `jack_options_t` bits the client constructor sets. */
export const OpenOption = {
  noStartServer: 0x01,
  useExactName: 0x02,
} as const;

/** Transport halted. */
export const STOPPED = 0;
/** Transport playing. */
export const ROLLING = 1;
/** Waiting for sync ready. */
export const STARTING = 3;
/** Waiting for sync ready on the network. */
export const NETSTARTING = 4;

/** A property was created. */
export const PROPERTY_CREATED = 0;
/** A property was changed. */
export const PROPERTY_CHANGED = 1;
/** A property was deleted. */
export const PROPERTY_DELETED = 2;

/** Well-known metadata keys (JACK's `metadata.h`). */
export const METADATA_CONNECTED = 'http://jackaudio.org/metadata/connected';
export const METADATA_EVENT_TYPES = 'http://jackaudio.org/metadata/event-types';
export const METADATA_HARDWARE = 'http://jackaudio.org/metadata/hardware';
export const METADATA_ICON_LARGE = 'http://jackaudio.org/metadata/icon-large';
export const METADATA_ICON_NAME = 'http://jackaudio.org/metadata/icon-name';
export const METADATA_ICON_SMALL = 'http://jackaudio.org/metadata/icon-small';
export const METADATA_ORDER = 'http://jackaudio.org/metadata/order';
export const METADATA_PORT_GROUP = 'http://jackaudio.org/metadata/port-group';
export const METADATA_PRETTY_NAME = 'http://jackaudio.org/metadata/pretty-name';
export const METADATA_SIGNAL_TYPE = 'http://jackaudio.org/metadata/signal-type';
