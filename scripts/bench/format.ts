/** Printing: progress lines on stdout, and numbers as the tables show them. */

type Maybe = number | undefined | null;

export const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** A progress line under the current heading. */
export const step = (line: string): void => say(`  ${line}`);

const missing = (value: Maybe): value is undefined | null =>
  value === undefined || value === null || Number.isNaN(value);

export const fmt = (value: Maybe, digits = 0): string =>
  missing(value)
    ? '-'
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

export const pct = (value: Maybe): string =>
  missing(value) ? '-' : `${(value * 100).toFixed(1)} %`;

export const ratio = (value: Maybe): string => (missing(value) ? '-' : `${value.toFixed(2)}x`);

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export const table = (headers: string[], rows: string[][]): string => {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  return [
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
};

/** A Markdown table, numbers right-aligned (every column but the first). */
export const markdownTable = (headers: string[], rows: string[][]): string =>
  [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
