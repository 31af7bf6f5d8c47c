// The other pages as the English-speaking admin: the monitor and the admin page render, with
// their sections, and are captured for review.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { env, go, open, screenshot, settled, signIn } from './lib.mjs';

describe('monitor and admin (en admin)', () => {
  let browser, ctx, page, watcher;

  before(async () => {
    ({ browser, ctx, page, watcher } = await open());
    await signIn(page, env.admin);
  });

  after(async () => {
    await browser?.close();
  });

  it('the monitor lists public posts, each linked to its ticket', async () => {
    await go(page, '/monitor');
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
    await go(page, '/admin');
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
    await go(page, '/inbox');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/login'),
      page.locator('button#logout').click(),
    ]);
    await go(page, '/inbox');
    assert.equal(new URL(page.url()).pathname, '/login', 'signed out, the inbox sends to the login');
  });

  it('signing in from a deep link returns to it', async () => {
    const path = `/tickets/${env.seed.tickets.es}`;
    await go(page, path);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.locator('form#login input[name=email]').fill(env.admin.email);
    await page.locator('form#login input[name=password]').fill(env.admin.password);
    await Promise.all([
      page.waitForURL((u) => u.pathname === path),
      page.locator('form#login button[type=submit]').click(),
    ]);
    await page.locator('h1#subject').waitFor();
  });

  it('an unknown ticket is a page, not a stack trace', async () => {
    const r = await go(page, '/tickets/987654');
    assert.equal(r.status(), 404);
    assert.ok(await page.locator('html[lang]').count(), 'an HTML page');
    await watcher.check('404');
  });
});
