import { createServices } from '../../../src/app/services';
import { recordJobRun } from '../../../src/app/stores/heartbeat';
import { LOG_RETENTION_DAYS } from '../../../src/core/settings/global-settings';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Daily alarm: clears log history older than the "Clear Log History" setting (SPEC 1.2), and re-saves the
 * stores and settings, because State has no "forever": every record expires a year after its last write.
 */
export const main = jobAction('log-retention', async ({ inputs, clock, logger }) => {
  const services = await createServices(inputs, clock);
  const { logRetention } = await services.settings();
  const retentionSeconds = LOG_RETENTION_DAYS[logRetention] * 24 * 3600;
  const { communicationErrors, listingChanges, activity } = services.storage.logs;
  const purged = {
    communicationErrors: await communicationErrors.purgeOlderThan(retentionSeconds),
    listingChanges: await listingChanges.purgeOlderThan(retentionSeconds),
    activity: await activity.purgeOlderThan(retentionSeconds),
  };
  for (const store of await services.storage.stores.list()) await services.storage.stores.save(store);
  await services.storage.settings.save(await services.settings());
  await recordJobRun(services.storage, 'log-retention', clock.now());
  logger.info(`purged logs older than ${LOG_RETENTION_DAYS[logRetention]} day(s)`, purged);
  return { retention: logRetention, purged };
});
