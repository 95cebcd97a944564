/**
 * The web UI's production build: `vite build --config web/vite.config.ts` writes `web/dist`, which
 * the server serves (src/server/routes/web.routes.ts). No dev server is needed to run Switchboard;
 * `vite --config web/vite.config.ts` proxies /api to a server on :8080 while working on the UI.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
