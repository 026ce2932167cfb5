/**
 * What feeds and reports share in the Feeds 2021-06-30 and Reports 2021-06-30 APIs: both are processing jobs owned by
 * one seller, listed newest first with type and status filters, and cancellable only while still IN_QUEUE.
 */
import { type ApiContext, ApiError, asArray, invalidInput, notFound, requireSeller } from './api';
import type { ProcessingStatus } from './state';

interface ProcessingJob {
  sellerId: string;
  createdTime: number;
  status: ProcessingStatus;
}

/** The job `id` of the calling seller; another seller's job is as unknown as a missing one (Amazon answers 404). */
export function ownedJob<T extends ProcessingJob>(ctx: ApiContext, jobs: Map<string, T>, id: string, noun: string): T {
  const job = jobs.get(id);
  if (!job || job.sellerId !== requireSeller(ctx)) throw notFound(`${noun} ${id} not found.`);
  return job;
}

/** getFeeds/getReports: `typesParam` is required unless a nextToken is given; newest first, pageSize (default 10). */
export function listRecentJobs<T extends ProcessingJob>(
  ctx: ApiContext,
  jobs: Iterable<T>,
  typeOf: (job: T) => string,
  typesParam: 'feedTypes' | 'reportTypes',
): T[] {
  const sellerId = requireSeller(ctx);
  const types = asArray(ctx.query[typesParam]);
  if (!types.length && !ctx.query.nextToken)
    throw invalidInput(`${typesParam} is required when nextToken is not given.`);
  const statuses = asArray(ctx.query.processingStatuses);
  return [...jobs]
    .filter(
      (job) =>
        job.sellerId === sellerId &&
        (!types.length || types.includes(typeOf(job))) &&
        (!statuses.length || statuses.includes(job.status)),
    )
    .sort((a, b) => b.createdTime - a.createdTime)
    .slice(0, Number(ctx.query.pageSize ?? 10));
}

export function cancelQueuedJob(job: ProcessingJob, noun: 'Feed' | 'Report', id: string): { status: number } {
  if (job.status !== 'IN_QUEUE')
    throw new ApiError(
      400,
      'InvalidInput',
      `${noun} ${id} is ${job.status}; only IN_QUEUE ${noun.toLowerCase()}s can be cancelled.`,
    );
  job.status = 'CANCELLED';
  return { status: 200 };
}
