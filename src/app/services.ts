import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import { marketplaceById } from '../core/marketplaces';
import { detectCommerceUrlChange, type GlobalSettings, globalSettingsSchema } from '../core/settings/global-settings';
import type { StoreRecord } from '../core/store';
import { emulatorAgentFrom } from '../adapters/amazon/emulator-agent';
import { SharedRateLimiter } from '../adapters/amazon/rate-limiter';
import { AmazonGateway, type OutboundCall } from '../adapters/amazon/sp-api-gateway';
import { type CommerceGateway, createCommerceGateway } from '../adapters/commerce';
import { createStorage, type Storage } from '../adapters/state';
import { SecretBox } from '../platform/crypto';
import { ValidationError, WriteBlockedError } from '../platform/errors';
import type { Params } from '../platform/web-action';
import { stateBucketStore } from './bucket-store';

/**
 * The composition root: builds adapters from an action's inputs. Actions stay thin: they parse input,
 * call the core through these services, and shape the response.
 */
export interface Services {
  clock: Clock;
  storage: Storage;
  inputs: Params;
  secrets(): SecretBox;
  settings(): Promise<GlobalSettings>;
  amazonFor(store: StoreRecord): Promise<AmazonGateway>;
  commerce(): CommerceGateway;
}

const configured = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && !value.startsWith('$') ? value : undefined;

export const requireInput = (inputs: Params, name: string): string => {
  const value = configured(inputs[name]);
  if (!value)
    throw new ValidationError(`The action input ${name} is not configured; set it in .env before deploying`, {
      [name]: 'missing',
    });
  return value;
};

/** Commerce writes are not tied to one Amazon store; the outbox keeps them under this id. */
export const GLOBAL_OUTBOX = 'commerce';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Limiter waits are in the clock's milliseconds. A clock that can sleep (the emulators' sped-up clock, handed in by
 * benchmarks) is slept on, unless ASC_TIME_SCALE already rescales the plans for a real-time app clock.
 */
const sleepFor = (clock: Clock, timeScale: number) => {
  const clockSleep = (clock as { sleep?: (ms: number) => Promise<void> }).sleep;
  return timeScale === 1 && typeof clockSleep === 'function' ? (ms: number) => clockSleep.call(clock, ms) : sleep;
};

export const createServices = async (inputs: Params, clock: Clock = systemClock): Promise<Services> => {
  const storage = await createStorage(inputs, { clock });
  let settingsOnce: Promise<GlobalSettings> | undefined;
  let secretBox: SecretBox | undefined;

  const settings = (): Promise<GlobalSettings> => {
    settingsOnce ??= (async () => {
      const stored = globalSettingsSchema.parse(await storage.settings.get());
      const checked = detectCommerceUrlChange(stored, configured(inputs.COMMERCE_BASE_URL));
      if (checked !== stored) await storage.settings.save(checked);
      return checked;
    })();
    return settingsOnce;
  };

  const secrets = (): SecretBox => {
    secretBox ??= new SecretBox(requireInput(inputs, 'ASC_ENCRYPTION_KEY'));
    return secretBox;
  };

  const timeScale = Number(configured(inputs.ASC_TIME_SCALE) ?? 1) || 1;
  const limiter = new SharedRateLimiter({
    store: stateBucketStore(storage),
    clock,
    sleep: sleepFor(clock, timeScale),
    timeScale,
  });

  /** Read-only mode: hold the write in the outbox and refuse it before any network I/O. */
  const holdIfReadOnly = async (call: OutboundCall): Promise<void> => {
    if (!(await settings()).readOnlyMode) return;
    await storage.outbox.enqueue({ storeId: call.storeId, kind: `amazon.${call.operation}`, payload: call.request });
    throw new WriteBlockedError('amazon', call.operation);
  };

  const amazonFor = async (store: StoreRecord): Promise<AmazonGateway> => {
    if (!store.encryptedRefreshToken) {
      throw new ValidationError(`Store "${store.name}" is not authorised with Amazon yet`, {
        storeId: 'not authorised',
      });
    }
    const marketplace = marketplaceById(store.marketplaceId);
    if (!marketplace)
      throw new ValidationError(`Unknown marketplace ${store.marketplaceId}`, { marketplaceId: 'unknown' });
    return new AmazonGateway({
      store: { id: store.id, sellerId: store.sellerId, region: marketplace.region },
      credentials: {
        clientId: requireInput(inputs, 'AMAZON_LWA_CLIENT_ID'),
        clientSecret: requireInput(inputs, 'AMAZON_LWA_CLIENT_SECRET'),
        refreshToken: secrets().decrypt(store.encryptedRefreshToken, store.id),
      },
      limiter,
      clock,
      agent: emulatorAgentFrom(inputs.AMAZON_EMULATOR_URL),
      writeGuard: { beforeWrite: holdIfReadOnly },
      recordFailure: async (failure) => {
        await storage.logs.communicationErrors.append({ ...failure, at: failure.at });
      },
    });
  };

  let commerceGateway: CommerceGateway | undefined;
  const commerce = (): CommerceGateway => {
    commerceGateway ??= createCommerceGateway({
      baseUrl: requireInput(inputs, 'COMMERCE_BASE_URL'),
      params: inputs,
      clock,
      writeGuard: {
        // Read-only mode: keep the write for the outbox and refuse it before any network I/O.
        check: async (operation) => {
          if (!(await settings()).readOnlyMode) return { blocked: false };
          await storage.outbox.enqueue({
            storeId: GLOBAL_OUTBOX,
            kind: `commerce.${operation.name}`,
            payload: operation,
          });
          return { blocked: true, reason: 'read-only mode is on; the write is held and sent once it is switched off' };
        },
      },
      onError: (error, { willRetry }) => {
        if (willRetry) return;
        void storage.logs.communicationErrors.append({
          operation: `commerce.${error.call.method} ${error.call.path}`,
          code: error.kind,
          message: error.message,
          httpStatus: 'status' in error && typeof error.status === 'number' ? error.status : undefined,
        });
      },
    });
    return commerceGateway;
  };

  return { clock, storage, inputs, secrets, settings, amazonFor, commerce };
};
