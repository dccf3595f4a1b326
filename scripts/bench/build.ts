/** The built app the bench and the soak start: compiled with `tsc` into dist/. */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { APP_ROOT } from '../../tests/helpers/env';
import { say } from './format';

export const compile = (): void => {
  say('Compiling (tsc -p tsconfig.json) ...');
  const tsc = path.join(APP_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: APP_ROOT, stdio: 'inherit' });
};

/** Throws unless dist/ holds the compiled app (`file`, relative to dist/src, must be there). */
export const ensureBuilt = (file = path.join('api', 'bench', 'routes', 'bench.js')): void => {
  if (!fs.existsSync(path.join(APP_ROOT, 'dist', 'src', file))) {
    throw new Error(
      `dist/ has no src/${file}: run \`npx tsc -p tsconfig.json\` (or drop --no-build).`,
    );
  }
};
