// Starts, inside the test's network namespace: a TURN server (Debian's coturn, REST-API
// credentials from a shared secret), Mentora with no ICE servers (browsers connect
// directly over loopback), and a second Mentora that allows only relayed connections
// through that TURN server. Stops them after.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startMentora } from './global-setup';

const turnSecret = 'e2e-turn-secret';
const turnPort = 3478;

function startTurn(): ChildProcess | null {
  const binary = ['/usr/bin/turnserver', '/usr/sbin/turnserver'].find(existsSync);
  if (!binary) return null;
  return spawn(binary, [
    '-n', '--no-cli', '--no-tls', '--no-dtls', '--fingerprint',
    '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${turnPort}`,
    '--min-port=49160', '--max-port=49200',
    '--use-auth-secret', `--static-auth-secret=${turnSecret}`, '--realm=mentora.test',
    // The relay and the browsers share loopback here.
    '--allow-loopback-peers', '--cli-password=unused', '--log-file=stdout', '--simple-log',
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export default async function roomSetup(): Promise<() => Promise<void>> {
  const direct = await startMentora({});
  process.env.BASE_URL = direct.url;
  const turn = startTurn();
  let relayed: Awaited<ReturnType<typeof startMentora>> | null = null;
  if (turn) {
    relayed = await startMentora({
      MENTORA_ICE_SERVERS: `turn:127.0.0.1:${turnPort}?transport=udp`,
      MENTORA_TURN_SECRET: turnSecret,
      MENTORA_ICE_TRANSPORT_POLICY: 'relay',
    });
    process.env.RELAYED_BASE_URL = relayed.url;
  }
  return async () => {
    for (const { server } of [direct, ...(relayed ? [relayed] : [])]) {
      server.kill('SIGTERM');
      await new Promise((done) => server.once('exit', done));
    }
    turn?.kill('SIGTERM');
  };
}
