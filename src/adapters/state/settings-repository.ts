import { type Clock, isoNow, systemClock } from '../../core/clock';
import type { KeyValueStore } from '../../core/ports/key-value-store';
import {
  DEFAULT_GLOBAL_SETTINGS,
  type GlobalSettings,
  type LockService,
  type SettingsRepository,
} from '../../core/ports/repositories';
import { readJson, writeJson } from './json-value';
import { globalSettingsSchema } from './schemas';

const SETTINGS_KEY = 'settings.global';

/** The global settings document (one key). update() patches under a lease lock. */
export class KvSettingsRepository implements SettingsRepository {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly locks: LockService,
    private readonly clock: Clock = systemClock,
  ) {}

  async get(): Promise<GlobalSettings> {
    return (await readJson(this.kv, SETTINGS_KEY, globalSettingsSchema)) ?? { ...DEFAULT_GLOBAL_SETTINGS };
  }

  async save(settings: GlobalSettings): Promise<void> {
    const checked = globalSettingsSchema.safeParse(settings);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`invalid settings: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    await writeJson(this.kv, SETTINGS_KEY, { ...checked.data, updatedAt: isoNow(this.clock) });
  }

  update(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
    return this.locks.withLock('settings', async () => {
      const next = { ...(await this.get()), ...patch } as GlobalSettings;
      await this.save(next);
      return this.get();
    });
  }
}
