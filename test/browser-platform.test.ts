/**
 * A fresh install as a person meets it: `yiwang start` (web UI built, demo data seeded), then every
 * demo role logs in in a real Chromium and sees its own navigation, and the map draws the communities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  announceBrowserSkip,
  launchBrowser,
  loginAs,
  startRealServer,
  type RunningServer,
  BROWSER_SUITE,
} from './helpers/browser';

const skip = announceBrowserSkip('browser suite (platform)');

/** What each role must and must not find in its menu (nav-<key> test ids). */
const MENUS: Record<string, { sees: string[]; hidden: string[] }> = {
  admin: { sees: ['nav-map', 'nav-admin-users', 'nav-admin-api-keys', 'nav-admin-audit'], hidden: [] },
  dispatcher: { sees: ['nav-map'], hidden: ['nav-admin-users', 'nav-admin-api-keys'] },
  handler: { sees: ['nav-map'], hidden: ['nav-admin-users', 'nav-admin-api-keys', 'nav-admin-audit'] },
  clerk: { sees: ['nav-map'], hidden: ['nav-admin-users', 'nav-admin-api-keys'] },
  pilot: { sees: ['nav-map'], hidden: ['nav-admin-users', 'nav-admin-api-keys'] },
  leader: { sees: ['nav-map', 'nav-admin-audit'], hidden: ['nav-admin-users', 'nav-admin-api-keys'] },
  citizen: { sees: ['nav-map'], hidden: ['nav-admin'] },
};

describe.skipIf(skip)('browser: fresh start, every role logs in, the map draws', BROWSER_SUITE, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [role, menu] of Object.entries(MENUS)) {
    it(`${role} logs in and sees the menu of the role`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      try {
        await loginAs(page, server.url, role);
        const me = await page.evaluate(async () => (await fetch('/api/me')).json());
        expect(me.user.username).toBe(role);
        expect(me.user.roles).toContain(role);
        // open the 系统管理 group (when the role has it) so its items are shown; a click on a group
        // that is already open (or still animating) closes it, so look, and click again until shown
        const group = page.getByTestId('nav-admin').first();
        for (const id of menu.sees) {
          const item = page.getByTestId(id).first();
          await item.waitFor({ state: 'attached', timeout: 15_000 });
          for (let i = 0; i < 5 && !(await item.isVisible()); i++) {
            if (await group.count()) await group.click();
            await item.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
          }
          expect(await item.isVisible()).toBe(true);
        }
        for (const id of menu.hidden) expect(await page.getByTestId(id).count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it('the map page draws the communities, grids and places with no internet', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol.startsWith('http')) external.push(r.url());
    });
    try {
      await loginAs(page, server.url, 'dispatcher');
      await page.goto(`${server.url}/map`);
      await page.getByTestId('map').first().waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => document.querySelectorAll('.community-shape').length >= 24, null, {
        timeout: 20_000,
      });
      const communities = await page.locator('.community-shape').count();
      const api = await page.evaluate(async () => (await fetch('/api/geo/communities')).json());
      expect(communities).toBe(api.features.length);
      expect(external).toEqual([]);
      await page.screenshot({ path: 'test-results/map.png' }).catch(() => {});
    } finally {
      await context.close();
    }
  }, 60_000);
});
