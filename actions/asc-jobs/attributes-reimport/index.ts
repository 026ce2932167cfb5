import { openWhiskInvoker, runReimportPage } from '../../../src/app/listings/attribute-reimport';
import { loadListingsContext } from '../../../src/app/listings/context';
import { createServices } from '../../../src/app/services';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { ValidationError } from '../../../src/platform/errors';
import { jobAction } from '../../../src/platform/job-action';

/**
 * Re-import Product Attribute Values, one page of listings per invocation (SPEC 3.12). Invoked by
 * asc/listing-attributes, then by itself for the next page through the OpenWhisk API, until the store is done.
 */
export const main = jobAction('attributes-reimport', async ({ inputs, params, clock }) => {
  const storeId = storeIdSchema.safeParse(params.storeId);
  if (!storeId.success || typeof params.jobId !== 'string' || !params.jobId)
    throw new ValidationError('storeId and jobId are required', { storeId: 'required', jobId: 'required' });
  const lc = await loadListingsContext(await createServices(inputs, clock), storeId.data);
  const job = await runReimportPage(lc, params.jobId, openWhiskInvoker);
  return { storeId: storeId.data, job };
});
