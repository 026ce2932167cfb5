import type { z } from 'zod';
import { ActionError, type Credentials } from './client';
import { actionUrl, type FetchLike, type RuntimeConfig } from './config';
import { errorBodySchema } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What every area's client needs: where the actions are and who is calling. */
export interface ActionTarget {
  config: RuntimeConfig;
  credentials: Credentials;
}

/** GET requests carry their fields as a query string: empty values are left out, lists are comma-joined. */
export const toQuery = (request: Record<string, unknown>): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
};

export const fallbackMessage = (status: number): string => {
  if (status === 401) return 'Your Adobe session is missing or has expired. Reload the page to sign in again.';
  if (status === 403) return 'Your Adobe account is not allowed to use the Amazon Sales Channel.';
  if (status === 404) return 'The Amazon Sales Channel service was not found. The app may not be deployed completely.';
  if (status === 429) return 'Too many requests right now. Wait a moment and try again.';
  if (status >= 500) return `The Amazon Sales Channel service failed (HTTP ${status}). Try again in a moment.`;
  return `The request was refused (HTTP ${status}).`;
};

/**
 * One way to call a web action, for every area of the UI: the IMS token and org from the shared context, a
 * merchant-readable ActionError on any failure (the server's own `error` text and field messages on a 400),
 * and a zod check of the answer so a partly deployed app shows a message instead of a broken page.
 */
export const createTransport = (target: ActionTarget, fetchFn?: FetchLike) => {
  const doFetch: FetchLike = fetchFn ?? ((input, init) => fetch(input, init));

  /** Sends the request and returns the successful Response (for answers that are not JSON, e.g. CSV). */
  const send = async (action: string, method: HttpMethod, request: Record<string, unknown> = {}): Promise<Response> => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${target.credentials.imsToken}`,
      'x-gw-ims-org-id': target.credentials.imsOrgId,
    };
    let url = actionUrl(target.config, action);
    let body: string | undefined;
    if (method === 'GET') url += toQuery(request);
    else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request);
    }
    let response: Response;
    try {
      response = await doFetch(url, { method, headers, body });
    } catch {
      throw new ActionError(
        'Could not reach the Amazon Sales Channel service. Check your network connection and try again.',
        0,
      );
    }
    if (!response.ok) {
      const error = errorBodySchema.safeParse(await response.json().catch(() => undefined));
      if (error.success) throw new ActionError(error.data.error, response.status, error.data.fields ?? {});
      throw new ActionError(fallbackMessage(response.status), response.status);
    }
    return response;
  };

  const parse = async <T>(response: Response, schema: z.ZodType<T, unknown>): Promise<T> => {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new ActionError(
        'The Amazon Sales Channel service sent an answer this page does not understand. Reload the page; if it persists, the app may be partly deployed.',
        response.status,
      );
    }
    return parsed.data;
  };

  /** Sends the request and returns its checked JSON answer. */
  const call = async <T>(
    action: string,
    method: HttpMethod,
    request: Record<string, unknown>,
    schema: z.ZodType<T, unknown>,
  ): Promise<T> => parse(await send(action, method, request), schema);

  return { send, parse, call };
};

export type Transport = ReturnType<typeof createTransport>;
