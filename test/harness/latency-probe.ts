// Runs test/fixtures/python_latency_probe.py: a Python JACK source and sink that measure, sample by
// sample, how many frames late the source's signal reaches the sink through whatever the test
// connects between them, beside a reference path through JACK's C `jack_thru` (on PipeWire a direct
// link: there jack_thru does not pass sample values bit-exact, measured off by up to a frame's value).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import type { Client } from 'jack-client';

import { onPipeWire } from './jack-server.js';
import { PYTHON, type PeerTarget } from './peers.js';

const SCRIPT = fileURLToPath(new URL('../../../test/fixtures/python_latency_probe.py', import.meta.url));

export interface LatencyProbe {
  /** `<prefix>_source:out` */
  readonly source: string;
  /** `<prefix>_sink:in` */
  readonly sink: string;
  /** Connects the reference path: source -> `<prefix>_ref` (jack_thru) -> `<prefix>_sink:ref` (direct on PipeWire). */
  wireReference(client: Client): Promise<void>;
  /**
   * Starts measuring; resolves after `seconds`, or later until 100 blocks arrived `expectedLatency`
   * frames late (at most a minute), with what the sink saw.
   */
  measure(expectedLatency: number): Promise<ProbeResult>;
  /** Ends the Python process (idempotent). */
  stop(): void;
}

export interface ProbeResult {
  /** Samples seen per latency in frames (silent samples not included). */
  latencies: Map<number, number>;
  /** Samples that were silence (a late or skipped cycle somewhere on the path). */
  silent: number;
  /** Cycles in which the reference path was not on time: the source was late (not measured). */
  sourceMissed: number;
  /** Xruns the server reported during the measurement. */
  xruns: number;
}

export async function startLatencyProbe(prefix: string, seconds: number, target: PeerTarget): Promise<LatencyProbe> {
  const child = spawn(PYTHON, [SCRIPT, prefix, String(seconds)], { env: target.env, stdio: ['pipe', 'pipe', 'pipe'] });
  const reference = onPipeWire ? null : spawn('jack_thru', [`${prefix}_ref`], { env: target.env, stdio: 'ignore' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the Python latency probe ended early: ${stderr}`);
    return value as string;
  };
  const first = await nextLine();
  if (first !== 'ready') throw new Error(`the Python latency probe said ${first}: ${stderr}`);
  return {
    source: `${prefix}_source:out`,
    sink: `${prefix}_sink:in`,
    async wireReference(client) {
      if (onPipeWire) {
        client.connect(`${prefix}_source:out`, `${prefix}_sink:ref`);
        return;
      }
      // jack_thru registers its ports a moment before it activates: retry until connections take.
      const until = Date.now() + 10000;
      for (;;) {
        try {
          client.connect(`${prefix}_source:out`, `${prefix}_ref:input_1`);
          client.connect(`${prefix}_ref:output_1`, `${prefix}_sink:ref`);
          return;
        } catch (error) {
          if (Date.now() > until) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    async measure(expectedLatency) {
      child.stdin.write(`go ${expectedLatency}\n`);
      const { silent = 0, sourceMissed = 0, xruns = 0, ...counts } = JSON.parse(await nextLine()) as Record<string, number>;
      return { silent, sourceMissed, xruns, latencies: new Map(Object.entries(counts).map(([latency, count]) => [Number(latency), count])) };
    },
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      if (reference !== null && reference.exitCode === null) reference.kill('SIGTERM');
    },
  };
}
