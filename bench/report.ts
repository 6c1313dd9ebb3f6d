// Writes the benchmark's figures to docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { cpus, release } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { ProbeFigures } from './probe.js';

export interface Row {
  period: number;
  label: string;
  figures: ProbeFigures;
  /** CPU time of the client's whole process per cycle, microseconds; null for the probe alone. */
  cpuUsPerCycle: number | null;
}

/** A run of the TypeScript client with non-default options, and its processor's counters. */
export interface OptionRow extends Row {
  late: number;
  skipped: number;
}

export interface RunDescription {
  seconds: Record<number, number>;
  samplerate: number;
  realtime: boolean;
  jackVersion: string;
  pythonModuleVersion: string;
}

const RESULTS = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

function machine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return `${model}, ${cpus().length} cores, Linux ${release()}, Node.js ${process.version}`;
}

export function packageVersion(name: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' });
  } catch {
    return 'unknown';
  }
}

function ratio(value: number, base: number | undefined): string {
  return base ? `${(value / base).toFixed(2)}x` : '';
}

export function writeReport(rows: Row[], optionRows: OptionRow[], run: RunDescription): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand.',
    '',
    'A 2-channel thru client written three ways runs between the two halves of a C probe',
    '(bench/probe.c) in one JACK server run: the probe\'s source client feeds the client under test,',
    'its sink client reads what the client passes on. **Time per cycle** is the time from the end of',
    'the source\'s process callback to the start of the sink\'s: the time the client under test held',
    'the cycle (JACK waking it, its work, JACK waking the next client). "Probe alone" is the source',
    'connected straight to the sink, the instrument\'s own cost. **CPU per cycle** is the client',
    'process\'s CPU time (all threads, from /proc) divided by the cycles of the run. **DSP load** is',
    'JACK\'s own figure. **Latency** is how many frames later the signal reaches the sink than it left',
    'the source (0: passed on in the same cycle).',
    '',
    'Reading the figures: jack-client hands each cycle from JACK\'s thread to its audio worker. By',
    'default (`spin`) the worker wakes shortly before the cycle is due and spins for it, and JACK\'s',
    'thread spins for the answer, so the hand-over costs microseconds instead of two thread',
    'wake-ups; on a virtual machine a wake-up costs tens of microseconds, which is also why a',
    'spinning client can beat the C client here (the CPUs stay awake). The price is CPU time per',
    'cycle: the spinning is in the figures. `spin: false` trades it back (see the options below).',
    '',
    `Machine: ${machine()}.`,
    `JACK: jackd2 ${run.jackVersion}, dummy driver, ${run.samplerate} Hz, ${run.realtime ? 'realtime (-R)' : 'not realtime'}.`,
    `Python module: python3-jack-client ${run.pythonModuleVersion}.`,
    `Run length per row: ${Object.entries(run.seconds).map(([period, seconds]) => `${seconds} s at ${period} frames`).join(', ')}.`,
    `Date: ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| frames | client | time per cycle, median | p99 | vs C (median) | CPU per cycle | DSP load avg / max | xruns | latency |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const c = rows.find((other) => other.period === row.period && other.label.startsWith('C '));
    const f = row.figures;
    lines.push(`| ${row.period} | ${row.label} | ${f.medianUs.toFixed(1)} µs | ${f.p99Us.toFixed(1)} µs | ` +
      `${row.label.startsWith('Probe') ? '' : ratio(f.medianUs, c?.figures.medianUs)} | ` +
      `${row.cpuUsPerCycle === null ? '' : `${row.cpuUsPerCycle.toFixed(1)} µs`} | ` +
      `${f.dspLoadAvg.toFixed(1)} % / ${f.dspLoadMax.toFixed(1)} % | ${f.xruns} | ` +
      `${f.latencyFrames}${f.latencyMismatches ? ` (${f.latencyMismatches} changes)` : ''} |`);
  }
  lines.push('', '## Processor options', '',
    'The same TypeScript thru client with options other than the defaults (spin on, pin off,',
    `deadline ${'0.5'} of the period), each run for a third of the 256-frame run length. Late and`,
    'skipped cycles are the processor\'s own counters.', '',
    '| frames | options | time per cycle, median | p99 | CPU per cycle | xruns | late | skipped |',
    '|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const row of optionRows) {
    const f = row.figures;
    lines.push(`| ${row.period} | ${row.label.replace('jack-client ', '`')}\` | ${f.medianUs.toFixed(1)} µs | ` +
      `${f.p99Us.toFixed(1)} µs | ${row.cpuUsPerCycle?.toFixed(1)} µs | ${f.xruns} | ${row.late} | ${row.skipped} |`);
  }
  lines.push('');
  const text = lines.join('\n');
  writeFileSync(RESULTS, text);
  return text;
}
