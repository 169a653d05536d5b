import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { childEnv, freePort, killIfRunning, ROOT, spawnNode, type Child } from './child';
import { sayOnce } from './env';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Options every browser suite runs with. A test that fails is run again, up to twice: on a loaded CI machine
 * a click can land while antd is still animating, which no single wait rules out. Vitest prints each retry,
 * so a test that only passes on its second try still shows in the report.
 */
export const BROWSER_SUITE = { retry: 2 } as const;

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

/**
 * Chooses the option of an antd Select whose text holds `text`, and returns once the select shows it
 * and its list has closed. Under load a click can land while the list is still sliding in and leave it
 * open over the buttons below, so it tries again (closing a stuck list with Escape) until the deadline.
 */
export async function chooseOption(page: Page, select: Locator, text: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const openList = page.locator('.ant-select-dropdown:visible');
  for (;;) {
    try {
      if ((await openList.count()) === 0) await select.click({ timeout: 5_000 });
      await openList.locator('.ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 5_000 });
      await openList.first().waitFor({ state: 'hidden', timeout: 3_000 });
    } catch {
      if ((await openList.count()) > 0) await page.keyboard.press('Escape');
    }
    // the test id may sit on the select's root or on its input: read the root's text either way
    const root = select.locator(
      'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
    );
    const shown = await root.innerText().catch(() => '');
    if ((await openList.count()) === 0 && shown.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`could not choose "${text}" (the select shows: ${shown})`);
  }
}

/** The JSON API from inside a logged-in page (the same cookie and CSRF token as the UI uses). */
/**
 * Opens an antd Popconfirm with `trigger`, presses its OK button and returns the response it sends. On a
 * loaded machine a press can land while the popover is still zooming in and be lost: the popover then stays
 * open, so it is pressed again. Once it closes, the press went through and only the response is awaited.
 */
export async function confirmPopover(
  page: Page,
  trigger: Locator,
  isRequest: (r: Response) => boolean,
  tries = 4,
): Promise<Response> {
  const answered = page.waitForResponse(isRequest, { timeout: 60_000 });
  const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  await trigger.click();
  for (let attempt = 1; attempt <= tries; attempt++) {
    const ok = open.locator('.ant-btn-primary');
    await ok.waitFor({ state: 'visible', timeout: 10_000 });
    await ok.click();
    const closed = await open
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) break;
  }
  return answered;
}

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
  const clicks = new Map<string, number>();
  return {
    async as(role: string): Promise<Page> {
      let s = sessions.get(role);
      if (!s) {
        const context = await browser().newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        // every click a person makes (trusted events only), counted per role for the click budgets
        await context.exposeBinding('__yiwangClick', () => clicks.set(role, (clicks.get(role) ?? 0) + 1));
        await context.addInitScript(() =>
          document.addEventListener(
            'click',
            (e) => {
              if (e.isTrusted) (window as unknown as { __yiwangClick(): void }).__yiwangClick();
            },
            true,
          ),
        );
        const page = await context.newPage();
        await loginAs(page, baseUrl(), role);
        sessions.set(role, (s = { context, page }));
        clicks.set(role, 0); // the login is not part of any path measured
      }
      return s.page;
    },
    /** Clicks made by this role's page since it logged in. */
    clicks(role: string): number {
      return clicks.get(role) ?? 0;
    },
    async close(): Promise<void> {
      for (const s of sessions.values()) await s.context.close().catch(() => {});
    },
  };
}

/**
 * A real server and a browser for one describe block: started before its tests (before the
 * block's own beforeAll hooks, which run after this one), closed after them.
 */
export function browserSuite(env: () => Record<string, string> = () => ({})) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions = roleSessions(
    () => browser!,
    () => server!.url,
  );
  beforeAll(async () => {
    server = await startRealServer(env());
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await sessions.close();
    await browser?.close();
    await server?.stop();
  });
  return {
    get server(): RunningServer {
      return server!;
    },
    get browser(): Browser {
      return browser!;
    },
    /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
    get url(): string {
      return server!.url;
    },
    as: sessions.as,
    clicks: sessions.clicks,
  };
}

/** The organisations by code, read through a logged-in page. */
export async function orgsByCode(page: Page): Promise<Map<string, { id: string; code: string; name: string }>> {
  const orgs = (await pageApi(page, 'GET', '/api/orgs')).body.items as Array<{
    id: string;
    code: string;
    name: string;
  }>;
  return new Map(orgs.map((o) => [o.code, o]));
}
