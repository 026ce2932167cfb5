import {
  assertValidGlob,
  assertValidKey,
  assertValueFits,
  type KeyValueStore,
  type KvPutOptions,
  resolveTtlSeconds,
  StorageError,
  ValueTooLargeError,
  utf8Bytes,
} from '../../core/ports/key-value-store';

/** The part of the aio-lib-state 5.x AdobeState instance we use (see node_modules/@adobe/aio-lib-state/types.d.ts). */
export interface AioStateClient {
  get(key: string): Promise<{ value: string; expiration: string } | undefined>;
  put(key: string, value: string, options?: { ttl?: number }): Promise<string>;
  delete(key: string): Promise<string | null>;
  list(options?: { match?: string }): AsyncGenerator<{ keys: string[] }>;
}

export interface AioStateInitConfig {
  /** Default: __OW_NAMESPACE / __OW_API_KEY from the environment (the library's own default). */
  namespace?: string;
  apiKey?: string;
  region?: 'amer' | 'emea' | 'apac' | 'aus';
}

/**
 * Loads aio-lib-state and initialises a client. The library reads AIO_STATE_ENDPOINT when it is first
 * required, so local runs must set it (and __OW_NAMESPACE/__OW_API_KEY) before the first call.
 */
export const initAioStateClient = async (config: AioStateInitConfig = {}): Promise<AioStateClient> => {
  // Required lazily so that merely importing this module never freezes the endpoint.
  const stateLib = require('@adobe/aio-lib-state') as {
    init(config: { region?: string; ow?: { namespace: string; auth: string } }): Promise<AioStateClient>;
  };
  const ow = config.namespace && config.apiKey ? { namespace: config.namespace, auth: config.apiKey } : undefined;
  return stateLib.init({ region: config.region, ow });
};

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;

/** Production KeyValueStore on Adobe I/O State. Validation happens here first so errors name our key. */
export class AioStateKeyValueStore implements KeyValueStore {
  constructor(private readonly client: AioStateClient) {}

  async get(key: string): Promise<string | undefined> {
    assertValidKey(key);
    const result = await this.call('get', key, () => this.client.get(key));
    return result?.value;
  }

  async put(key: string, value: string, options?: KvPutOptions): Promise<void> {
    assertValidKey(key);
    assertValueFits(key, value);
    const ttl = resolveTtlSeconds(options);
    try {
      await this.client.put(key, value, { ttl });
    } catch (error) {
      if (errorCode(error) === 'ERROR_PAYLOAD_TOO_LARGE') throw new ValueTooLargeError(key, utf8Bytes(value));
      throw this.wrap('put', key, error);
    }
  }

  async delete(key: string): Promise<boolean> {
    assertValidKey(key);
    const result = await this.call('delete', key, () => this.client.delete(key));
    return result !== null;
  }

  async *keys(globPattern: string): AsyncIterable<string> {
    assertValidGlob(globPattern);
    // The service scans by cursor and may return a key more than once: yield each key once.
    const seen = new Set<string>();
    try {
      for await (const { keys } of this.client.list({ match: globPattern })) {
        for (const key of keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          yield key;
        }
      }
    } catch (error) {
      throw this.wrap('list', globPattern, error);
    }
  }

  private async call<R>(operation: string, key: string, fn: () => Promise<R>): Promise<R> {
    try {
      return await fn();
    } catch (error) {
      throw this.wrap(operation, key, error);
    }
  }

  private wrap(operation: string, key: string, error: unknown): StorageError {
    if (error instanceof StorageError) return error;
    const code = errorCode(error) ?? 'STATE_ERROR';
    const message = error instanceof Error ? error.message : String(error);
    return new StorageError(`State ${operation} "${key}" failed: ${message}`, code);
  }
}
