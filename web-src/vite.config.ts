import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Admin UI build. Vite 8 transforms TSX with oxc, so no React plugin is needed; the automatic runtime
 * means components never import React just for JSX. `base: './'` keeps asset URLs relative, because the
 * same bundle is served from the local runtime's root and from the App Builder CDN under a path.
 */
export default defineConfig({
  root: webRoot,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
