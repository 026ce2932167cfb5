import type { CommerceState } from './state';

/** An error in Commerce's REST shape: `{ message, parameters? }` where %name placeholders refer to parameters. */
export class CommerceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameters?: Record<string, string> | string[],
  ) {
    super(message);
  }

  toBody(): { message: string; parameters?: Record<string, string> | string[] } {
    return this.parameters ? { message: this.message, parameters: this.parameters } : { message: this.message };
  }
}

export const notFound = (message: string, parameters?: Record<string, string>): CommerceError =>
  new CommerceError(404, message, parameters);

export const badRequest = (message: string, parameters?: Record<string, string>): CommerceError =>
  new CommerceError(400, message, parameters);

export interface EventScope {
  storeId: number;
  websiteId: number;
  storeGroupId: number;
}

/** Queues a Commerce observer event, e.g. `catalog_product_save_commit_after`, with the entity's fields. */
export type EmitEvent = (observer: string, value: Record<string, unknown>, scope?: EventScope) => void;

/** What every REST handler receives. */
export interface RestContext {
  state: CommerceState;
  params: Record<string, string>;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are validated against the official schema before this point
  body: any;
  /** Store view addressed by the URL (/rest/<code>/V1) or the Store header; 0 for `all`. */
  storeId: number;
  websiteId: number;
  scope: EventScope;
  emit: EmitEvent;
}

export type RestHandler = (ctx: RestContext) => unknown;

/** Handlers keyed by the operationId in models/commerce/admin-schema-2.4.9.yaml. */
export type HandlerTable = Record<string, RestHandler>;

/** Reads an integer path parameter or answers 400 like Commerce does for a bad id. */
export const intParam = (ctx: RestContext, name: string): number => {
  const value = Number(ctx.params[name]);
  if (!Number.isInteger(value)) {
    throw badRequest('The "%value" value\'s type is invalid. The "int" type was expected. Verify and try again.', {
      value: ctx.params[name],
    });
  }
  return value;
};
