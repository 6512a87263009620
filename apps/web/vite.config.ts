import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin, type ProxyOptions } from 'vite';

// The engine answers /api; in production it also serves dist/ with an SPA fallback.
const engineUrl = process.env.FORMWORK_ENGINE_URL ?? 'http://localhost:3000';

// Keep the browser's Host so that the engine's cookies and CSRF/origin checks see the web origin.
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: engineUrl, changeOrigin: false },
};

const entry = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** In development, /f/<share token> gets the public form entry, as the engine does in production. */
function publicFormPages(): Plugin {
  return {
    name: 'formwork-public-form-pages',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url?.startsWith('/f/')) request.url = '/public.html';
        next();
      });
    },
  };
}

const LAZY_MARKDOWN = '\0formwork-lazy-markdown';

/**
 * @rjsf/core imports markdown-to-jsx (a third of its weight) for what our forms never ask for:
 * descriptions with `enableMarkdownIn…` and its error screens. Both entries get a stand-in that
 * loads the real component on first use, so the public page stays light.
 */
function lazyMarkdown(): Plugin {
  let realPath = '';
  return {
    name: 'formwork-lazy-markdown',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'markdown-to-jsx/react' || importer === LAZY_MARKDOWN) return null;
      const real = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!real) return null;
      realPath = real.id;
      return LAZY_MARKDOWN;
    },
    load(id) {
      if (id !== LAZY_MARKDOWN) return null;
      return `import { createElement, lazy, Suspense } from 'react';
const Loaded = lazy(() => import(${JSON.stringify(realPath)}).then((module) => ({ default: module.Markdown })));
export function Markdown(props) {
  return createElement(Suspense, { fallback: props.children }, createElement(Loaded, props));
}`;
    },
  };
}

export default defineConfig({
  plugins: [react(), publicFormPages(), lazyMarkdown()],
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
    // scripts/public-bundle-size.mjs follows the public entry's static imports through it.
    manifest: true,
    rollupOptions: {
      // Two entries: the app, and the light public form page customers open on their phones.
      input: { main: entry('./index.html'), public: entry('./public.html') },
    },
  },
});
