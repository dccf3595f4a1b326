import type { Core } from '@strapi/strapi';

/**
 * Strapi 5 installs no signal handlers: a `SIGTERM` from a process manager would end the process
 * at once, losing buffered views. Here it shuts Strapi down first (its `destroy` lifecycle writes
 * them), then exits.
 */
export const shutDownGracefullyOnSignals = async (strapi: Core.Strapi): Promise<void> => {
  const onSignal = (signal: NodeJS.Signals) => {
    strapi.log.info(`${signal} received: shutting down.`);
    strapi
      .destroy()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        strapi.log.error(`Shutdown failed: ${error.message}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
};
