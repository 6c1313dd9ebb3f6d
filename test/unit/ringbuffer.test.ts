import assert from 'node:assert/strict';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';

import { RingBuffer } from 'jack-client';

// The same operations on Python's jack.RingBuffer (libjack's jack_ringbuffer_t) and on ours.
const SCRIPT = [
  ['new', 10], ['size'], ['writeSpace'], ['readSpace'], ['write', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ['readSpace'], ['writeSpace'], ['read', 5], ['write', [21, 22, 23, 24, 25, 26, 27, 28]], ['readSpace'],
  ['readBuffers'], ['writeBuffers'], ['peek', 10], ['readAdvance', 3], ['read', 100], ['write', [31, 32, 33]],
  ['read', 2], ['writeSpace'], ['reset'], ['readSpace'], ['writeSpace'], ['reset', 8], ['size'], ['writeSpace'],
] as const;

function runPython(): unknown[] {
  const python = `
import jack, json, sys
results = []
rb = None
for op in json.loads(sys.argv[1]):
    name, args = op[0], op[1:]
    if name == 'new': rb = jack.RingBuffer(args[0]); results.append(None)
    elif name == 'size': results.append(rb.size)
    elif name == 'writeSpace': results.append(rb.write_space)
    elif name == 'readSpace': results.append(rb.read_space)
    elif name == 'write': results.append(rb.write(bytes(args[0])))
    elif name == 'read': results.append(list(bytes(rb.read(args[0]))))
    elif name == 'peek': results.append(list(bytes(rb.peek(args[0]))))
    elif name == 'readAdvance': rb.read_advance(args[0]); results.append(None)
    elif name == 'readBuffers': results.append([len(b) for b in rb.read_buffers])
    elif name == 'writeBuffers': results.append([len(b) for b in rb.write_buffers])
    elif name == 'reset': rb.reset(*args); results.append(None)
print(json.dumps(results))
`;
  const result = spawnSync('/usr/bin/python3', ['-c', python, JSON.stringify(SCRIPT)], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as unknown[];
}

function runOurs(): unknown[] {
  let ring = new RingBuffer(1);
  return SCRIPT.map((op): unknown => {
    const [name, argument] = op as unknown as [string, number | number[] | undefined];
    switch (name) {
      case 'new': ring = new RingBuffer(argument as number); return null;
      case 'size': return ring.size;
      case 'writeSpace': return ring.writeSpace;
      case 'readSpace': return ring.readSpace;
      case 'write': return ring.write(argument as number[]);
      case 'read': return [...ring.read(argument as number)];
      case 'peek': return [...ring.peek(argument as number)];
      case 'readAdvance': ring.readAdvance(argument as number); return null;
      case 'readBuffers': return ring.readBuffers.map((view) => view.length);
      case 'writeBuffers': return ring.writeBuffers.map((view) => view.length);
      case 'reset': ring.reset(argument as number | undefined); return null;
      default: throw new Error(`unknown op ${name}`);
    }
  });
}

describe('RingBuffer', () => {
  it('gives the same results as libjack\'s ring buffer through the Python module, op by op', () => {
    assert.deepEqual(runOurs(), runPython());
  });

  it('rejects bad sizes and data, and over-advancing, with RangeError/TypeError', () => {
    assert.throws(() => new RingBuffer(0), { name: 'RangeError', message: /^size must be an integer from 1 to/ });
    assert.throws(() => new RingBuffer(1.5), RangeError);
    const ring = new RingBuffer(8);
    assert.throws(() => ring.write('text' as unknown as number[]), { name: 'TypeError', message: /data must be bytes/ });
    assert.throws(() => ring.readAdvance(1), { name: 'RangeError', message: 'size 1 is more than readSpace 0' });
    assert.throws(() => ring.writeAdvance(8), { name: 'RangeError', message: 'size 8 is more than writeSpace 7' });
    assert.throws(() => ring.read(-1), RangeError);
    assert.throws(() => ring.reset(3), { name: 'RangeError', message: 'size must be a power of two from 1 to 8, got number 3' });
    assert.throws(() => RingBuffer.fromShared(new SharedArrayBuffer(5)), { name: 'RangeError' });
    assert.throws(() => RingBuffer.fromShared(new ArrayBuffer(256) as unknown as SharedArrayBuffer), { name: 'TypeError' });
    assert.equal(ring.write(new Float32Array([1])), 4, 'any TypedArray is written as its bytes');
  });

  it('mlock locks its memory', () => {
    new RingBuffer(4096).mlock();
  });

  it('carries 8 MB from a writer thread to a reader thread intact (checksums match)', async () => {
    const ring = new RingBuffer(1024);
    const total = 8 * 1024 * 1024;
    const worker = new Worker(new URL('../fixtures/ringbuffer-writer.js', import.meta.url), {
      workerData: { buffer: ring.buffer, total, seed: 12345 },
    });
    const done = once(worker, 'message');
    let received = 0;
    let checksum = 0;
    let state = 0;
    while (received < total) {
      const useViews = (state++ & 1) === 0;
      if (useViews) {
        const [first, second] = ring.readBuffers;
        for (const view of [first, second]) {
          for (let i = 0; i < view.length; i += 1) checksum = (Math.imul(checksum, 31) + (view[i] ?? 0)) >>> 0;
        }
        ring.readAdvance(first.length + second.length);
        received += first.length + second.length;
      } else {
        const bytes = ring.read(700);
        for (let i = 0; i < bytes.length; i += 1) checksum = (Math.imul(checksum, 31) + (bytes[i] ?? 0)) >>> 0;
        received += bytes.length;
      }
      if (ring.readSpace === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const [report] = await done as [{ checksum: number; written: number }];
    await worker.terminate();
    assert.equal(report.written, total);
    assert.equal(received, total);
    assert.equal(checksum, report.checksum);
  });
});
