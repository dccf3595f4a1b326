#!/usr/bin/env node
/**
 * `npm run secrets`: prints a fresh set of the secrets production needs, as environment lines to
 * put in your secret store or deployment environment. Nothing is written anywhere.
 */
'use strict';

const { generateSecrets } = require('../dist/src/setup/secrets');

const secrets = generateSecrets();
process.stdout.write(
  Object.entries(secrets)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n') + '\n',
);
