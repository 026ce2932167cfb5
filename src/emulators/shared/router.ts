/**
 * A tiny path-template router: `{name}` segments capture one URI-decoded path segment.
 *
 * Usage:
 *   const r = new Router<Handler>();
 *   r.add('GET', '/listings/2021-08-01/items/{sellerId}/{sku}', handler);
 *   const m = r.match('GET', '/listings/2021-08-01/items/S1/A%2FB'); // { value, params: { sellerId:'S1', sku:'A/B' }, template }
 *   m === undefined → 404; r.allowedMethods(path) lists methods for a 405.
 * When several templates match, the one with more literal segments wins (`/items/offers` beats `/items/{asin}`).
 */
export interface RouteMatch<T> {
  value: T;
  params: Record<string, string>;
  template: string;
  method: string;
}

interface Route<T> {
  method: string;
  template: string;
  segments: string[];
  literals: number;
  value: T;
}

const split = (path: string): string[] => path.split('/').filter((s) => s.length > 0);

export class Router<T> {
  private readonly routes: Route<T>[] = [];

  add(method: string, template: string, value: T): this {
    const segments = split(template);
    this.routes.push({
      method: method.toUpperCase(),
      template,
      segments,
      literals: segments.filter((s) => !/^\{.+\}$/.test(s)).length,
      value,
    });
    return this;
  }

  private matchRoute(route: Route<T>, parts: string[]): Record<string, string> | undefined {
    if (route.segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i];
      const cap = /^\{(.+)\}$/.exec(seg);
      if (cap) {
        try {
          params[cap[1]] = decodeURIComponent(parts[i]);
        } catch {
          params[cap[1]] = parts[i];
        }
      } else if (seg !== parts[i]) return undefined;
    }
    return params;
  }

  match(method: string, path: string): RouteMatch<T> | undefined {
    const parts = split(path);
    let best: RouteMatch<T> | undefined;
    let bestLiterals = -1;
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = this.matchRoute(route, parts);
      if (params && route.literals > bestLiterals) {
        best = { value: route.value, params, template: route.template, method: route.method };
        bestLiterals = route.literals;
      }
    }
    return best;
  }

  allowedMethods(path: string): string[] {
    const parts = split(path);
    return [...new Set(this.routes.filter((r) => this.matchRoute(r, parts)).map((r) => r.method))];
  }
}
