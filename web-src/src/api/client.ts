import type { z } from 'zod';
import type { FetchLike, RuntimeConfig } from './config';
import { createTransport } from './transport';
import {
  type CommunicationErrorsPage,
  type ConnectionCheckResult,
  communicationErrorsPageSchema,
  connectionCheckSchema,
  type GlobalSettings,
  type GlobalSettingsInput,
  globalSettingsResponseSchema,
  type StoresListResponse,
  storesListSchema,
} from './schemas';

/** The identity the Commerce Admin shares with the page (or the local stand-in issues). */
export interface Credentials {
  imsToken: string;
  imsOrgId: string;
}

/**
 * A failed call, with a message written for the merchant: the server's own `error` text when it sent one,
 * otherwise a plain explanation of the HTTP status. `fields` names invalid inputs on a 400.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Every action the UI calls: HTTP method, request and parsed response. */
interface ActionContracts {
  'asc/stores-list': { method: 'GET'; request: undefined; response: StoresListResponse };
  'asc/store-connection-check': { method: 'POST'; request: { storeId: string }; response: ConnectionCheckResult };
  'asc/global-settings': { method: 'GET' | 'POST'; request: GlobalSettingsInput | undefined; response: GlobalSettings };
  'asc/communication-errors': {
    method: 'GET';
    request: { storeId?: string; limit: number; cursor?: string };
    response: CommunicationErrorsPage;
  };
}
export type ActionName = keyof ActionContracts;

export interface AscClient {
  listStores(): Promise<StoresListResponse>;
  checkStoreConnection(storeId: string): Promise<ConnectionCheckResult>;
  getGlobalSettings(): Promise<GlobalSettings>;
  saveGlobalSettings(settings: GlobalSettingsInput): Promise<GlobalSettings>;
  listCommunicationErrors(
    query: ActionContracts['asc/communication-errors']['request'],
  ): Promise<CommunicationErrorsPage>;
}

export const createAscClient = (options: {
  config: RuntimeConfig;
  credentials: Credentials;
  fetchFn?: FetchLike;
}): AscClient => {
  const transport = createTransport(options, options.fetchFn);
  const call = <A extends ActionName>(
    action: A,
    method: ActionContracts[A]['method'],
    request: ActionContracts[A]['request'],
    schema: z.ZodType<ActionContracts[A]['response'], unknown>,
  ): Promise<ActionContracts[A]['response']> =>
    transport.call(action, method, (request ?? {}) as Record<string, unknown>, schema);

  return {
    listStores: () => call('asc/stores-list', 'GET', undefined, storesListSchema),
    checkStoreConnection: (storeId) => call('asc/store-connection-check', 'POST', { storeId }, connectionCheckSchema),
    getGlobalSettings: () => call('asc/global-settings', 'GET', undefined, globalSettingsResponseSchema),
    saveGlobalSettings: (settings) => call('asc/global-settings', 'POST', settings, globalSettingsResponseSchema),
    listCommunicationErrors: (query) => call('asc/communication-errors', 'GET', query, communicationErrorsPageSchema),
  };
};

/** Message to show for anything a call threw. */
export const messageOf = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something unexpected went wrong. Reload the page.';
