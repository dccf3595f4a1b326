/** What the scripts' command lines (bench, soak) share: checked option values, clear errors. */

import type { DatabaseClient } from '../tests/helpers/database';

/** `--name=N`, a whole number above 0, or `undefined` when not given. */
export const wholeNumber = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new Error(`--${name} must be a whole number above 0, not "${value}".`);
  }
  return number;
};

/** One database name of `--db`. */
export const databaseOf = (name: string): DatabaseClient => {
  if (name !== 'sqlite' && name !== 'postgres') {
    throw new Error(`--db: sqlite or postgres, not "${name}".`);
  }
  return name;
};
