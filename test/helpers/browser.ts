import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { childEnv, freePort, killIfRunning, ROOT, spawnNode, type Child } from './child';
import { sayOnce } from './env';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `Debian's chromium is not installed at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`;
  return null;
}

export function announceBrowserSkip(suite: string): boolean {
  const why = browserSkipReason();
  if (why) sayOnce(`[skip] ${suite}: ${why}`);
  return why !== null;
}

/** A real `yiwang start` (the web UI built if stale, like `npm start`) on free ports and a fresh data dir. */
export interface RunningServer {
  url: string;
  child: Child;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startRealServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-browser-'));
  const port = await freePort();
  const mqttPort = await freePort();
  const child = spawnNode([join(ROOT, 'bin', 'yiwang.mjs'), 'start'], {
    env: childEnv({ DATA_DIR: dataDir, PORT: String(port), MQTT_PORT: String(mqttPort), LOG_LEVEL: 'warn', ...env }),
  });
  await child.waitFor(/is running at/, 240_000);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    dataDir,
    async stop() {
      child.proc.kill('SIGINT');
      await child.exited(20_000).catch(() => killIfRunning(child));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function loginAs(page: Page, baseUrl: string, username: string, password = 'yiwang-demo'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
}
