import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { childEnv, freePort, killIfRunning, ROOT, spawnNode, type Child } from './child';
import { sayOnce } from './env';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM))
    return `Debian's chromium is not installed at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`;
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
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
    encoding: 'utf8',
  });
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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function loginAs(page: Page, baseUrl: string, username: string, password = 'yiwang-demo'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
}

/** The JSON API from inside a logged-in page (the same cookie and CSRF token as the UI uses). */
export async function pageApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

/** One logged-in page per demo user, made on first use (zh-CN, desktop size); `close()` ends them all. */
export function roleSessions(browser: () => Browser, baseUrl: () => string) {
  const sessions = new Map<string, { context: BrowserContext; page: Page }>();
  return {
    async as(role: string): Promise<Page> {
      let s = sessions.get(role);
      if (!s) {
        const context = await browser().newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await loginAs(page, baseUrl(), role);
        sessions.set(role, (s = { context, page }));
      }
      return s.page;
    },
    async close(): Promise<void> {
      for (const s of sessions.values()) await s.context.close().catch(() => {});
    },
  };
}
