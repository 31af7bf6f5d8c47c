// The other pages as the English-speaking admin: the monitor and the admin page render, with
// their sections, and are captured for review.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, env, launch, screenshot, settled, signIn, watch } from './lib.mjs';

describe('monitor and admin (en admin)', () => {
  let browser, ctx, page, watcher;

  before(async () => {
    browser = await launch();
    ctx = await context(browser);
    page = await ctx.newPage();
    watcher = await watch(page);
    await signIn(page, env.admin);
  });

  after(async () => {
    await browser?.close();
  });

  it('the monitor lists public posts, each linked to its ticket', async () => {
    await page.goto('/monitor');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.locator('#watch-terms').waitFor();
    await page.locator('#watch-terms form').waitFor();
    const post = page.locator(`#feed > li.post a.to-ticket[href="/tickets/${env.seed.tickets.tweet}"]`);
    await post.first().waitFor();
    await settled(page);
    await screenshot(page, 'monitor-en.png');
    await watcher.check('monitor');
  });

  it('the admin page has its sections', async () => {
    await page.goto('/admin');
    for (const s of ['#stores', '#groups', '#teams', '#agents', '#policies', '#templates']) {
      await page.locator(s).waitFor({ state: 'attached' });
    }
    const agents = await page.locator('#agents').innerText();
    assert.ok(agents.includes(env.zh.email), `the agents list names ${env.zh.email}`);
    const stores = await page.locator('#stores').innerText();
    assert.ok(stores.includes('acme-de') || stores.includes('Acme DE'), `stores: ${stores}`);
    await settled(page);
    await screenshot(page, 'admin-en.png');
    await watcher.check('admin');
  });

  it('logging out ends the session', async () => {
    await page.goto('/inbox');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/login'),
      page.locator('nav#nav button#logout').click(),
    ]);
    await page.goto('/inbox');
    assert.equal(new URL(page.url()).pathname, '/login', 'signed out, the inbox sends to the login');
  });
});
