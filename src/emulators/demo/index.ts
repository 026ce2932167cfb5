import type { AmazonSeed } from '../amazon/seed';
import type { CommerceSeed } from '../commerce/seed';
import { buildAmazonDemo } from './amazon';
import { buildCommerceDemo } from './commerce';
import { DemoRandom } from './random';

export { DEMO_SELLER_ID } from './amazon';

/** Special-price windows are placed around this instant unless the caller passes the emulators' current time. */
export const DEMO_REFERENCE_TIME = Date.parse('2026-01-01T00:00:00Z');

export interface DemoScenario {
  commerce: CommerceSeed;
  amazon: AmazonSeed;
}

/**
 * The demo scenario seeding both emulators. Deterministic: the same (seed, nowMs) gives the same scenario.
 * The Commerce products drive the Amazon side (identifiers, prices), so the two always agree.
 */
export function buildDemoScenario(seed = 1, nowMs: number = DEMO_REFERENCE_TIME): DemoScenario {
  const rng = new DemoRandom(seed);
  const { seed: commerce, meta } = buildCommerceDemo(rng, nowMs);
  const amazon = buildAmazonDemo(rng, commerce, meta);
  return { commerce, amazon };
}

const postJson = async (url: string, body: unknown): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`seeding ${url} failed: HTTP ${response.status} ${await response.text()}`);
};

const emulatorNow = async (baseUrl: string): Promise<number | undefined> => {
  try {
    const response = await fetch(`${baseUrl}/__control/clock`);
    if (!response.ok) return undefined;
    return ((await response.json()) as { epochMs?: number }).epochMs;
  } catch {
    return undefined;
  }
};

/**
 * Posts the demo scenario to both emulators' control APIs (POST /__control/seed).
 * Special-price windows are placed around the Commerce emulator's current time so some are open "now".
 */
export async function seedDemo(opts: { amazonUrl: string; commerceUrl: string; seed?: number }): Promise<DemoScenario> {
  const commerceUrl = opts.commerceUrl.replace(/\/$/, '');
  const amazonUrl = opts.amazonUrl.replace(/\/$/, '');
  const now = (await emulatorNow(commerceUrl)) ?? DEMO_REFERENCE_TIME;
  const scenario = buildDemoScenario(opts.seed ?? 1, now);
  await postJson(`${commerceUrl}/__control/seed`, scenario.commerce);
  await postJson(`${amazonUrl}/__control/seed`, scenario.amazon);
  return scenario;
}
