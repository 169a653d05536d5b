/**
 * The handler's tools in a real browser: 查看号码 on an order the unit is handling (number and a
 * tel: link), 提交办结 with a 常用语 (placeholders filled) and a 处置后照片 that the detail then shows
 * beside the citizen's; the admin's 常用语 tab lists the demo phrases.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { announceBrowserSkip, browserSuite, pageApi, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (handler tools)');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

describe.skipIf(skip)('browser: handler tools', BROWSER_SUITE, () => {
  const suite = browserSuite();
  const as = suite.as;

  it('reveals the number, replies with a phrase and an after-photo', async () => {
    const dispatcher = await suite.as('dispatcher');
    const created = await pageApi(dispatcher, 'POST', '/api/orders', {
      channel: 'hotline',
      description: '小区门口有人占道经营摆摊，影响行人通行',
      address: '桂城街道南海大道100号',
      categoryCode: '010101',
      reporter: { name: '王小明', phone: '13812345678' },
    });
    expect(created.status).toBe(201);
    const { id, number } = created.body.order as { id: string; number: string };
    const page = await suite.as('handler');
    expect((await pageApi(page, 'POST', `/api/orders/${id}/actions`, { type: 'sign' })).status).toBe(200);

    await page.goto(`${suite.url}/orders/${id}`);
    await page.getByTestId('reveal-pii').click({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('citizen-phone').textContent()).toContain('13812345678');
    expect(await page.getByTestId('citizen-call').getAttribute('href')).toBe('tel:13812345678');

    await page.getByTestId('action-submit_reply').click();
    await page.getByTestId('action-confirm').waitFor({ state: 'visible', timeout: 10_000 });
    // pick the phrase; under load a click can land while the list is still sliding in, so try again until it is in
    const reply = page.getByTestId('action-field-reply');
    await expect
      .poll(
        async () => {
          if ((await reply.inputValue()).includes(`工单号${number}`)) return reply.inputValue();
          if ((await page.locator('.ant-select-dropdown:visible').count()) === 0)
            await page.getByTestId('phrase-picker-reply').click({ timeout: 5_000 });
          await page
            .locator('.ant-select-dropdown:visible .ant-select-item-option')
            .filter({ hasText: '{工单号}' })
            .first()
            .click({ timeout: 5_000 })
            .catch(() => undefined);
          return reply.inputValue();
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toContain(`工单号${number}`);
    expect(await page.getByTestId('action-field-reply').inputValue()).toContain('南海大道100号');

    const dir = mkdtempSync(join(tmpdir(), 'yiwang-photo-'));
    const file = join(dir, '处置后.png');
    writeFileSync(file, PNG);
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/files', { timeout: 15_000 });
    await page.getByTestId('reply-photos').locator('input[type=file]').setInputFiles(file);
    expect((await uploaded).status()).toBe(201);
    const answered = page.waitForResponse((r) => /\/api\/orders\/[^/]+\/actions$/.test(new URL(r.url()).pathname), {
      timeout: 15_000,
    });
    await page.getByTestId('action-confirm').click();
    const res = await answered;
    expect(res.status(), await res.text()).toBe(200);
    await page.getByTestId('order-after-photos').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.getByTestId('order-after-photos').locator('img').count()).toBe(1);
    expect(await page.getByTestId('order-photos').textContent()).toContain('处置前照片');
    // the step in the timeline carries the photo too, and the number is no longer revealable
    expect(await page.getByTestId('order-timeline').locator('img').count()).toBe(1);
    await page.reload();
    await page.getByTestId('order-citizen').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('reveal-pii').count()).toBe(0);
  }, 120_000);

  it('the admin’s 常用语 tab lists the phrases of each purpose', async () => {
    const page = await suite.as('admin');
    await page.goto(`${suite.url}/admin/orders?tab=phrases`);
    await page.getByTestId('oadmin-phrase-0').waitFor({ timeout: 20_000 });
    expect(
      await page.locator('[data-testid^="oadmin-phrase-"]:not([data-testid^="oadmin-phrases"])').count(),
    ).toBeGreaterThan(2);
    await page.getByTestId('oadmin-phrases-purpose').getByText('退单理由').click();
    await expect
      .poll(() => page.getByTestId('oadmin-phrase-0').locator('textarea').inputValue(), { timeout: 10_000 })
      .toContain('不属于本单位职责');
  }, 60_000);
});
