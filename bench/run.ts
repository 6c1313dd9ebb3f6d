// `npm run bench`: one JACK server run; at 64, 256 and 1024 frames, times a 2-channel thru client
// written in C (jack_thru), with this library, and with the Python module, then writes
// docs/benchmarks.md. Options: --seconds=N (every row), --no-realtime.
import { Client } from 'jack-client';

import { startPrivateServer } from '../src/cli/private-server.js';
import { processCpuNanoseconds } from './cpu-time.js';
import { buildProbe, runProbe } from './probe.js';
import { packageVersion, writeReport, type OptionRow, type Row } from './report.js';
import { SUBJECTS, stopSubject, typeScriptCounters, typeScriptSubject, type Subject } from './subjects.js';

const PERIODS = [64, 256, 1024];
const SAMPLERATE = 48000;
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const fixedSeconds = argument('seconds');
// 0 xruns at 256 frames is judged over 60 s; the other rows need less to settle their figures.
const seconds: Record<number, number> = Object.fromEntries(
  PERIODS.map((period) => [period, fixedSeconds ? Number(fixedSeconds) : period === 256 ? 60 : 20]),
);
const realtime = !process.argv.includes('--no-realtime') && process.getuid?.() === 0;

buildProbe();
const server = await startPrivateServer({ name: `jcbench-${process.pid}`, samplerate: SAMPLERATE, period: 256, realtime });
const env = { ...process.env, JACK_DEFAULT_SERVER: server.name, JACK_NO_START_SERVER: '1' };
process.env['JACK_DEFAULT_SERVER'] = server.name;
const control = new Client('bench_control', { noStartServer: true });
const rows: Row[] = [];
try {
  for (const period of PERIODS) {
    control.blocksize = period;
    while (control.blocksize !== period) await new Promise((resolve) => setTimeout(resolve, 50));
    const alone = await runProbe(env, 'probe', '-', '-', seconds[period]!);
    rows.push({ period, label: 'Probe alone', figures: alone, cpuUsPerCycle: null });
    log(rows.at(-1)!);
    for (const subject of SUBJECTS) {
      const { row, child } = await measure(subject, period, seconds[period]!);
      await stopSubject(child);
      rows.push(row);
      log(row);
    }
  }
  // The processor's options whose defaults the figures decide: spin, pin and the deadline.
  const optionRows: OptionRow[] = [];
  for (const [period, flags] of [
    [256, ['--no-spin']], [256, ['--pin']], [64, ['--deadline=0.25']], [64, ['--deadline=0.5']], [64, ['--deadline=0.9']],
  ] as const) {
    control.blocksize = period;
    while (control.blocksize !== period) await new Promise((resolve) => setTimeout(resolve, 50));
    const { row, child } = await measure(typeScriptSubject(`jack-client ${flags.join(' ')}`, [...flags]), period, seconds[256]! / 3);
    const counters = await typeScriptCounters(child);
    optionRows.push({ ...row, late: counters.late, skipped: counters.skipped });
    log(row);
  }
  const jackVersion = packageVersion('jackd2');
  console.log(writeReport(rows, optionRows, { seconds, samplerate: SAMPLERATE, realtime, jackVersion, pythonModuleVersion: packageVersion('python3-jack-client') }));
} finally {
  control.close();
  await server.stop();
}

async function measure(subject: Subject, period: number, runSeconds: number) {
  const child = await subject.start(env);
  const cpuBefore = processCpuNanoseconds(child.pid!);
  const startedAt = process.hrtime.bigint();
  const figures = await runProbe(env, 'probe', `${subject.name}:input_`, `${subject.name}:output_`, runSeconds);
  const elapsedSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const cpuNs = processCpuNanoseconds(child.pid!) - cpuBefore;
  const cycles = elapsedSeconds * SAMPLERATE / period;
  const row: Row = { period, label: subject.label, figures, cpuUsPerCycle: cpuNs / 1000 / cycles };
  return { row, child };
}

function log(row: Row): void {
  const f = row.figures;
  console.error(`${row.period} frames, ${row.label}: median ${f.medianUs} µs, p99 ${f.p99Us} µs, ` +
    `cpu ${row.cpuUsPerCycle?.toFixed(1) ?? '-'} µs/cycle, load ${f.dspLoadAvg}%, xruns ${f.xruns}, latency ${f.latencyFrames}`);
}
