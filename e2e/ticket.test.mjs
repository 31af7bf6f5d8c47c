// Working one ticket as the English-speaking admin: the timeline and the panels, a templated
// private reply in the buyer's language, a public reply refused for carrying the order number,
// and a corrected category.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { env, go, open, outbox, screenshot, settled, signIn, ticket, until } from './lib.mjs';

const t = env.seed.tickets;

/** The ids of the timeline's messages. */
const timelineIds = (page) =>
  page.locator('ol#timeline > li.msg').evaluateAll((ms) => ms.map((m) => Number(m.dataset.id)));

describe('ticket view (en admin)', () => {
  let browser, ctx, page, watcher;

  before(async () => {
    ({ browser, ctx, page, watcher } = await open());
    await signIn(page, env.admin);
  });

  after(async () => {
    await browser?.close();
  });

  it('opens from the inbox and shows the timeline, the customer and the order with tracking', async () => {
    await go(page, '/inbox');
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/tickets/${t.de}`),
      page.locator(`tr.ticket[data-id="${t.de}"] a.subject`).click(),
    ]);
    const detail = await ticket(t.de);
    await page.locator('h1#subject').waitFor();
    assert.match(await page.locator('#ticket-status').innerText(), /\S/);
    for (const s of ['open', 'waiting_customer', 'resolved']) {
      await page.locator(`button[data-status="${s}"]`).waitFor({ state: 'attached' });
    }

    // The timeline: every message, in order, with direction, visibility and kind.
    const ids = await timelineIds(page);
    assert.deepEqual(ids, detail.messages.map((m) => m.id), 'the timeline lists the ticket messages oldest first');
    const first = page.locator(`ol#timeline > li.msg[data-id="${detail.messages[0].id}"]`);
    assert.equal(await first.getAttribute('data-direction'), 'in');
    assert.equal(await first.getAttribute('data-visibility'), 'private');
    assert.equal(await first.getAttribute('data-kind'), 'reply');
    assert.equal((await first.locator('.msg-text').innerText()).trim(), env.seed.de_text);
    await first.locator('.badge.visibility').waitFor({ state: 'attached' });

    // The customer and the order panels.
    const customer = page.locator('section#customer-panel');
    assert.match(await customer.innerText(), new RegExp(env.seed.de_customer));
    const order = page.locator('section#order-panel');
    const orderText = await order.innerText();
    assert.ok(orderText.includes(env.seed.de_order), `order panel names ${env.seed.de_order}: ${orderText}`);
    assert.ok(orderText.includes(env.seed.de_tracking), `order panel names the tracking number: ${orderText}`);
    assert.match(orderText, /DAP/, 'the Incoterm');
    assert.match(orderText, /LAMP-01|Desk lamp/, 'the items');
    const events = order.locator('ol.tracking > li');
    assert.equal(await events.count(), env.seed.de_tracking_events.length, 'one line per tracking event');
    const tracking = await order.locator('ol.tracking').innerText();
    for (const m of env.seed.de_tracking_events) {
      assert.ok(tracking.includes(m), `tracking shows "${m}": ${tracking}`);
    }
    await page.locator('section#sla-panel').waitFor();
    await page.locator('section#events-panel').waitFor();
    await settled(page);
    await screenshot(page, 'ticket-en.png');
    await watcher.check('ticket view');
  });

  it('sends a templated private reply: the preview is filled in the buyer language, the reply lands in the timeline', async () => {
    await go(page, `/tickets/${t.de}`);
    const before = await ticket(t.de);
    const sentBefore = await outbox(t.de);
    const form = page.locator('form#reply');
    await form.locator('select[name=template]').selectOption('info_request');
    assert.equal(await form.locator('select[name=visibility]').inputValue(), 'private', 'private is the default');
    await form.locator('button#preview-btn').click();
    const preview = page.locator('#reply-preview');
    await preview.filter({ hasText: env.seed.de_template_phrase }).waitFor();
    const text = await preview.innerText();
    assert.ok(!/[{}]/.test(text), `every variable is filled: ${text}`);
    assert.ok(text.includes(env.seed.de_customer), `the preview greets the customer: ${text}`);

    await form.locator('button#send[type=submit]').click();
    const out = await until(
      page,
      (phrase) => {
        const sent = [...document.querySelectorAll('ol#timeline > li.msg[data-direction="out"][data-visibility="private"]')].filter(
          (li) => li.textContent.includes(phrase),
        );
        return sent.length && sent.map((li) => ({ kind: li.dataset.kind, text: li.querySelector('.msg-text')?.innerText.trim() }));
      },
      env.seed.de_template_phrase,
    );
    assert.ok(out, 'the reply appears in the timeline as private and outgoing');
    assert.equal(out.length, 1, JSON.stringify(out));
    assert.equal(out[0].kind, 'reply');

    const afterwards = await ticket(t.de);
    assert.equal(afterwards.messages.length, before.messages.length + 1);
    const sent = afterwards.messages.at(-1);
    assert.equal(sent.direction, 'out');
    assert.equal(sent.visibility, 'private');
    assert.ok(sent.text.includes(env.seed.de_template_phrase), sent.text);
    assert.equal((await outbox(t.de)).length, sentBefore.length + 1, 'the reply went to the outbox');
    assert.equal(out[0].text, sent.text.trim(), 'the timeline shows the text that was sent');
    await watcher.check('templated reply');
  });

  it('refuses a public reply that carries the order number and sends nothing', async () => {
    await go(page, `/tickets/${t.us}`);
    const before = await ticket(t.us);
    const sentBefore = await outbox(t.us);
    const shown = await timelineIds(page);
    const form = page.locator('form#reply');
    await form.locator('select[name=template]').selectOption('');
    await form.locator('select[name=visibility]').selectOption('public');
    const text = `Sorry! Your order ${env.seed.us_order} ships again tomorrow.`;
    await form.locator('textarea[name=text]').fill(text);
    await form.locator('button#send').click();
    const error = page.locator('#reply-error');
    await error.filter({ hasText: /order number/i }).waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.ok(await error.isVisible(), '#reply-error is visible');
    // Nothing sent: the page kept the text for fixing, and neither the timeline nor the API grew.
    assert.equal(await form.locator('textarea[name=text]').inputValue(), text, 'the draft is kept');
    assert.deepEqual(await timelineIds(page), shown);
    assert.equal(await page.locator('ol#timeline > li.msg[data-direction="out"]').filter({ hasText: text }).count(), 0);
    const afterwards = await ticket(t.us);
    assert.equal(afterwards.messages.length, before.messages.length, 'no message written');
    assert.ok(!afterwards.messages.some((m) => m.direction === 'out' && m.text === text));
    assert.equal((await outbox(t.us)).length, sentBefore.length, 'nothing in the outbox');
    await page.reload();
    assert.deepEqual(await timelineIds(page), shown, 'after a reload the timeline is unchanged');
    await watcher.check('refused reply');
  });

  it('corrects the category: saved, the badge follows, the API and the audit trail agree', async () => {
    await go(page, `/tickets/${t.es}`);
    const before = (await ticket(t.es)).ticket;
    const labels = page.locator('form#labels');
    const select = labels.locator('select[name=category]');
    await labels.locator('select[name=urgency]').waitFor({ state: 'attached' });
    assert.equal(await select.inputValue(), before.category, 'the form starts on the current category');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent.trim() })));
    const target = options.find((o) => o.value && o.value !== before.category && o.value.includes('.'));
    assert.ok(target, `another category to choose: ${JSON.stringify(options)}`);
    const badge = page.locator('.label-category').first();
    const badgeBefore = (await badge.innerText()).trim();
    await select.selectOption(target.value);
    await labels.locator('button[type=submit]').click();
    const status = page.locator('#labels-status');
    await status.filter({ hasText: /\S/ }).waitFor();
    assert.ok(
      !(await status.evaluate((el) => el.classList.contains('error'))),
      `#labels-status reports an error: "${await status.innerText()}"`,
    );
    // The header badge shows the new category (its value or its label).
    await page.waitForFunction(
      ([b, value, text]) => {
        const el = document.querySelector('.label-category');
        if (!el) return false;
        const shown = el.textContent.trim();
        return shown !== b && (el.dataset.category === value || shown.includes(value) || shown.includes(text));
      },
      [badgeBefore, target.value, target.text],
    );
    const afterwards = await ticket(t.es);
    assert.equal(afterwards.ticket.category, target.value, 'the API shows the corrected category');
    const event = afterwards.events.find((e) => e.kind === 'labels_corrected');
    assert.ok(event, `a labels_corrected event: ${JSON.stringify(afterwards.events.map((e) => e.kind))}`);
    assert.equal(event.actor_kind, 'agent');
    // The page, reloaded, still says so.
    await page.reload();
    assert.equal(await page.locator('form#labels select[name=category]').inputValue(), target.value);
    await watcher.check('labels');
  });
});
