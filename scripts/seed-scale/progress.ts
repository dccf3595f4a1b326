/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, a line every tenth otherwise
 * (a CI log or a file), with the rate and the time left.
 */

const WIDTH = 30;

const duration = (seconds: number): string =>
  seconds >= 60
    ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
    : `${seconds.toFixed(1)} s`;

export const progressBar = (label: string, stream: NodeJS.WriteStream = process.stderr) => {
  let started: number | undefined;
  let lastTenth = -1;
  return {
    /** The first call starts the clock (the rate and time left count from there). */
    update(done: number, total: number): void {
      started ??= Date.now();
      const share = total > 0 ? done / total : 1;
      const tenth = Math.floor(share * 10);
      if (!stream.isTTY && tenth === lastTenth) return;
      lastTenth = tenth;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const left = rate > 0 ? `${duration((total - done) / rate)} left` : 'starting';
      const filled = Math.round(share * WIDTH);
      const line =
        `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ` +
        `${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
        `${Math.round(rate).toLocaleString('en')}/s, ${left}`;
      stream.write(stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
};

export { duration };
