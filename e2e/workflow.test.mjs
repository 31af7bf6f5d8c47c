// Working the inbox with the keyboard and in bulk, saved views, and a status change, as the
// English-speaking admin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, env, go, open, rowIds, signIn, ticket } from './lib.mjs';

const t = env.seed.tickets;

describe('inbox workflow (en admin)', () => {
  let browser, ctx, page, watcher, me;

  before(async () => {
    ({ browser, ctx, page, watcher } = await open());
    await signIn(page, env.admin);
    const r = await api('GET', '/api/v1/me');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    me = r.body;
  });

  after(async () => {
    await browser?.close();
  });

  it('moves, checks and opens with the keyboard', async () => {
    await go(page, '/inbox');
    await page.locator('table#tickets > tbody > tr.ticket').first().waitFor();
    const ids = await rowIds(page);
    assert.ok(ids.length >= 3, `rows: ${ids}`);
    const focused = () => page.locator('tr.ticket.focused').evaluateAll((rs) => rs.map((r) => Number(r.dataset.id)));
    await page.keyboard.press('j');
    assert.deepEqual(await focused(), [ids[0]]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.deepEqual(await focused(), [ids[2]]);
    await page.keyboard.press('k');
    assert.deepEqual(await focused(), [ids[1]]);
    await page.keyboard.press('x');
    assert.ok(await page.locator(`tr.ticket[data-id="${ids[1]}"] input.pick`).isChecked(), 'x checks the focused row');
    await page.locator('#bulk').waitFor();
    await page.keyboard.press('x');
    assert.ok(!(await page.locator(`tr.ticket[data-id="${ids[1]}"] input.pick`).isChecked()), 'x again unchecks it');
    await page.keyboard.press('?');
    await page.locator('#shortcuts').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#shortcuts').waitFor({ state: 'hidden' });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q', '/ focuses the search');
    await page.keyboard.press('Escape');
    await Promise.all([page.waitForURL((u) => u.pathname === `/tickets/${ids[1]}`), page.keyboard.press('o')]);
    await watcher.check('keyboard');
  });

  it('claims checked rows in bulk', async () => {
    await go(page, '/inbox?assignee=none');
    const pool = await rowIds(page);
    const picks = [t.search, t.us].filter((id) => pool.includes(id));
    assert.equal(picks.length, 2, `both tickets are in the pool first: ${pool}`);
    for (const id of picks) {
      await page.locator(`tr.ticket[data-id="${id}"] input.pick[value="${id}"]`).check();
    }
    await page.locator('#bulk').waitFor();
    assert.equal((await page.locator('#bulk .bulk-n').innerText()).trim(), '2');
    await page.locator('#bulk button[data-bulk="claim"]').click();
    await page.locator('#bulk-status').filter({ hasText: /\S/ }).waitFor();
    for (const id of picks) {
      assert.equal((await ticket(id)).ticket.assignee_id, me.agent.id, `#${id} is assigned to the admin`);
    }
    // The pool view, refreshed in place, no longer lists them (or shows their assignee).
    for (const id of picks) {
      const row = page.locator(`tr.ticket[data-id="${id}"]`);
      if (await row.count()) {
        assert.equal(await row.locator('button.claim').count(), 0, `#${id} offers no claim any more`);
      }
    }
    await watcher.check('bulk claim');
  });

  it('saves the current filters as a view and opens it', async () => {
    await go(page, '/inbox?channel=webchat');
    await page.locator('input#view-name').fill('Web chats');
    await page.locator('button#save-view').click();
    const view = page.locator('#views a.view').filter({ hasText: 'Web chats' });
    await view.waitFor();
    assert.match(await view.getAttribute('href'), /channel=webchat/);
    await go(page, '/inbox');
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('channel') === 'webchat'),
      page.locator('#views a.view').filter({ hasText: 'Web chats' }).click(),
    ]);
    const channels = await page
      .locator('table#tickets > tbody > tr.ticket .badge.channel')
      .evaluateAll((bs) => bs.map((b) => b.dataset.channel));
    assert.ok(channels.length > 0);
    assert.deepEqual([...new Set(channels)], ['webchat']);
    await watcher.check('saved views');
  });

  it('changes the status from the ticket view', async () => {
    await go(page, `/tickets/${t.tweet}`);
    const before = (await ticket(t.tweet)).ticket.status;
    assert.notEqual(before, 'open');
    const shown = (await page.locator('#ticket-status').innerText()).trim();
    await page.locator('button[data-status="open"]').click();
    await page.waitForFunction((s) => {
      const el = document.querySelector('#ticket-status');
      return el && el.textContent.trim() !== s;
    }, shown);
    assert.equal((await ticket(t.tweet)).ticket.status, 'open');
    await watcher.check('status change');
  });
});
