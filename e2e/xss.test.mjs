// Hostile message text: whatever a customer writes is shown as text, never run as markup.
// A dialog, an injected element, a `javascript:` link, an uncaught error or a CSP violation
// fails the test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { env, go, open, settled, signIn } from './lib.mjs';

const x = env.seed.xss;

/** What must not exist inside `root` if the payloads stayed text. */
async function injected(page, root) {
  return page.locator(root).evaluateAll((roots) => {
    const found = [];
    for (const r of roots) {
      for (const el of r.querySelectorAll('img[src="x"], script, svg[onload], [onerror], [onload], [onclick], .xss, iframe')) {
        found.push(el.outerHTML.slice(0, 120));
      }
      for (const a of r.querySelectorAll('a[href]')) {
        if (/^\s*javascript:/i.test(a.getAttribute('href'))) found.push(a.outerHTML.slice(0, 120));
      }
    }
    return found;
  });
}

describe('hostile text stays text', () => {
  let browser, ctx, page, watcher;

  before(async () => {
    ({ browser, ctx, page, watcher } = await open());
    await signIn(page, env.admin);
  });

  after(async () => {
    await browser?.close();
  });

  it('in the inbox', async () => {
    await go(page, '/inbox');
    await page.locator(`tr.ticket[data-id="${x.ticket}"]`).waitFor();
    await settled(page);
    assert.deepEqual(await injected(page, 'table#tickets'), []);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script on the page');
    const subject = (await page.locator(`tr.ticket[data-id="${x.ticket}"] a.subject`).innerText()).trim();
    assert.ok(subject.includes(x.subject), `the HTML subject shows literally: "${subject}"`);
    const subject2 = (await page.locator(`tr.ticket[data-id="${x.ticket2}"] a.subject`).innerText()).trim();
    assert.ok(subject2.includes(x.first_line2), `the first line shows literally: "${subject2}"`);
    await watcher.check('inbox with hostile text');
  });

  it('in the inbox, searched', async () => {
    await go(page, `/inbox?q=${encodeURIComponent(x.search)}`);
    await page.locator(`tr.ticket[data-id="${x.ticket}"]`).waitFor();
    await settled(page);
    assert.deepEqual(await injected(page, 'table#tickets'), []);
    // The query itself comes back in the search box as a value, not markup.
    await go(page, `/inbox?q=${encodeURIComponent('"><img src=x onerror=alert(7)>')}`);
    await settled(page);
    assert.equal(await page.locator('form#filters input[name=q]').inputValue(), '"><img src=x onerror=alert(7)>');
    assert.deepEqual(await injected(page, 'body'), []);
    await watcher.check('search with hostile text');
  });

  it('in the ticket view', async () => {
    await go(page, `/tickets/${x.ticket}`);
    await page.locator('ol#timeline > li.msg').first().waitFor();
    await settled(page);
    assert.deepEqual(await injected(page, 'ol#timeline'), []);
    assert.deepEqual(await injected(page, 'body'), []);
    const texts = await page.locator('ol#timeline > li.msg .msg-text').allInnerTexts();
    for (const payload of x.texts) {
      assert.ok(
        texts.some((t) => t.includes(payload)),
        `the timeline shows ${JSON.stringify(payload)} literally; it shows ${JSON.stringify(texts)}`,
      );
    }
    const h1 = (await page.locator('h1#subject').innerText()).trim();
    assert.ok(h1.includes(x.subject), `the subject shows literally: "${h1}"`);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script on the page');
    await watcher.check('ticket with hostile text');
  });

  it('in the second ticket, whose author name is hostile too', async () => {
    await go(page, `/tickets/${x.ticket2}`);
    await page.locator('ol#timeline > li.msg').first().waitFor();
    await settled(page);
    assert.deepEqual(await injected(page, 'body'), []);
    const panel = await page.locator('section#customer-panel').innerText();
    assert.ok(panel.includes(x.author_name2), `the customer panel shows the name literally: "${panel}"`);
    await watcher.check('second hostile ticket');
  });

  it('the pages send a strict Content-Security-Policy', async () => {
    for (const path of ['/login', '/inbox', `/tickets/${x.ticket}`]) {
      const r = await go(page, path);
      const csp = (await r.allHeaders())['content-security-policy'] || '';
      assert.match(csp, /script-src 'self'/, `${path}: CSP ${csp}`);
      assert.ok(!/unsafe-inline/.test(csp.match(/script-src[^;]*/)?.[0] || ''), `${path}: no unsafe-inline scripts: ${csp}`);
    }
  });
});
