import { defineConfig } from 'vitest/config';

// Three kinds of tests: unit (in-process, no build needed), cli (spawns the built bin) and e2e
// (tmux, Chromium, poppler). Timeouts are hang guards only, generous enough for a loaded machine.
export default defineConfig({
  test: {
    // CLI and e2e tests wait on processes of their own (the bin, tmux, Chromium): three workers keep two
    // cores busy while one of them waits, and more gained nothing measurable.
    maxWorkers: 3,
    // No test file changes process-wide state (environment, working directory, mocks), so a worker runs
    // file after file without starting afresh: a fresh worker per file cost about 0.4 s of CPU each.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      // Test files directly under test/ are run with the CLI tests until they find their folder.
      { extends: true, test: { name: 'cli', include: ['test/cli/**/*.test.ts', 'test/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
