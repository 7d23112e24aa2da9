// Starts `mentora serve --demo` on a free port in a fresh data folder, and stops it after.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const binary = resolve(process.env.MENTORA_BIN ?? join(__dirname, '..', 'target', 'debug', 'mentora'));
  const dataDir = mkdtempSync(join(tmpdir(), 'mentora-e2e-'));
  const server = spawn(binary, ['serve', '--addr', '127.0.0.1:0', '--demo'], {
    cwd: dataDir,
    // Every browser in the suite logs in from 127.0.0.1: scale the per-address limits up so
    // the journeys never trip them (the limits themselves are tested over HTTP in Rust).
    env: {
      PATH: process.env.PATH ?? '',
      MENTORA_DATA_DIR: dataDir,
      MENTORA_LOG_LEVEL: 'warn',
      MENTORA_RATE_LIMIT_SCALE: '10',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  const url = await new Promise<string>((ok, fail) => {
    const lines = createInterface({ input: server.stdout! });
    const timer = setTimeout(() => fail(new Error('mentora did not become ready in 30 s')), 30_000);
    server.on('exit', (code) => fail(new Error(`mentora exited early with ${code}`)));
    lines.on('line', (line) => {
      const match = line.match(/^Mentora is ready at http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        // localhost, not 127.0.0.1: a secure context for camera, microphone and WebAuthn.
        ok(`http://localhost:${match[1]}`);
      }
    });
  });
  process.env.BASE_URL = url;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
  };
}
