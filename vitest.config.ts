import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The projects mirror the layers: pure engine maths, feature logic without a DOM, the chain layer against a
// real local node, components in jsdom, and journeys in Chromium. Chain tests start their own node on a free port, so they may run in parallel
// with the others but keep one file at a time to stay gentle on a 2-core machine.
export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ['default', './tests/summaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Feature logic that needs no DOM: view models, field rules, link parameters.
        test: { name: 'features', include: ['tests/features/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'chain',
          include: [
            'tests/chain/**/*.test.ts',
            'tests/devnet/**/*.test.ts',
            'tests/abi/**/*.test.ts',
            'tests/keeper/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 240_000,
          // Each file runs its own chain, build and Chromium: one at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'indexer',
          include: ['tests/indexer/**/*.test.ts'],
          environment: 'node',
          // A long-history chain, PostgreSQL and two or three Ponder processes per file: one file at a time,
          // in the same one-at-a-time run as the chain and e2e files (vitest runs every project without
          // file parallelism in one sequential group), so it never competes with a journey for the cores.
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          // Components in jsdom: the ui kit's and the app's here, each feature's with that feature's tests.
          include: ['tests/ui/**/*.test.tsx', 'tests/features/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
    ],
  },
});
