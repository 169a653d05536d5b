/**
 * The hotline form's address box in a real browser: typing a place name offers 地名库 entries;
 * picking one sets the pin and its community; moving the pin into another community warns that
 * the pin and the address disagree. The community names on the map never overlap.
 */
import { describe, expect, it } from 'vitest';
import { announceBrowserSkip, browserSuite, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (hotline address)');

describe.skipIf(skip)('browser: hotline address from the gazetteer', BROWSER_SUITE, () => {
  const suite = browserSuite();
  const as = suite.as;

  it('pick a place: pin and community set; move the pin to another community: mismatch warning', async () => {
    const page = await suite.as('dispatcher');
    await page.goto(`${suite.url}/orders/new`);
    const address = page.getByTestId('hotline-address');
    await address.click({ timeout: 20_000 });
    await address.pressSequentially('桂城地铁', { delay: 30 });
    await page.getByTestId('address-option-桂城地铁站').click({ timeout: 15_000 });

    await expect
      .poll(async () => page.getByTestId('hotline-point').innerText(), { timeout: 10_000 })
      .toBe('113.160000, 23.038500');
    await expect
      .poll(async () => page.getByTestId('hotline-point-community').innerText(), { timeout: 10_000 })
      .toContain('东二社区');
    expect(await address.inputValue()).toContain('桂城地铁站');
    await page.getByTestId('hotline-picked-place').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('address-community-mismatch').count()).toBe(0);

    // the map is large enough, and its community names do not overlap
    const map = page.getByTestId('hotline-map');
    const box = (await map.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(360);
    const labels = await map.locator('[data-testid="map-area-label"]').evaluateAll((els) =>
      els
        .filter((e) => getComputedStyle(e).visibility === 'visible')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.top, r.right, r.bottom];
        }),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i], labels[j]];
        const overlap = a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
        expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
      }

    // the map centred on the pick (zoom 15, ~4 m a pixel): a click near an edge lands in another community
    await page.waitForTimeout(500);
    const community = () => page.getByTestId('hotline-point-community').innerText();
    const spots = [
      [12, box.height / 2],
      [12, 12],
      [box.width / 2, 12],
      [box.width - 12, 12],
      [box.width - 12, box.height / 2],
      [box.width / 2, box.height - 12],
    ];
    let moved = false;
    for (const [x, y] of spots) {
      const before = await page.getByTestId('hotline-point').innerText();
      await map.click({ position: { x, y } });
      await expect.poll(() => page.getByTestId('hotline-point').innerText(), { timeout: 5_000 }).not.toBe(before);
      await page.waitForTimeout(400); // the pin's community is looked up
      if (!(await community()).includes('东二社区')) {
        moved = true;
        break;
      }
    }
    expect(moved).toBe(true);
    const warning = page.getByTestId('address-community-mismatch');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.innerText()).toContain('东二社区');

    // back in 东二社区 (the place's own spot), the warning goes
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(async () => warning.count(), { timeout: 10_000 }).toBe(0);
  }, 120_000);

  it('the community named in the typed address is checked against the pin as well', async () => {
    const page = await suite.as('dispatcher');
    await page.goto(`${suite.url}/orders/new`);
    const map = page.getByTestId('hotline-map');
    await map.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const community = await (async () => {
      await expect
        .poll(async () => (await page.getByTestId('hotline-point-community').count()) > 0, { timeout: 10_000 })
        .toBe(true);
      return (await page.getByTestId('hotline-point-community').innerText()).split(' · ')[0];
    })();
    const other = community === '叠滘社区' ? '平东社区' : '叠滘社区';
    await page.getByTestId('hotline-address').fill(`${other}某某路5号`);
    await page.keyboard.press('Escape');
    await page.getByTestId('address-community-mismatch').waitFor({ timeout: 10_000 });
    await page.getByTestId('hotline-address').fill(`${community}某某路5号`);
    await expect.poll(async () => page.getByTestId('address-community-mismatch').count(), { timeout: 10_000 }).toBe(0);
  }, 120_000);
});
