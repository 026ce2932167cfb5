import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium; CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2eEnv {
  baseUrl: string;
  amazonUrl: string;
  commerceUrl: string;
  artifacts: string;
}

export const e2eEnv = (): E2eEnv => {
  const baseUrl = process.env.E2E_BASE_URL;
  if (!baseUrl) throw new Error('E2E_BASE_URL is not set: run the specs with `npm run e2e -- NAME`.');
  return {
    baseUrl,
    amazonUrl: process.env.E2E_AMAZON_URL ?? '',
    commerceUrl: process.env.E2E_COMMERCE_URL ?? '',
    artifacts: process.env.E2E_ARTIFACTS ?? path.resolve(__dirname, '..', 'artifacts'),
  };
};

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Page errors and failed console messages seen so far (a spec can assert there are none). */
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile, no background traffic. */
export const openBrowser = async (env: E2eEnv): Promise<Browser> => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  fs.mkdirSync(env.artifacts, { recursive: true });
  return {
    context,
    page,
    problems,
    screenshot: async (name) => {
      const file = path.join(env.artifacts, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
};

/** A development token from the local IMS stand-in, for calling actions directly in a spec. */
export const devCredentials = async (env: E2eEnv): Promise<{ token: string; orgId: string }> => {
  const config = (await (await fetch(`${env.baseUrl}/config.json`)).json()) as {
    ims: { tokenUrl: string; orgId: string };
  };
  const issued = (await (await fetch(config.ims.tokenUrl, { method: 'POST' })).json()) as { access_token: string };
  return { token: issued.access_token, orgId: config.ims.orgId };
};

/** Calls a web action as the admin UI does. */
export const callAction = async <T>(
  env: E2eEnv,
  action: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<{ status: number; body: T }> => {
  const { token, orgId } = await devCredentials(env);
  const response = await fetch(`${env.baseUrl}/api/v1/web/${action}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'x-gw-ims-org-id': orgId, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as T };
};

/** Polls `check` until it holds (UI state that has no single element to wait for). */
export const waitUntil = async (check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
};

/** Calls an emulator's out-of-band control API (`/__control/...`): GET without a body, POST with one. */
export const emulatorControl = async <T = Record<string, unknown>>(
  base: string,
  path: string,
  body?: unknown,
): Promise<T> => {
  const response = await fetch(`${base}/__control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
};
