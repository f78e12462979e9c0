// Vite build of the public web client: root web/, output web/dist (served by the API server with SPA fallback).
import { defineConfig, type Plugin } from 'vite';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ isSsrBuild }) => ({
  root,
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  resolve: {
    // The source is written against React's API and types; the bundle uses Preact's compat layer
    // (about 4x smaller than react + react-dom), which keeps the schedule page's JS budget.
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
    ],
  },
  // The server renderer (`vite build --ssr`) is one self-contained file the API server imports.
  ssr: { noExternal: true },
  build: isSsrBuild
    ? {
        outDir: fileURLToPath(new URL('./dist-ssr', import.meta.url)),
        emptyOutDir: true,
        target: 'node20',
        copyPublicDir: false,
        rolldownOptions: { input: 'src/entry-server.tsx', output: { codeSplitting: false } },
      }
    : {
        outDir: fileURLToPath(new URL('./dist', import.meta.url)),
        emptyOutDir: true,
        target: 'es2022',
        // .vite/manifest.json: the server links a rendered page's own scripts and styles from its head.
        manifest: true,
        // Pages are split per route; the budget is the schedule page's total, checked by bench/web.ts.
        chunkSizeWarningLimit: 250,
      },
  server: {
    // `npm run dev:web` talks to a running `seminar serve` on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
}));

/**
 * Writes .br and .gz beside each built script and stylesheet, so a static server with
 * pre-compressed support (@fastify/static `preCompressed`) sends them without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'seminar-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = join(options.dir ?? '', 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = join(dir, name);
        const data = readFileSync(file);
        writeFileSync(file + '.gz', gzipSync(data, { level: 9 }));
        writeFileSync(
          file + '.br',
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
