import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';

// The engine answers /api; in production it also serves dist/ with an SPA fallback.
const engineUrl = process.env.FORMWORK_ENGINE_URL ?? 'http://localhost:3000';

// Keep the browser's Host so that the engine's cookies and CSRF/origin checks see the web origin.
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: engineUrl, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // `source` first: workspace packages (@formwork/*) resolve to their TypeScript sources.
    conditions: ['source', ...defaultClientConditions],
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
