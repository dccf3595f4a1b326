'use strict';

/**
 * How busy the machine was with other work during a measurement (Linux `/proc`): all CPU time
 * spent, minus this process (autocannon), the server under test and, for PostgreSQL, the
 * backends serving its database. Figures taken while other processes compete are low; the bench
 * prints this share next to them so a noisy run shows as such.
 */

const fs = require('node:fs');
const os = require('node:os');

const TICK_MS = 10; // USER_HZ is 100 on Linux

const read = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Busy CPU milliseconds of the whole machine, or undefined off Linux. */
const machineBusyMs = () => {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line) return undefined;
  const [, ...fields] = line.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy time.
  const [user, nice, system, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
};

const processMs = (pid) => {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

/** Processes whose command line contains `needle` (PostgreSQL backends of one database). */
const pidsMatching = (needle) => {
  if (!needle) return [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.filter((pid) => read(`/proc/${pid}/cmdline`)?.includes(needle)).map(Number);
};

/**
 * `const stop = start({ pids, match })` before a measurement, `stop()` after it: the share of the
 * machine's CPU capacity that other processes used meanwhile (0 to 1), or undefined off Linux.
 */
const start = ({ pids = [], match } = {}) => {
  const startedAt = Date.now();
  const busy = machineBusyMs();
  if (busy === undefined) return () => undefined;
  const own = process.cpuUsage();
  const tracked = new Map([...pids, ...pidsMatching(match)].map((pid) => [pid, processMs(pid)]));
  return () => {
    const elapsed = Date.now() - startedAt;
    if (elapsed <= 0) return undefined;
    for (const pid of pidsMatching(match)) if (!tracked.has(pid)) tracked.set(pid, 0);
    const self = process.cpuUsage(own);
    const ours =
      (self.user + self.system) / 1000 +
      [...tracked].reduce(
        (total, [pid, before]) => total + Math.max(0, processMs(pid) - before),
        0,
      );
    const others = machineBusyMs() - busy - ours;
    return Math.min(1, Math.max(0, others / (elapsed * os.cpus().length)));
  };
};

module.exports = { start };
