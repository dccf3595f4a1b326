/**
 * `strapi export` / `strapi import` on the compiled app in dist/: the CLI's own commands, with
 * its `createStrapiInstance` pointed at dist/ instead of compiling the TypeScript again (which
 * takes minutes on a busy machine, rewrites dist/ under a running app, and exits on a type error).
 * Strapi 5.54's module layout; if it moves, the stock CLI (which compiles first) runs instead.
 * Usage: node <tsx loader> compiled-cli.ts <strapi arguments>
 */

import fs from 'node:fs';
import path from 'node:path';

import { createStrapi } from '@strapi/strapi';

import { APP_ROOT } from '../../tests/helpers/env';
import { STRAPI_BIN } from '../../tests/helpers/process';

const TRANSFER_UTILS = path.join(
  APP_ROOT,
  'node_modules/@strapi/strapi/dist/src/cli/utils/data-transfer.js',
);

type InstanceOptions = { logLevel?: string } & Record<string, unknown>;

if (fs.existsSync(TRANSFER_UTILS)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's own module, patched before the CLI loads it
  const utils = require(TRANSFER_UTILS) as {
    createStrapiInstance: (opts?: InstanceOptions) => Promise<unknown>;
  };
  utils.createStrapiInstance = async (opts = {}) => {
    const app = createStrapi({ ...opts, appDir: APP_ROOT, distDir: path.join(APP_ROOT, 'dist') });
    app.log.level = opts.logLevel ?? 'error';
    return app.load();
  };
}

process.argv = [process.argv[0], STRAPI_BIN, ...process.argv.slice(2)];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the CLI, as its bin does
require(STRAPI_BIN);
