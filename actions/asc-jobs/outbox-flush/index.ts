import { createServices } from '../../../src/app/services';
import { flushOutbox } from '../../../src/app/outbox';
import { recordJobRun } from '../../../src/app/stores/heartbeat';
import { jobAction } from '../../../src/platform/job-action';

/** Alarm: once read-only mode is off, sends the writes it held back, oldest first. */
export const main = jobAction('outbox-flush', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  const result = await flushOutbox(services);
  if (result.sent + result.failed > 0) logger.info('outbox flushed', result);
  // Heartbeat for Learning & Preparation's "alarms are running" check.
  await recordJobRun(services.storage, 'outbox-flush', clock.now());
  return { ...result };
});
