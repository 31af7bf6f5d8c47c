// The inbox as the English-speaking admin: signing in through the form, filtering, searching,
// and a new message arriving live without a reload.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, env, go, open, rowIds, screenshot, signIn } from './lib.mjs';

const t = env.seed.tickets;

describe('inbox (en admin)', () => {
  let browser, ctx, page, watcher;

  before(async () => {
    ({ browser, ctx, page, watcher } = await open());
  });

  after(async () => {
    await browser?.close();
  });

  it('signed out, / and every page send the browser to the login form', async () => {
    const root = await fetch(new URL('/', env.base), { redirect: 'manual' });
    assert.equal(root.status, 303, 'GET / signed out');
    assert.equal(new URL(root.headers.get('location'), env.base).pathname, '/login');
    await go(page, `/inbox?channel=twitter`);
    const at = new URL(page.url());
    assert.equal(at.pathname, '/login', `landed on ${page.url()}`);
    assert.equal(at.searchParams.get('next'), '/inbox?channel=twitter', `the login keeps where we were going: ${page.url()}`);
    await page.locator('form#login').waitFor();
  });

  it('a wrong password is refused on the form', async () => {
    await go(page, '/login');
    await page.locator('form#login input[name=email]').fill(env.admin.email);
    await page.locator('form#login input[name=password]').fill('not the password at all');
    await page.locator('form#login button[type=submit]').click();
    await page.locator('#login-error').filter({ hasText: /\S/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('signs in through the form and lands on the inbox', async () => {
    await signIn(page, env.admin);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.locator('nav#nav a[href="/inbox"]').waitFor();
    await page.locator('nav#nav a[href="/admin"]').waitFor();
    await page.locator('button#logout').waitFor();
    await page.locator('meta[name="csrf-token"]').waitFor({ state: 'attached' });
    const csrf = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    assert.ok(csrf && csrf.length >= 16, `csrf-token meta: ${csrf}`);
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    const ids = await rowIds(page);
    for (const [name, id] of Object.entries(t)) {
      assert.ok(ids.includes(id), `the inbox lists the ${name} ticket #${id}; rows: ${ids}`);
    }
    // Each row carries the parts the contract names.
    const row = page.locator(`tr.ticket[data-id="${t.de}"]`);
    await row.locator(`input.pick[type=checkbox][value="${t.de}"]`).waitFor({ state: 'attached' });
    assert.equal(await row.locator('a.subject').getAttribute('href'), `/tickets/${t.de}`);
    assert.ok(await row.locator('.badge.urgency').getAttribute('data-urgency'));
    assert.equal(await row.locator('.badge.channel').getAttribute('data-channel'), 'ebay');
    assert.match(await row.locator('.store').innerText(), /acme-de|Acme DE/);
    await row.locator('.customer').waitFor({ state: 'attached' });
    await row.locator('.category').waitFor({ state: 'attached' });
    await row.locator('.assignee').waitFor({ state: 'attached' });
    const due = await row.locator('.sla').getAttribute('data-due');
    assert.ok(due && !Number.isNaN(Date.parse(due)), `.sla data-due is RFC 3339: ${due}`);
    assert.match((await row.locator('.sla').innerText()).trim(), /^-?(\d+d ?)?(\d+h ?)?\d+m$|^-?\d+[dhm]/);
    if (env.seed.unassigned != null) {
      await page.locator(`tr.ticket[data-id="${env.seed.unassigned}"] button.claim`).waitFor({ state: 'attached' });
    }
    await screenshot(page, 'inbox-en.png');
    await watcher.check('inbox');
  });

  it('filters by channel: choosing one submits the form and leaves only its rows', async () => {
    await go(page, '/inbox');
    await page.locator('form#filters select[name=channel]').waitFor();
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('channel') === 'twitter'),
      page.locator('form#filters select[name=channel]').selectOption('twitter'),
    ]);
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    const ids = await rowIds(page);
    assert.ok(ids.includes(t.tweet), `the tweet #${t.tweet} is listed: ${ids}`);
    assert.ok(!ids.includes(t.de), `the eBay ticket #${t.de} is filtered out: ${ids}`);
    const channels = await page
      .locator('table#tickets > tbody > tr.ticket .badge.channel')
      .evaluateAll((bs) => bs.map((b) => b.dataset.channel));
    assert.equal(channels.length, ids.length, 'one channel badge per row');
    assert.deepEqual([...new Set(channels)], ['twitter']);
    assert.match(await page.locator('#count').innerText(), new RegExp(`\\b${ids.length}\\b`));
    assert.equal(await page.locator('form#filters select[name=channel]').inputValue(), 'twitter');
    await watcher.check('inbox filtered by channel');
  });

  it('filters by SLA and by assignee', async () => {
    await go(page, '/inbox');
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('sla') === 'breached'),
      page.locator('form#filters select[name=sla]').selectOption('breached'),
    ]);
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    const ids = await rowIds(page);
    assert.ok(ids.includes(t.tweet), `the crisis tweet is past its first-response time: ${ids}`);
    const classes = await page.locator('table#tickets > tbody > tr.ticket .sla').evaluateAll((ss) => ss.map((s) => s.className));
    assert.ok(classes.every((c) => /\bbreached\b/.test(c)), `every row is breached: ${classes}`);
    assert.match((await page.locator(`tr.ticket[data-id="${t.tweet}"] .sla`).innerText()).trim(), /^-/);

    await go(page, '/inbox?assignee=none');
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    const pool = await rowIds(page);
    assert.equal(await page.locator('table#tickets > tbody > tr.ticket button.claim').count(), pool.length, 'every pool row offers Claim');
    await go(page, '/inbox?assignee=me');
    assert.equal(await page.locator('table#tickets > tbody > tr.ticket').count(), 0, 'nothing is assigned to the admin yet');
    assert.match(await page.locator('#count').innerText(), /\b0\b/);
    await watcher.check('inbox filtered by SLA and assignee');
  });

  it('searches: the query finds the one ticket that says it', async () => {
    await go(page, '/inbox');
    await page.locator('form#filters input[name=q][type=search]').fill(env.seed.search_word);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('q') === env.seed.search_word),
      page.locator('form#filters button[type=submit]#apply').click(),
    ]);
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    assert.deepEqual(await rowIds(page), [t.search]);
    assert.match(await page.locator('#count').innerText(), /\b1\b/);
    await watcher.check('inbox search');
  });

  it('a new message appears live as a fresh row, without a reload', async () => {
    await go(page, '/inbox');
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    await page.locator('#live[data-state="open"]').waitFor({ timeout: 10_000 });
    // A marker that a reload would wipe.
    await page.evaluate(() => {
      window.__noReload = 'still here';
    });
    // A probe beside the page's own stream, to tell a silent stream from a page that ignores
    // it (not awaited: the page's own `#live[data-state=open]` is what promises delivery).
    await page.evaluate(() => {
      window.__probe = [];
      new EventSource('/live').addEventListener('message', (e) => window.__probe.push(e.data));
    });
    const before = await rowIds(page);
    const r = await api('POST', '/api/v1/inbound', {
      channel: 'webchat',
      external_id: `live-${Date.now()}`,
      store: env.seed.live_store,
      author: { email: 'live.buyer@example.org', name: 'Live Buyer' },
      text: 'Hello, the blender I received makes a burning smell. Can I return it?',
      sent_at: new Date().toISOString(),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.ticket_created, true, JSON.stringify(r.body));
    const id = r.body.ticket_id;
    assert.ok(!before.includes(id));
    try {
      await page.locator(`table#tickets > tbody > tr.ticket.fresh[data-id="${id}"]`).waitFor({ timeout: 10_000 });
    } catch (e) {
      // Say where it broke: the stream, the rows fragment, or the page's swap.
      const seen = await page.evaluate(() => window.__probe);
      const state = await page.locator('#live').getAttribute('data-state');
      const rows = await page.evaluate(async () => (await fetch(`/inbox/rows?${document.querySelector('#tickets').dataset.query || ''}`)).text());
      const listed = rows.includes(`data-id="${id}"`);
      assert.fail(
        `no fresh row #${id} within 10 s: #live data-state=${state}; a second EventSource on /live got ${JSON.stringify(seen)}; ` +
          `/inbox/rows ${listed ? 'lists' : 'does not list'} it (${e.message.split('\n')[0]})`,
      );
    }
    assert.equal(await page.evaluate(() => window.__noReload), 'still here', 'the page was reloaded');
    // Rows that were there already are not marked fresh.
    const fresh = await page.locator('table#tickets > tbody > tr.ticket.fresh').evaluateAll((rs) => rs.map((r) => Number(r.dataset.id)));
    for (const old of before) {
      assert.ok(!fresh.includes(old), `row #${old} was already there but is marked fresh`);
    }
    await watcher.check('live inbox');
  });
});
