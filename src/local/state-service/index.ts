export { ContainerStore, DEFAULT_TTL_SECONDS, LIST_PAGE_SIZE, MAX_TTL_SECONDS } from './container-store';
export { type StateServiceHandle, type StateServiceOptions, startStateService } from './server';

/** Environment the real aio-lib-state client needs to talk to the stand-in (set before it is first required). */
export const localStateEnv = (url: string): Record<string, string> => ({
  AIO_STATE_ENDPOINT: url,
  __OW_NAMESPACE: 'local-asc',
  __OW_API_KEY: 'local-state-key',
});
