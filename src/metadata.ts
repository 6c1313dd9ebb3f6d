// JACK metadata: properties (key, value, type) attached to subjects (the UUIDs of clients and
// ports). The getters are module functions, as in the Python module; setting and removing needs a
// client (Client.setProperty and friends call the helpers here).
import { describe, quote, requireString } from './arguments.js';
import { JackError } from './errors.js';
import { callNative, libjack, requireSupport } from './library.js';
import type { NativeClient, NativeProperty } from './native.js';
import { checkUuid } from './uuid.js';

/** A subject: a UUID (decimal string, bigint or safe integer), or a client or port (its `uuid`). */
export type PropertySubject = string | bigint | number | { readonly uuid: string };

/** A property's value and type, as JACK stores them. */
export interface Property {
  /** The value's bytes (a Buffer: `value.toString()` gives the text of a string value). */
  value: Buffer;
  /** A MIME type or URI; '' means a UTF-8 string ('text/plain'). */
  type: string;
}

export function subjectOf(subject: unknown): string {
  if (typeof subject === 'object' && subject !== null && 'uuid' in subject) {
    return checkUuid((subject as { uuid: unknown }).uuid, 'subject');
  }
  if (typeof subject !== 'string' && typeof subject !== 'bigint' && typeof subject !== 'number') {
    throw new TypeError(`subject must be a UUID, a Client or a Port, got ${describe(subject)}`);
  }
  const text = checkUuid(subject, 'subject');
  if (text === '0' || /^0+$/.test(text)) throw new RangeError('subject must not be the empty UUID 0');
  return text;
}

/** The bytes JACK stores for a value; JACK keeps values as C strings, so no NUL byte may be in it. */
export function valueBytes(value: unknown): Uint8Array {
  let bytes: Uint8Array;
  if (typeof value === 'string') bytes = Buffer.from(value, 'utf8');
  else if (value instanceof Uint8Array) bytes = value;
  else throw new TypeError(`value must be a string or a Uint8Array, got ${describe(value)}`);
  if (bytes.includes(0)) {
    throw new RangeError('value must not contain a NUL byte: JACK stores property values as C strings');
  }
  return bytes;
}

function toProperty(entry: { value: Uint8Array; type: string }): Property {
  return { value: Buffer.from(entry.value.buffer, entry.value.byteOffset, entry.value.byteLength), type: entry.type };
}

function toDict(properties: NativeProperty[]): Record<string, Property> {
  return Object.fromEntries(properties.map((property) => [property.key, toProperty(property)]));
}

/**
 * The property `key` of `subject`, or null when it has none. Needs an open client in this process
 * (libjack reads metadata through it).
 */
export function getProperty(subject: PropertySubject, key: string): Property | null {
  const checkedSubject = subjectOf(subject);
  requireString(key, 'key');
  requireSupport('jack_get_property', 'metadata');
  const found = callNative(() => libjack().getProperty(checkedSubject, key));
  return found === null ? null : toProperty(found);
}

/** All properties of `subject`, by key (empty when it has none). */
export function getProperties(subject: PropertySubject): Record<string, Property> {
  const checkedSubject = subjectOf(subject);
  requireSupport('jack_get_properties', 'metadata');
  return toDict(callNative(() => libjack().getProperties(checkedSubject)));
}

/** Every subject's properties: UUID -> key -> property. */
export function getAllProperties(): Record<string, Record<string, Property>> {
  requireSupport('jack_get_all_properties', 'metadata');
  const all = callNative(() => libjack().getAllProperties());
  return Object.fromEntries(all.map(({ subject, properties }) => [subject, toDict(properties)]));
}

/** Client.setProperty. */
export function setProperty(native: NativeClient, subject: unknown, key: unknown, value: unknown, type: unknown): void {
  const checkedSubject = subjectOf(subject);
  const checkedKey = requireString(key, 'key');
  if (checkedKey === '') throw new RangeError('key must not be empty');
  const bytes = valueBytes(value);
  const checkedType = requireString(type, 'type');
  requireSupport('jack_set_property', 'metadata');
  const code = callNative(() => native.setProperty(checkedSubject, checkedKey, bytes, checkedType));
  if (code !== 0) throw new JackError(`cannot set property ${quote(checkedKey)} on subject ${checkedSubject} (JACK returned ${code})`);
}

/** Client.removeProperty. */
export function removeProperty(native: NativeClient, subject: unknown, key: unknown): void {
  const checkedSubject = subjectOf(subject);
  const checkedKey = requireString(key, 'key');
  requireSupport('jack_remove_property', 'metadata');
  const code = callNative(() => native.removeProperty(checkedSubject, checkedKey));
  if (code !== 0) {
    throw new JackError(`cannot remove property ${quote(checkedKey)} of subject ${checkedSubject}: it has no such property`);
  }
}

/** Client.removeProperties: the number removed. */
export function removeProperties(native: NativeClient, subject: unknown): number {
  const checkedSubject = subjectOf(subject);
  requireSupport('jack_remove_properties', 'metadata');
  const count = callNative(() => native.removeProperties(checkedSubject));
  if (count < 0) throw new JackError(`cannot remove the properties of subject ${checkedSubject}`);
  return count;
}

/** Client.removeAllProperties. */
export function removeAllProperties(native: NativeClient): void {
  requireSupport('jack_remove_all_properties', 'metadata');
  const code = callNative(() => native.removeAllProperties());
  if (code !== 0) throw new JackError(`cannot remove all properties (JACK returned ${code})`);
}
