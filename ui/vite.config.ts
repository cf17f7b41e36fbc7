/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // Tauri serves the built files from its own protocol; relative paths keep
  // them working there and in the dev server alike.
  base: './',
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    target: 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    // One stylesheet file: the CSP allows no inline styles.
    cssCodeSplit: false,
  },
  // Component tests mount Svelte's client build in jsdom.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    // The Rust test host the tests talk to (src/testing), built first.
    globalSetup: ['./vitest.globalSetup.ts'],
    include: ['src/**/*.test.ts'],
    // Tests type into forms with user-event, which takes seconds per test
    // on a loaded 2-core machine; the default 5 s is too tight there.
    testTimeout: 30_000,
  },
}));
