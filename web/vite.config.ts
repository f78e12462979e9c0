// Vite build of the public web client: root web/, output web/dist (served by the API server with SPA fallback).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Pages are split per route; the budget is the schedule page's total, checked by bench/web.ts.
    chunkSizeWarningLimit: 250,
  },
  server: {
    // `npm run dev:web` talks to a running `seminar serve` on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
