/**
 * Bundles only (webpack-config.cjs aliases `whatwg-url` here): node-fetch 2, inside the aio libraries, imports
 * whatwg-url but uses it only as `Url.URL || whatwgUrl.URL`, and Node's `url.URL` always exists. The real package
 * (with tr46's Unicode tables) is ~300 kB of every action bundle.
 */
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
export default { URL, URLSearchParams };
