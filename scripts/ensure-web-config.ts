/**
 * `aio app build` writes web-src/src/config.json (the deployed action URLs) before it bundles the UI, and the UI
 * imports it statically — the one form both aio's Parcel build and our Vite build understand. Locally there is no
 * such file, so this writes an empty one; the UI then asks the local runtime for /config.json instead.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = join(__dirname, '..', 'web-src', 'src', 'config.json');
if (!existsSync(target)) writeFileSync(target, '{}\n');
