/**
 * 一网通办 citizen pages in a real browser, each step checked through the API: a citizen opens a
 * demo item's 办事指南, 申请办理 answers the situation question, sees the material list, fills the
 * form, uploads the application form, saves a draft and submits; the case is in 我的办件. The window
 * (clerk, through the API) asks for a 补正; the citizen uploads the material again and resubmits on
 * the case page. Then the case is accepted, decided and delivered (API) and the citizen rates it.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { idCardCheckChar } from '../src/modules/services/cases/applicant';
import { announceBrowserSkip, browserSuite, pageApi, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (government services: apply, my cases, correction)');

const ID_NO = `44060219900101123${idCardCheckChar('44060219900101123')}`;
const PHONE = '13912345678';
/** The smallest file the upload route takes as a PDF (it sniffs `%PDF-`). */
const pdf = (text: string) => ({
  name: `${text}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`),
});

describe.skipIf(skip)(
  'browser: 申请办理, 我的办件, 补正 and 好差评 (citizen)',
  { ...BROWSER_SUITE, timeout: 120_000 },
  () => {
    const suite = browserSuite();
    const as = suite.as;

    const call = (method: string, path: RegExp) => (r: Response) =>
      r.request().method() === method && path.test(new URL(r.url()).pathname);

    /** Clicks, waits for the call it makes, and says what it was when not 2xx. */
    async function act(page: Page, what: string, click: () => Promise<void>, isCall: (r: Response) => boolean) {
      try {
        const answered = page.waitForResponse(isCall, { timeout: 20_000 });
        await click();
        const res = await answered;
        if (res.status() >= 300) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`);
        return res;
      } catch (e) {
        await page.screenshot({ path: `test-results/services-${what}-failed.png` }).catch(() => {});
        throw e;
      }
    }

    async function perform(role: string, id: string, body: Record<string, unknown>) {
      const r = await pageApi(await as(role), 'POST', `/api/services/cases/${id}/actions`, body);
      expect(r.status, `${role} ${String(body.type)}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    }

    let caseId = '';
    let itemId = '';

    it('applies for 无犯罪记录证明 from its guide: situation → materials → form → upload → draft → submit', async () => {
      const citizen = await as('citizen');
      const found = await pageApi(citizen, 'GET', `/api/services/catalogue?q=${encodeURIComponent('无犯罪记录证明')}`);
      const hit = found.body.items.find((h: { name: string }) => h.name === '无犯罪记录证明');
      expect(hit, JSON.stringify(found.body.items.map((h: { name: string }) => h.name))).toBeTruthy();
      itemId = hit.itemId;

      await citizen.goto(`${suite.url}/services/guides/${itemId}`);
      await citizen.getByTestId('guide-apply').click();
      await citizen.waitForURL((u) => u.pathname === `/services/apply/${itemId}`, { timeout: 20_000 });

      // the situation question selects the list: an agent would add the power of attorney
      const question = citizen.getByTestId('apply-question-applicant');
      await question.getByText('委托他人代办').click();
      await citizen.getByTestId('material-power_of_attorney').waitFor({ timeout: 15_000 });
      await question.getByText('本人办理').click();
      await expect.poll(() => citizen.getByTestId('material-power_of_attorney').count(), { timeout: 15_000 }).toBe(0);
      const list = await citizen.getByTestId('apply-materials').innerText();
      expect(list).toContain('申请表');
      expect(list).toContain('电子证照'); // 身份证明 comes from the electronic licence: no upload

      // the name comes from the account and cannot be typed over
      expect(await citizen.getByTestId('apply-name').inputValue()).toBe('张市民');
      expect(await citizen.getByTestId('apply-name').getAttribute('readonly')).not.toBeNull();
      await citizen.getByTestId('apply-idno').fill(ID_NO);
      await citizen.getByTestId('apply-phone').fill(PHONE);
      await citizen.getByTestId('apply-reason').fill('办理入职手续需要无犯罪记录证明');
      await citizen.getByTestId('apply-address').fill('桂城街道南海大道北 1 号');

      // every material the applicant brings has its upload (申请表 is m01)
      const inputs = citizen.locator('input[type=file][data-testid^="upload-"]');
      const keys = await inputs.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(7)));
      expect(keys).toContain('m01');
      for (const key of keys) {
        await act(
          citizen,
          `upload-${key}`,
          () => citizen.getByTestId(`upload-${key}`).setInputFiles(pdf(key === 'm01' ? '申请表' : key)),
          call('POST', /^\/api\/files$/),
        );
        await citizen.getByTestId(`file-${key}`).waitFor({ timeout: 15_000 });
      }

      const created = await act(
        citizen,
        'save-draft',
        () => citizen.getByTestId('apply-save').click(),
        call('POST', /^\/api\/services\/cases$/),
      );
      const draft = await created.json();
      caseId = draft.id;
      expect(draft).toMatchObject({ state: 'draft', channel: 'online', situation: { applicant: ['self'] } });
      expect(draft.form.reason).toBe('办理入职手续需要无犯罪记录证明');
      const attachments = JSON.parse(draft.form.attachments);
      expect(attachments.m01).toHaveLength(1);
      // the uploaded file is the citizen's and can be read back
      const file = await citizen.evaluate(
        async (id) => (await fetch(`/api/files/${id}`)).text(),
        attachments.m01[0].id as string,
      );
      expect(file).toContain('%PDF-');
      await citizen.waitForURL((u) => u.searchParams.get('case') === caseId, { timeout: 10_000 });

      await act(
        citizen,
        'submit',
        () => citizen.getByTestId('apply-submit').click(),
        call('POST', new RegExp(`^/api/services/cases/${caseId}/actions$`)),
      );
      await citizen.waitForURL((u) => u.pathname === `/services/cases/${caseId}`, { timeout: 20_000 });
      const after = (await pageApi(citizen, 'GET', `/api/services/cases/${caseId}`)).body;
      expect(['submitted', 'pre_review']).toContain(after.state);
      expect(after.number).toMatch(/^[A-Z]{2,6}\d+/);
      expect(await citizen.getByTestId('case-state').innerText()).toBe(after.stateLabel);
      expect(after.steps.map((s: { action: string }) => s.action)).toEqual([
        'create',
        after.state === 'submitted' ? 'submit' : 'request_pre_review',
      ]);

      // 我的办件 lists it with its number and state
      await citizen.goto(`${suite.url}/services/mine`);
      const row = citizen.getByTestId(`my-case-${caseId}`);
      await row.waitFor({ timeout: 20_000 });
      expect(await row.innerText()).toBe(after.number);
      expect(await citizen.getByTestId(`my-case-state-${caseId}`).innerText()).toBe(after.stateLabel);
    });

    it('补正: the window asks for the form again; the citizen uploads it and resubmits on the case page', async () => {
      expect(caseId).not.toBe('');
      const citizen = await as('citizen');
      const now = (await pageApi(citizen, 'GET', `/api/services/cases/${caseId}`)).body;
      if (now.state === 'pre_review') await perform('clerk', caseId, { type: 'pass_pre_review' });
      const noticed = await perform('clerk', caseId, {
        type: 'request_correction',
        items: [{ materialId: 'm01', name: '申请表', problem: '申请表缺少申请人签字' }],
      });
      expect(noticed.state).toBe('awaiting_correction');

      await citizen.goto(`${suite.url}/services/cases/${caseId}`);
      const card = citizen.getByTestId('correction-card');
      await card.waitFor({ timeout: 20_000 });
      expect(await card.innerText()).toContain('申请表缺少申请人签字');
      expect(await citizen.getByTestId('case-state').innerText()).toBe('待补正');

      await act(
        citizen,
        'upload-correction',
        () => citizen.getByTestId('upload-m01').setInputFiles(pdf('申请表-已签字')),
        call('POST', /^\/api\/files$/),
      );
      await citizen.getByTestId('file-m01').waitFor({ timeout: 15_000 });
      await act(
        citizen,
        'supply-correction',
        () => citizen.getByTestId('correction-submit').click(),
        call('POST', new RegExp(`^/api/services/cases/${caseId}/actions$`)),
      );
      await expect
        .poll(() => citizen.getByTestId('case-state').innerText(), { timeout: 15_000 })
        .toBe('已提交（待受理）');
      expect(await citizen.getByTestId('correction-card').count()).toBe(0);

      const back = (await pageApi(await as('clerk'), 'GET', `/api/services/cases/${caseId}`)).body;
      expect(back.state).toBe('submitted');
      expect(back.corrections[0].suppliedAt).not.toBeNull();
      expect(back.materials.find((m: { id: string }) => m.id === 'm01').status).toBe('provided');
      const supplied = back.steps.find((s: { action: string }) => s.action === 'supply_correction');
      expect(supplied.comment).toContain('申请表-已签字.pdf');
      expect(back.pauses).toHaveLength(1);
    });

    it('好差评: once accepted, decided and delivered (API), the citizen rates the case on its page', async () => {
      expect(caseId).not.toBe('');
      await perform('clerk', caseId, { type: 'accept' });
      let c = (await pageApi(await as('admin'), 'GET', `/api/services/cases/${caseId}`)).body;
      for (let i = 0; i < 5 && c.actions.includes('pass_step'); i++)
        c = await perform('admin', caseId, { type: 'pass_step', opinion: '符合条件' });
      await perform('admin', caseId, { type: 'decide', outcome: 'granted', text: '准予出具无犯罪记录证明' });
      await perform('clerk', caseId, {
        type: 'deliver',
        method: 'window',
        recipient: { kind: 'applicant', name: '张市民', proof: 'id_card' },
      });

      const citizen = await as('citizen');
      await citizen.goto(`${suite.url}/services/cases/${caseId}`);
      await citizen.getByTestId('rate-card').waitFor({ timeout: 20_000 });
      expect(await citizen.getByTestId('case-clocks').innerText()).toContain('承诺时限');
      await citizen.getByTestId('rate-level').getByText('非常满意').click();
      await citizen.getByTestId('rate-comment').fill('网上办理很方便');
      await act(
        citizen,
        'rate',
        () => citizen.getByTestId('rate-submit').click(),
        call('POST', new RegExp(`^/api/services/cases/${caseId}/actions$`)),
      );
      await expect.poll(() => citizen.getByTestId('case-state').innerText(), { timeout: 15_000 }).toBe('已评价');
      const rated = (await pageApi(citizen, 'GET', `/api/services/cases/${caseId}`)).body;
      expect(rated.state).toBe('rated');
      expect(rated.steps.at(-1)).toMatchObject({ action: 'rate', comment: '网上办理很方便' });
    });
  },
);
