import { ManualClock } from '../../../src/core/clock';
import type { KeyValueStore } from '../../../src/core/ports';
import { AioStateKeyValueStore, initAioStateClient } from '../../../src/adapters/state/aio-state-kv';
import { MemoryKeyValueStore } from '../../../src/adapters/state/memory-kv';
import { type StateServiceHandle, startStateService } from '../../../src/local/state-service';

/**
 * The two KeyValueStore implementations every contract test runs against:
 *  - memory: the embedded store,
 *  - aio-state: the REAL @adobe/aio-lib-state client talking HTTP to our State stand-in.
 * Each test gets a fresh store (a new namespace on the shared stand-in) and a ManualClock that drives expiry.
 */
export interface KvFixture {
  kv: KeyValueStore;
  clock: ManualClock;
  /** Writes test data without going through the client (the real client spends ~20 ms per call compiling schemas). */
  seed(key: string, value: string): Promise<void>;
}

export interface KvImplementation {
  name: 'memory' | 'aio-state';
  create(options?: { latencyMs?: number }): Promise<KvFixture>;
}

let service: StateServiceHandle | undefined;
let serviceClock: ManualClock | undefined;
let namespaceCounter = 0;

/** Call from afterAll in every test file that uses the aio-state implementation. */
export const stopStateService = async (): Promise<void> => {
  await service?.close();
  service = undefined;
};

export const stateService = async (): Promise<{ handle: StateServiceHandle; clock: ManualClock }> => {
  if (!service) {
    serviceClock = new ManualClock(Date.parse('2026-03-01T00:00:00Z'));
    service = await startStateService({ port: 0, clock: serviceClock });
    // aio-lib-state reads AIO_STATE_ENDPOINT once, when first required: set it before that happens.
    process.env.AIO_STATE_ENDPOINT = service.url;
  }
  return { handle: service, clock: serviceClock! };
};

export const memoryImplementation: KvImplementation = {
  name: 'memory',
  async create(options = {}) {
    const clock = new ManualClock(Date.parse('2026-03-01T00:00:00Z'));
    const latencyMs = options.latencyMs ? { min: 0, max: options.latencyMs } : undefined;
    const kv = new MemoryKeyValueStore({ clock, latencyMs });
    return { kv, clock, seed: (key, value) => kv.put(key, value) };
  },
};

export const aioStateImplementation: KvImplementation = {
  name: 'aio-state',
  async create() {
    const { clock, handle } = await stateService();
    namespaceCounter++;
    const namespace = `test-${process.pid}-${namespaceCounter}`;
    const client = await initAioStateClient({ namespace, apiKey: 'local-key' });
    const seed = async (key: string, value: string) => {
      handle.store.put(namespace, key, value, 3600);
    };
    return { kv: new AioStateKeyValueStore(client), clock, seed };
  },
};

export const implementations: KvImplementation[] = [memoryImplementation, aioStateImplementation];
