// The session room's browser tests: two Chromium contexts with fake cameras meet over
// WebRTC. Chromium offers no loopback ICE candidates on a normal machine, so
// scripts/test runs this suite inside a network namespace it makes (`unshare -n`, as
// root) where loopback is the only network, with `--allow-loopback-in-peer-connection`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: 'room.netns.ts',
  globalSetup: './room-setup.ts',
  outputDir: './test-results-room',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: 'artifacts/room-results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        '--allow-loopback-in-peer-connection',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
