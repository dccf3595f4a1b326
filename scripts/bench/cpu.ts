/**
 * How busy the machine was with other work during a measurement (Linux `/proc`): all CPU time
 * spent, minus this process (autocannon), the server under test and, for PostgreSQL, the backends
 * serving its database. Figures taken while other processes compete are low; the bench prints
 * this share next to them so that a noisy run shows as such.
 */

import fs from 'node:fs';
import os from 'node:os';

/** USER_HZ is 100 on Linux. */
const TICK_MS = 10;

const read = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Busy CPU milliseconds of the whole machine, or undefined off Linux. */
const machineBusyMs = (): number | undefined => {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line) return undefined;
  const [, ...fields] = line.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy time.
  const [user, nice, system, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
};

const processMs = (pid: number): number => {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

/** Processes whose command line contains `needle` (the PostgreSQL backends of one database). */
const pidsMatching = (needle?: string): number[] => {
  if (!needle) return [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((name) => /^\d+$/.test(name) && read(`/proc/${name}/cmdline`)?.includes(needle))
    .map(Number);
};

export interface CpuScope {
  /** The processes under test. */
  pids: number[];
  /** A command-line fragment of further processes under test. */
  match?: string;
}

/**
 * `const stop = watchOtherCpu(scope)` before a measurement, `stop()` after it: the share of the
 * machine's CPU capacity (0 to 1) that processes outside `scope` used meanwhile, or undefined
 * off Linux.
 */
export const watchOtherCpu = ({ pids, match }: CpuScope): (() => number | undefined) => {
  const startedAt = Date.now();
  const busyBefore = machineBusyMs();
  if (busyBefore === undefined) return () => undefined;
  const own = process.cpuUsage();
  const tracked = new Map([...pids, ...pidsMatching(match)].map((pid) => [pid, processMs(pid)]));
  return () => {
    const elapsed = Date.now() - startedAt;
    const busyAfter = machineBusyMs();
    if (elapsed <= 0 || busyAfter === undefined) return undefined;
    pidsMatching(match).forEach((pid) => tracked.set(pid, tracked.get(pid) ?? 0));
    const self = process.cpuUsage(own);
    const ours = [...tracked].reduce(
      (total, [pid, before]) => total + Math.max(0, processMs(pid) - before),
      (self.user + self.system) / 1000,
    );
    const others = busyAfter - busyBefore - ours;
    return Math.min(1, Math.max(0, others / (elapsed * os.cpus().length)));
  };
};
