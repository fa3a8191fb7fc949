/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: false },
  test: {
    include: [
      'engine/**/*.test.ts',
      'cli/**/*.test.ts',
      'src/**/*.test.ts',
      'lessons/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
  },
});
