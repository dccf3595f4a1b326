/** What the scripts' command lines (bench, soak) share: checked option values, clear errors, the run. */

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

/**
 * Runs a script's command: its options parsed from the command line (`undefined` asks for the
 * help), exit code 2 and a pointer to `--help` on a bad option, 1 with the stack on a failure,
 * else the code `run` answers.
 */
export const runCommand = <Options>(
  name: string,
  {
    help,
    parse,
    run,
  }: {
    help: string;
    parse: (argv: string[]) => Options | undefined;
    run: (options: Options) => Promise<number>;
  },
): void => {
  const main = async (): Promise<number> => {
    let options: Options | undefined;
    try {
      options = parse(process.argv.slice(2));
    } catch (error) {
      process.stderr.write(
        `${(error as Error).message} (\`npm run ${name} -- --help\` lists the options)\n`,
      );
      return 2;
    }
    if (!options) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    return run(options);
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `\n${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
};
