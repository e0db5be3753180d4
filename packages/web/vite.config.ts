import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `npm run build` writes dist/ (index.html + hashed assets under /assets). `npm run dev` serves
 * the UI with /api proxied to a running server: SIGHTLINE_API=http://127.0.0.1:8099 npm run dev.
 */
export default defineConfig({
  // Absolute asset URLs: deep links (/traces/abc) load them without a speculative 404.
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: process.env.SIGHTLINE_API ?? 'http://127.0.0.1:8080', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
});
