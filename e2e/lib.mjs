// Shared pieces of the browser tests: the environment crates/server/tests/browser.rs hands
// over, the browser launch, signing in, the API, and the page watchers that turn a dialog, an
// uncaught script error or a Content-Security-Policy violation into a failure.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

function need(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run these tests through \`cargo test -p crossdesk --test browser\``);
  }
  return v;
}

/** What the Rust side seeded and where the server is. */
export const env = {
  base: need('CROSSDESK_URL'),
  token: need('CROSSDESK_TOKEN'),
  admin: { email: need('CROSSDESK_ADMIN_EMAIL'), password: need('CROSSDESK_ADMIN_PASSWORD') },
  zh: { email: need('CROSSDESK_ZH_EMAIL'), password: need('CROSSDESK_ZH_PASSWORD') },
  artifacts: process.env.CROSSDESK_E2E_ARTIFACTS || new URL('./artifacts', import.meta.url).pathname,
  seed: JSON.parse(need('CROSSDESK_E2E_SEED')),
};

/** Headless Chromium from the system (playwright never downloads a browser here). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CROSSDESK_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
}

/** A fresh browser context (its own cookies) at the screenshot size, with the base URL. */
export async function context(browser) {
  const ctx = await browser.newContext({
    baseURL: env.base,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  ctx.setDefaultTimeout(10_000);
  ctx.setDefaultNavigationTimeout(15_000);
  return ctx;
}

/**
 * Watches a page for what must never happen: a JavaScript dialog (an injected `alert`), an
 * uncaught error, a CSP violation, a failing asset. `check()` asserts none happened.
 */
export async function watch(page) {
  const problems = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.push(`uncaught error: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content.Security.Policy|Refused to (execute|load|apply|evaluate)/i.test(text)) {
      problems.push(`CSP violation: ${text}`);
    }
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(env.base).origin && url.pathname.startsWith('/assets/') && r.status() >= 400) {
      problems.push(`asset ${url.pathname}: HTTP ${r.status()}`);
    }
  });
  // Violations reported to the page itself (e.g. an inline handler the CSP blocked).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`);
    });
  });
  return {
    problems,
    async check(what) {
      const inPage = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
      const all = problems.concat(inPage.map((v) => `CSP violation: ${v}`));
      assert.deepEqual(all, [], `${what}: the page reported problems`);
    },
  };
}

/** Signs in through the login form; ends on the page the login leads to. */
/** A fresh browser with one watched page: `{ browser, ctx, page, watcher }`. */
export async function open() {
  const browser = await launch();
  const ctx = await context(browser);
  const page = await ctx.newPage();
  const watcher = await watch(page);
  return { browser, ctx, page, watcher };
}

export async function signIn(page, who) {
  await page.goto('/login');
  await page.locator('form#login input[name=email]').fill(who.email);
  await page.locator('form#login input[name=password]').fill(who.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/inbox', { timeout: 15_000 }),
    page.locator('form#login button[type=submit]').click(),
  ]);
}

const NAVIGATED = /ERR_ABORTED|interrupted by another navigation|Execution context was destroyed|navigat/i;

/**
 * `page.goto(path)`, again if a reload the page started itself (a live update) aborted the
 * navigation.
 */
export async function go(page, path) {
  for (let i = 0; ; i++) {
    try {
      return await page.goto(path);
    } catch (e) {
      if (i >= 4 || !NAVIGATED.test(String(e))) throw e;
      await page.waitForLoadState('load').catch(() => {});
    }
  }
}

/**
 * Evaluates `fn(arg)` in the page until it returns something truthy (within `timeout` ms),
 * reading each time one whole document: a page that reloads itself meanwhile (after a reply
 * it reloads, and again on the live event of that reply) is read again once loaded.
 */
export async function until(page, fn, arg, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      await page.waitForLoadState('load');
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch (e) {
      if (!NAVIGATED.test(String(e))) throw e;
    }
    if (Date.now() > end) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Calls the API with the admin token; the status and the parsed body. */
export async function api(method, path, body) {
  const r = await fetch(new URL(path, env.base), {
    method,
    headers: {
      authorization: `Bearer ${env.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: r.status, body: json };
}

/** GET /api/v1/tickets/N, asserting it worked. */
export async function ticket(id) {
  const r = await api('GET', `/api/v1/tickets/${id}`);
  assert.equal(r.status, 200, `GET /api/v1/tickets/${id}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** GET /api/v1/tickets/N/outbox, asserting it worked. */
export async function outbox(id) {
  const r = await api('GET', `/api/v1/tickets/${id}/outbox`);
  assert.equal(r.status, 200, `GET /api/v1/tickets/${id}/outbox: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The ids of the inbox rows now on the page, in order. */
export async function rowIds(page) {
  return page.locator('table#tickets > tbody > tr.ticket').evaluateAll((rows) => rows.map((r) => Number(r.dataset.id)));
}

/** A full-page screenshot in the artifacts folder; its path. */
export async function screenshot(page, name) {
  mkdirSync(env.artifacts, { recursive: true });
  const path = join(env.artifacts, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the page has painted (two animation frames), after load. */
export async function settled(page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Whether a string holds CJK ideographs. */
export const hasCjk = (s) => /[\u3400-\u9fff]/.test(s || '');
