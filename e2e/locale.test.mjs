// The workspace in Chinese for an agent whose interface locale is `zh`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { env, go, hasCjk, open, screenshot, settled, signIn } from './lib.mjs';

const t = env.seed.tickets;

/** The visible text of `selector` (the first match), trimmed. */
const textOf = async (page, selector) => (await page.locator(selector).first().innerText()).trim();

describe('workspace in Chinese (zh agent)', () => {
  let browser, ctx, page, watcher;

  before(async () => {
    ({ browser, ctx, page, watcher } = await open());
  });

  after(async () => {
    await browser?.close();
  });

  it('signs in and gets the inbox in Chinese', async () => {
    await signIn(page, env.zh);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    const nav = await textOf(page, 'nav#nav a[href="/inbox"]');
    assert.ok(hasCjk(nav), `the inbox link is in Chinese: "${nav}"`);
    assert.ok(!/\bInbox\b/.test(nav), `no English left in the nav: "${nav}"`);
    const apply = await textOf(page, 'form#filters #apply');
    assert.ok(hasCjk(apply), `the filter button is in Chinese: "${apply}"`);
    const logout = await textOf(page, 'button#logout');
    assert.ok(hasCjk(logout), `the log-out button is in Chinese: "${logout}"`);
    const heads = await page.locator('table#tickets thead').innerText().catch(() => '');
    assert.ok(hasCjk(heads), `the column heads are in Chinese: "${heads}"`);
    assert.ok(!(await page.locator('nav#nav a[href="/admin"]').count()), 'no admin link for an agent');
    // The Chinese ticket is listed with its subject as written.
    const subject = await textOf(page, `tr.ticket[data-id="${t.zh}"] a.subject`);
    assert.ok(subject.includes(env.seed.zh_subject_start), `subject: "${subject}"`);
    await settled(page);
    await screenshot(page, 'inbox-zh.png');
    await watcher.check('zh inbox');
  });

  it('opens a ticket in Chinese', async () => {
    await go(page, `/tickets/${t.zh}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.locator('h1#subject').waitFor();
    const send = await textOf(page, 'form#reply button#send');
    assert.ok(hasCjk(send), `the send button is in Chinese: "${send}"`);
    const preview = await textOf(page, 'form#reply button#preview-btn');
    assert.ok(hasCjk(preview), `the preview button is in Chinese: "${preview}"`);
    const labelsSave = await textOf(page, 'form#labels button[type=submit]');
    assert.ok(hasCjk(labelsSave), `the labels button is in Chinese: "${labelsSave}"`);
    for (const panel of ['section#customer-panel', 'section#order-panel', 'section#sla-panel', 'section#events-panel']) {
      const heading = await page.locator(`${panel} :is(h2,h3,header)`).first().innerText().catch(() => '');
      assert.ok(hasCjk(heading), `${panel} has a Chinese heading: "${heading}"`);
    }
    const msg = await textOf(page, 'ol#timeline > li.msg .msg-text');
    assert.equal(msg, env.seed.zh_text);
    await settled(page);
    await screenshot(page, 'ticket-zh.png');
    await watcher.check('zh ticket');
  });

  it('other pages follow the locale too', async () => {
    await go(page, '/monitor');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.locator('#feed').waitFor({ state: 'attached' });
    await settled(page);
    await screenshot(page, 'monitor-zh.png');
    await watcher.check('zh monitor');
  });
});
