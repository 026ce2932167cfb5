/**
 * Reads an App Builder app.config.yaml (with its $include files) through Adobe's own loader,
 * @adobe/aio-cli-lib-app-config, so the local runtime and `npm run build` see exactly the actions,
 * alarms and event registrations that `aio app build` / `aio app deploy` would see.
 */
import path from 'node:path';
import { coalesce, load, validate } from '@adobe/aio-cli-lib-app-config';
import { z } from 'zod';

const inputsSchema = z.record(z.string(), z.unknown()).optional();

const actionSchema = z.looseObject({
  function: z.string(),
  web: z.union([z.string(), z.boolean()]).optional(),
  runtime: z.string().optional(),
  inputs: inputsSchema,
  annotations: z.record(z.string(), z.unknown()).optional(),
  limits: z.looseObject({ timeout: z.number().optional() }).optional(),
});

const packageSchema = z.looseObject({
  inputs: inputsSchema,
  actions: z.record(z.string(), actionSchema).optional(),
  triggers: z
    .record(z.string(), z.looseObject({ feed: z.string().optional(), inputs: inputsSchema }).nullable())
    .optional(),
  rules: z.record(z.string(), z.looseObject({ trigger: z.string(), action: z.string() })).optional(),
});

const registrationSchema = z.looseObject({
  description: z.string().optional(),
  events_of_interest: z.array(
    z.looseObject({ provider_metadata: z.string().optional(), event_codes: z.array(z.string()) }),
  ),
  runtime_action: z.string(),
});

/** How an action is exposed over HTTP: 'yes' and 'raw' are web actions, 'no' is not. */
export type WebMode = 'yes' | 'no' | 'raw';

export interface ActionDefinition {
  /** `<package>/<action>`, the name used by rules, registrations and the OpenWhisk API. */
  fullName: string;
  packageName: string;
  actionName: string;
  /** Absolute path of the action's entry file (what webpack bundles, what the dev server requires). */
  functionPath: string;
  web: WebMode;
  requireAdobeAuth: boolean;
  /** `final: true`: inputs cannot be overridden by invocation params. */
  final: boolean;
  /** Package inputs overlaid with action inputs, still unresolved (`$VAR` literals). */
  inputs: Record<string, unknown>;
  timeoutMs?: number;
  /** Which config entry declared it: `application` or an extension point id. */
  configName: string;
}

export interface AlarmDefinition {
  ruleName: string;
  triggerName: string;
  feed: 'interval' | 'alarm' | 'once';
  /** interval: minutes; alarm: cron; once: date. */
  minutes?: number;
  cron?: string;
  date?: string;
  startDate?: string;
  stopDate?: string;
  payload: Record<string, unknown>;
  actionFullName: string;
}

export interface EventRegistration {
  name: string;
  eventCodes: string[];
  actionFullName: string;
}

export interface AppDefinition {
  root: string;
  actions: Map<string, ActionDefinition>;
  alarms: AlarmDefinition[];
  registrations: EventRegistration[];
  /** Absolute path of the web-src folder, when a config entry declares one. */
  webSrc?: string;
}

/** One entry of the config: `application` or one extension, in the loader's output shape. */
interface ConfigEntry {
  name: string;
  packages: Record<string, unknown>;
  registrations: Record<string, unknown>;
  webSrc?: string;
}

function normalizeWeb(value: string | boolean | undefined): WebMode {
  if (value === true || value === 'yes' || value === 'true') return 'yes';
  if (value === 'raw') return 'raw';
  return 'no';
}

