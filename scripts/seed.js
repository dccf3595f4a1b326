#!/usr/bin/env node
/**
 * `npm run seed`: seeds the reference news report (section, author, published article, views)
 * into the configured database. Idempotent: a second run changes nothing.
 */
'use strict';

process.env.STRAPI_TELEMETRY_DISABLED = 'true';

const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const app = createStrapi(await compileStrapi());
  app.log.level = 'warn';
  await app.load();
  try {
    // Loaded after compiling, from the same build the app runs.
    const { seedExampleContent } = require('../dist/src/setup');
    const { created } = await seedExampleContent(app);
    process.stdout.write(
      created.length > 0
        ? `Seeded: ${created.join('; ')}.\n`
        : 'The example content is already there: nothing changed.\n',
    );
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  process.stderr.write(`Seeding failed: ${error.stack || error}\n`);
  process.exit(1);
});
