import type { z } from 'zod';
import { actionUrl, type FetchLike, type RuntimeConfig } from './config';
import {
  type CommunicationErrorsPage,
  type ConnectionCheckResult,
  communicationErrorsPageSchema,
  connectionCheckSchema,
  errorBodySchema,
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

const fallbackMessage = (status: number): string => {
  if (status === 401) return 'Your Adobe session is missing or has expired. Reload the page to sign in again.';
  if (status === 403) return 'Your Adobe account is not allowed to use the Amazon Sales Channel.';
  if (status === 404) return 'The Amazon Sales Channel service was not found. The app may not be deployed completely.';
  if (status === 429) return 'Too many requests right now. Wait a moment and try again.';
  if (status >= 500) return `The Amazon Sales Channel service failed (HTTP ${status}). Try again in a moment.`;
  return `The request was refused (HTTP ${status}).`;
};

const toQueryString = (request: Record<string, unknown>): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
};

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
  const { config, credentials } = options;
  const fetchFn: FetchLike = options.fetchFn ?? ((input, init) => fetch(input, init));

  const call = async <A extends ActionName>(
    action: A,
    method: ActionContracts[A]['method'],
    request: ActionContracts[A]['request'],
    schema: z.ZodType<ActionContracts[A]['response'], unknown>,
  ): Promise<ActionContracts[A]['response']> => {
    const base = actionUrl(config, action);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${credentials.imsToken}`,
      'x-gw-ims-org-id': credentials.imsOrgId,
    };
    let url = base;
    let body: string | undefined;
    if (method === 'GET') {
      url = base + toQueryString((request ?? {}) as Record<string, unknown>);
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request ?? {});
    }

    let response: Response;
    try {
      response = await fetchFn(url, { method, headers, body });
    } catch {
      throw new ActionError(
        'Could not reach the Amazon Sales Channel service. Check your network connection and try again.',
        0,
      );
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = errorBodySchema.safeParse(payload);
      if (error.success) throw new ActionError(error.data.error, response.status, error.data.fields ?? {});
      throw new ActionError(fallbackMessage(response.status), response.status);
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new ActionError(
        'The Amazon Sales Channel service sent an answer this page does not understand. Reload the page; if it persists, the app may be partly deployed.',
        response.status,
      );
    }
    return parsed.data;
  };

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