function parsePayload(raw: unknown): Record<string, unknown> {
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

function toAlarm(
  ruleName: string,
  triggerName: string,
  trigger: { feed?: string; inputs?: Record<string, unknown> } | null | undefined,
  actionFullName: string,
): AlarmDefinition | undefined {
  const feed = trigger?.feed?.split('/').pop();
  if (feed !== 'interval' && feed !== 'alarm' && feed !== 'once') return undefined;
  const inputs = trigger?.inputs ?? {};
  return {
    ruleName,
    triggerName,
    feed,
    minutes: inputs.minutes === undefined ? undefined : Number(inputs.minutes),
    cron: typeof inputs.cron === 'string' ? inputs.cron : undefined,
    date: typeof inputs.date === 'string' ? inputs.date : undefined,
    startDate: typeof inputs.startDate === 'string' ? inputs.startDate : undefined,
    stopDate: typeof inputs.stopDate === 'string' ? inputs.stopDate : undefined,
    payload: parsePayload(inputs.trigger_payload),
    actionFullName,
  };
}

function qualify(packageName: string, actionRef: string): string {
  // Rules may name `action`, `pkg/action` or `/namespace/pkg/action`.
  const parts = actionRef.split('/').filter(Boolean);
  return parts.length >= 2 ? parts.slice(-2).join('/') : `${packageName}/${actionRef}`;
}

function buildDefinition(root: string, entries: ConfigEntry[]): AppDefinition {
  const app: AppDefinition = { root, actions: new Map(), alarms: [], registrations: [] };
  for (const entry of entries) {
    if (entry.webSrc && !app.webSrc) app.webSrc = entry.webSrc;
    for (const [packageName, rawPackage] of Object.entries(entry.packages)) {
      const pkg = packageSchema.parse(rawPackage ?? {});
      for (const [actionName, action] of Object.entries(pkg.actions ?? {})) {
        const fullName = `${packageName}/${actionName}`;
        if (app.actions.has(fullName)) throw new Error(`action ${fullName} is declared twice in the app config`);
        app.actions.set(fullName, {
          fullName,
          packageName,
          actionName,
          functionPath: path.resolve(root, action.function),
          web: normalizeWeb(action.web),
          requireAdobeAuth: action.annotations?.['require-adobe-auth'] === true,
          final: action.annotations?.final === true,
          inputs: { ...(pkg.inputs ?? {}), ...(action.inputs ?? {}) },
          timeoutMs: action.limits?.timeout,
          configName: entry.name,
        });
      }
      for (const [ruleName, rule] of Object.entries(pkg.rules ?? {})) {
        const alarm = toAlarm(ruleName, rule.trigger, pkg.triggers?.[rule.trigger], qualify(packageName, rule.action));
        if (alarm) app.alarms.push(alarm);
      }
    }
    for (const [name, rawRegistration] of Object.entries(entry.registrations)) {
      const registration = registrationSchema.parse(rawRegistration);
      app.registrations.push({
        name,
        eventCodes: registration.events_of_interest.flatMap((interest) => interest.event_codes),
        actionFullName: registration.runtime_action,
      });
    }
  }
  for (const target of [
    ...app.alarms.map((a) => a.actionFullName),
    ...app.registrations.map((r) => r.actionFullName),
  ]) {
    if (!app.actions.has(target)) throw new Error(`rule or event registration targets unknown action ${target}`);
  }
  return app;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * Loads and validates any app.config.yaml by path (tests use fixture configs), with `$include`s
 * resolved and paths made absolute, exactly as the aio loader does.
 */
export async function readAppConfig(configPath: string): Promise<AppDefinition> {
  const absolute = path.resolve(configPath);
  const { config } = await coalesce(absolute, { absolutePaths: true });
  await validate(config, { throws: true });
  const entries: ConfigEntry[] = [];
  const toEntry = (name: string, raw: unknown): ConfigEntry => {
    const record = asRecord(raw);
    const web = record.web;
    return {
      name,
      packages: asRecord(asRecord(record.runtimeManifest).packages),
      registrations: asRecord(asRecord(record.events).registrations),
      webSrc:
        typeof web === 'string' ? web : typeof asRecord(web).src === 'string' ? String(asRecord(web).src) : undefined,
    };
  };
  if (config.application) entries.push(toEntry('application', config.application));
  for (const [name, ext] of Object.entries(asRecord(config.extensions))) entries.push(toEntry(name, ext));
  return buildDefinition(path.dirname(absolute), entries);
}

/**
 * Loads the project's config with the CLI's own `load()` (which reads ./app.config.yaml from the
 * current directory, validates it against the schema and builds the per-extension configs).
 */
export async function loadProjectAppConfig(): Promise<AppDefinition> {
  const loaded = await load({ ignoreAioConfig: true });
  const entries: ConfigEntry[] = Object.entries(loaded.all).map(([name, single]) => ({
    name,
    packages: asRecord(single.manifest?.full?.packages),
    registrations: asRecord(single.events?.registrations),
    webSrc: single.web?.src,
  }));
  return buildDefinition(loaded.root, entries);
}
