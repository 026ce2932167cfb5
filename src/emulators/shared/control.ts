/**
 * Out-of-band control API under /__control (seed, clock, faults, logs). Shared routes plus emulator-specific ones.
 *
 * Usage:
 *   const control = new ControlApi();
 *   registerCommonControlRoutes(control, { clock, faults, requestLog, violations });
 *   control.route('POST', '/seed', async ({ body }) => { seed(body); return { status: 201, body: { ok: true } }; });
 *   // in the server handler:
 *   if (await control.handle(req, res)) return;        // true when the path starts with /__control
 *
 * Handlers return { status?, body?, headers? } (status 200 by default) or throw:
 * a plain Error becomes 400 { error: message }, an HttpError keeps its status.
 * Common routes: GET /clock, POST /clock/advance {ms|seconds|minutes|hours|to}, POST /clock/speed {speedUp},
 * GET|POST|DELETE /faults, DELETE /faults/{id}, GET|DELETE /requests (?operation=&limit=), GET|DELETE /violations.
 */
import type http from 'node:http';
import type { EmulatorClock } from './clock';
import type { FaultInjector } from './faults';
import { HttpError, parseJsonBody, readBody, sendJson } from './http';
import type { RequestLog, ViolationLog } from './request-log';
import { Router } from './router';

export interface ControlRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ControlResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ControlHandler = (req: ControlRequest) => Promise<ControlResponse> | ControlResponse;

export class ControlApi {
  private readonly router = new Router<ControlHandler>();

  constructor(readonly prefix = '/__control') {}

  route(method: string, subpath: string, handler: ControlHandler): this {
    this.router.add(method, this.prefix + subpath, handler);
    return this;
  }

  /** Invokes a route in-process (used by the emulators' programmatic `control` objects). */
  async call(method: string, subpath: string, body?: unknown): Promise<ControlResponse> {
    const url = new URL(this.prefix + subpath, 'http://control');
    const m = this.router.match(method, url.pathname);
    if (!m) throw new HttpError(404, `no control route ${method} ${subpath}`);
    return m.value({ method, path: url.pathname, params: m.params, query: url.searchParams, body });
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://control');
    if (!url.pathname.startsWith(this.prefix)) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    const m = this.router.match(method, url.pathname);
    if (!m) {
      const allowed = this.router.allowedMethods(url.pathname);
      sendJson(res, allowed.length ? 405 : 404, { error: `no control route ${method} ${url.pathname}`, allowed });
      return true;
    }
    try {
      const body = parseJsonBody(await readBody(req));
      const out = await m.value({ method, path: url.pathname, params: m.params, query: url.searchParams, body });
      sendJson(res, out.status ?? 200, out.body ?? { ok: true }, out.headers);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 400;
      sendJson(res, status, { error: (err as Error).message });
    }
    return true;
  }
}

/** Milliseconds from a body like { ms } | { seconds } | { minutes } | { hours } | { days }. */
export function durationFromBody(body: unknown): number {
  const b = (body ?? {}) as Record<string, unknown>;
  const units: Record<string, number> = { ms: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
  let total = 0;
  let seen = false;
  for (const [k, factor] of Object.entries(units)) {
    if (b[k] === undefined) continue;
    const v = Number(b[k]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`${k} must be a non-negative number`);
    total += v * factor;
    seen = true;
  }
  if (!seen) throw new Error('give one of ms, seconds, minutes, hours, days (or to: ISO time)');
  return total;
}

export function registerCommonControlRoutes(
  api: ControlApi,
  deps: { clock: EmulatorClock; faults: FaultInjector; requestLog: RequestLog; violations: ViolationLog },
): void {
  const { clock, faults, requestLog, violations } = deps;
  const clockView = () => ({ now: clock.iso(), epochMs: clock.now(), speedUp: clock.getSpeedUp() });
  api.route('GET', '/clock', () => ({ body: clockView() }));
  api.route('POST', '/clock/advance', ({ body }) => {
    const to = (body as { to?: string } | undefined)?.to;
    if (to !== undefined) {
      const target = Date.parse(to);
      if (Number.isNaN(target)) throw new Error('to must be an ISO date-time');
      if (target < clock.now()) throw new Error('to is in the past: the clock cannot go backwards');
      clock.advanceTo(target);
    } else clock.advance(durationFromBody(body));
    return { body: clockView() };
  });
  api.route('POST', '/clock/speed', ({ body }) => {
    clock.setSpeedUp(Number((body as { speedUp?: unknown } | undefined)?.speedUp));
    return { body: clockView() };
  });
  api.route('GET', '/faults', () => ({ body: { faults: faults.list() } }));
  api.route('POST', '/faults', ({ body }) => {
    const rules = Array.isArray(body) ? body : [body];
    return { status: 201, body: { faults: rules.map((r) => faults.add(r)) } };
  });
  api.route('DELETE', '/faults', () => {
    faults.clear();
    return { body: { faults: [] } };
  });
  api.route('DELETE', '/faults/{id}', ({ params }) => {
    if (!faults.remove(params.id)) throw new HttpError(404, `no fault ${params.id}`);
    return { body: { removed: params.id } };
  });
  api.route('GET', '/requests', ({ query }) => ({
    body: {
      requests: requestLog.list({
        operation: query.get('operation') ?? undefined,
        limit: query.get('limit') ? Number(query.get('limit')) : undefined,
        sinceSeq: query.get('sinceSeq') ? Number(query.get('sinceSeq')) : undefined,
      }),
    },
  }));
  api.route('DELETE', '/requests', () => {
    requestLog.clear();
    return { body: { requests: [] } };
  });
  api.route('GET', '/violations', () => ({ body: { violations: violations.list() } }));
  api.route('DELETE', '/violations', () => {
    violations.clear();
    return { body: { violations: [] } };
  });
}
