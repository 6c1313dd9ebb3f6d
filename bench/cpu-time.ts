// CPU time of a whole process (all its threads), in nanoseconds, from /proc/PID/task/*/schedstat.
import { readdirSync, readFileSync } from 'node:fs';

export function processCpuNanoseconds(pid: number): number {
  let total = 0;
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const task of tasks) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return total;
}
