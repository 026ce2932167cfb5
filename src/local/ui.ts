/**
 * Serves the admin UI from the local runtime: the Vite build in web-src/dist at `/`, and a generated
 * `/config.json` telling the UI where each web action lives and where to get a local IMS token.
 * Shape (agreed with web-src/src/api/config.ts, documented in docs/local-runtime.md):
 *   { "actions": { "<pkg>/<action>": "<url>", "<action>": "<url>" }, "ims": { "tokenUrl": "...", "orgId": "..." } }
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { AppDefinition } from './app-config';
import { type Logger, sendJson } from './http';

export const IMS_TOKEN_PATH = '/__local/ims/token';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function runtimeConfigJson(app: AppDefinition, baseUrl: string, orgId: string) {
  const actions: Record<string, string> = {};
  for (const action of app.actions.values()) {
    if (action.web === 'no') continue;
    const url = `${baseUrl}/api/v1/web/${action.packageName}/${action.actionName}`;
    actions[action.fullName] = url;
    // The bare name too (aio's config.json uses it for the default package); first declaration wins.
    actions[action.actionName] ??= url;
  }
  return { actions, ims: { tokenUrl: `${baseUrl}${IMS_TOKEN_PATH}`, orgId } };
}

function newestMtime(dir: string, skip: Set<string>): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** True when web-src/dist/index.html is missing or older than any source file in web-src. */
export function uiBuildIsStale(webSrc: string): boolean {
  const built = path.join(webSrc, 'dist', 'index.html');
  if (!fs.existsSync(built)) return true;
  return newestMtime(webSrc, new Set(['dist', 'node_modules', '.vite'])) > fs.statSync(built).mtimeMs;
}

/** Runs `npm run build:web` when the UI build is missing or stale. Resolves false if there is no UI. */
export async function ensureUiBuilt(root: string, webSrc: string, logger: Logger): Promise<boolean> {
  if (!fs.existsSync(path.join(webSrc, 'vite.config.ts'))) {
    logger.warn('admin UI: web-src/vite.config.ts not found, the UI is not served');
    return false;
  }
  if (!uiBuildIsStale(webSrc)) return true;
  logger.info('admin UI: building web-src (npm run build:web) ...');
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build:web'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build:web failed (exit ${code}):\n${output.join('').slice(-4000)}`);
  logger.info(`admin UI: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Serves a file from web-src/dist; unknown extension-less paths fall back to index.html. */
export function serveStatic(res: ServerResponse, distDir: string, pathname: string): void {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  let file = path.resolve(distDir, relative);
  if (!file.startsWith(path.resolve(distDir) + path.sep)) {
    sendJson(res, 403, { error: 'forbidden' });
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(relative)) {
      sendJson(res, 404, { error: `not found: ${pathname}` });
      return;
    }
    file = path.join(distDir, 'index.html');
    if (!fs.existsSync(file)) {
      sendJson(res, 404, { error: 'The admin UI is not built (run npm run build:web).' });
      return;
    }
  }
  const body = fs.readFileSync(file);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  res.end(body);
}
