// crossdesk workspace script: sign-in, live inbox, bulk actions, keyboard shortcuts,
// saved views, the ticket's reply box and label corrections, the social monitor.
// Hand-written, no dependencies. Text from the server is only ever set with textContent.
'use strict';

(() => {
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const page = document.body.dataset.page;
  const csrf = () => $('meta[name=csrf-token]')?.content || '';

  // ---- the JSON API, with the session's CSRF token -------------------------------------
  async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf() } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    let data = null;
    try { data = await res.json(); } catch (_) { /* empty body */ }
    if (!res.ok) {
      const err = new Error((data && data.error && data.error.message) || res.statusText);
      err.code = data && data.error && data.error.code;
      err.field = data && data.error && data.error.field;
      err.status = res.status;
      throw err;
    }
    return data;
  }

  function signedOut() {
    if (!liveBadge) return;
    liveBadge.dataset.state = 'closed';
    liveBadge.textContent = '⟳';
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
  }

  function show(el, text) {
    if (!el) return;
    el.textContent = text;
    el.hidden = !text;
  }

  // ---- sign-in ---------------------------------------------------------------------------
  const login = $('#login');
  if (login) {
    login.addEventListener('submit', async (e) => {
      e.preventDefault();
      const err = $('#login-error');
      show(err, '');
      try {
        await api('POST', '/api/v1/session', {
          email: login.email.value.trim(),
          password: login.password.value,
        });
        location.assign(login.dataset.next || '/inbox');
      } catch (x) {
        show(err, x.status === 401 ? login.dataset.failed : x.message);
      }
    });
    return;
  }

  // ---- chrome: sign-out, shortcuts help ----------------------------------------------------
  $('#logout')?.addEventListener('click', async () => {
    try { await api('DELETE', '/api/v1/session'); } finally { location.assign('/login'); }
  });
  const help = $('#shortcuts');
  const toggleHelp = (on) => { if (help) help.hidden = on === undefined ? !help.hidden : !on; };
  $('#shortcuts-btn')?.addEventListener('click', () => toggleHelp());
  help?.addEventListener('click', () => toggleHelp(false));

  // ---- SLA countdowns --------------------------------------------------------------------
  function span(seconds) {
    const sign = seconds < 0 ? '-' : '';
    const s = Math.abs(Math.trunc(seconds));
    const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    const body = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m` : `${s}s`;
    return sign + body;
  }
  function tick() {
    const now = Date.now();
    for (const el of $$('.sla[data-due]')) {
      const left = (Date.parse(el.dataset.due) - now) / 1000;
      el.textContent = span(left);
      el.classList.toggle('breached', left < 0);
      el.classList.toggle('at-risk', left >= 0 && left < 3600);
      el.classList.toggle('ok', left >= 3600);
    }
  }
  tick();
  setInterval(tick, 15000);

  // ---- live updates ----------------------------------------------------------------------
  // One stream per visible tab: a hidden tab closes its stream (browsers allow six
  // connections per host) and catches up when it is shown again.
  const liveBadge = $('#live');
  const listeners = [];
  let es = null;
  let connectedOnce = false;
  function connectLive() {
    if (!window.EventSource || !liveBadge || es) return;
    es = new EventSource('/live');
    es.addEventListener('ready', () => {
      liveBadge.dataset.state = 'open';
      liveBadge.textContent = liveBadge.dataset.open;
      // Whatever arrived while we were not listening (between rendering and connecting, or
      // while hidden or reconnecting): each page catches up once.
      for (const fn of listeners) fn({ resync: true, first: !connectedOnce });
      connectedOnce = true;
    });
    es.addEventListener('message', (e) => {
      let data = {};
      try { data = JSON.parse(e.data); } catch (_) { /* a refresh hint */ }
      for (const fn of listeners) fn(data);
    });
    // A colleague claimed, assigned, moved or relabelled a ticket.
    es.addEventListener('change', (e) => {
      let data = {};
      try { data = JSON.parse(e.data); } catch (_) { /* a refresh hint */ }
      data.change = true;
      for (const fn of listeners) fn(data);
    });
    es.addEventListener('error', () => {
      liveBadge.dataset.state = 'closed';
      liveBadge.textContent = liveBadge.dataset.closed;
    });
  }
  function disconnectLive() {
    if (es) { es.close(); es = null; }
  }
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) disconnectLive(); else connectLive();
  });
  if (!document.hidden) connectLive();

  // ---- keyboard --------------------------------------------------------------------------
  const typing = (t) => t && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName)
    || (t.tagName === 'INPUT' && !/^(checkbox|radio|button|submit)$/.test(t.type)));
  // Enter and space keep their meaning on links, buttons and checkboxes.
  const actionable = (t) => t && (/^(A|BUTTON|SUMMARY)$/.test(t.tagName) || (t.tagName === 'INPUT' && !typing(t)));
  const keymap = {};
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') { toggleHelp(false); if (typing(e.target)) e.target.blur(); return; }
    if (typing(e.target)) return;
    if ((e.key === 'Enter' || e.key === ' ') && actionable(e.target)) return;
    if (e.key === '?') { toggleHelp(); e.preventDefault(); return; }
    const fn = keymap[e.key];
    if (fn) { e.preventDefault(); fn(e); }
  });

  if (page === 'inbox') inbox();
  if (page === 'ticket') ticket();
  if (page === 'monitor') monitor();
  if (page === 'admin') admin();

  // ---- inbox -----------------------------------------------------------------------------
  function inbox() {
    const form = $('#filters');
    const table = $('#tickets');
    const tbody = $('#tickets tbody');
    const query = table.dataset.query || '';
    for (const sel of $$('select', form)) sel.addEventListener('change', () => form.submit());

    // Focus row and shortcuts.
    let focus = -1;
    const rows = () => $$('tr.ticket', tbody);
    function setFocus(i) {
      const all = rows();
      if (!all.length) return;
      focus = Math.max(0, Math.min(i, all.length - 1));
      all.forEach((r, n) => r.classList.toggle('focused', n === focus));
      all[focus].scrollIntoView({ block: 'nearest' });
    }
    const focused = () => rows()[focus];
    keymap.j = () => setFocus(focus + 1);
    keymap.k = () => setFocus(focus - 1);
    keymap.o = () => { const r = focused(); if (r) location.assign(`/tickets/${r.dataset.id}`); };
    keymap.Enter = keymap.o;
    keymap.x = () => { const r = focused(); if (r) { const c = $('.pick', r); c.checked = !c.checked; bulkBar(); } };
    keymap.c = () => { const r = focused(); const b = r && $('button.claim', r); if (b) b.click(); };
    keymap['/'] = () => form.q.focus();

    // Live refresh of the rows, keeping checks and focus; new rows are marked fresh.
    let pending = null;
    async function refresh() {
      const before = new Set(rows().map((r) => r.dataset.id));
      const checked = new Set($$('.pick:checked', tbody).map((c) => c.value));
      const focusId = focused()?.dataset.id;
      const res = await fetch(`/inbox/rows?${query}`, { credentials: 'same-origin', redirect: 'error' }).catch(() => null);
      if (!res || res.status === 401) { signedOut(); return; }
      if (!res.ok) return;
      const tpl = document.createElement('template');
      tpl.innerHTML = `<table><tbody>${await res.text()}</tbody></table>`;
      const fresh = tpl.content.querySelector('tbody');
      for (const r of $$('tr.ticket', fresh)) {
        if (!before.has(r.dataset.id)) r.classList.add('fresh');
        if (checked.has(r.dataset.id)) $('.pick', r).checked = true;
      }
      tbody.replaceChildren(...fresh.childNodes);
      const all = rows();
      focus = focusId ? all.findIndex((r) => r.dataset.id === focusId) : -1;
      if (focus >= 0) all[focus].classList.add('focused');
      const empty = $('.empty');
      if (empty) empty.hidden = all.length > 0;
      const pickAll = $('#pick-all');
      if (pickAll) pickAll.checked = false;
      tick();
      bulkBar();
    }
    if (table.dataset.paged !== 'true') {
      // At most one refresh a second, however busy the stream.
      let last = 0;
      listeners.push(() => {
        if (pending) return;
        const wait = Math.max(300, 1000 - (Date.now() - last));
        pending = setTimeout(() => { pending = null; last = Date.now(); refresh(); }, wait);
      });
    }

    // Claim one ticket from the pool.
    tbody.addEventListener('click', async (e) => {
      const b = e.target.closest('button.claim');
      if (!b) return;
      const id = b.closest('tr').dataset.id;
      b.disabled = true;
      try { await api('POST', `/api/v1/tickets/${id}/claim`); await refresh(); } catch (x) {
        b.disabled = false;
        show($('#bulk-status'), `#${id}: ${x.message}`);
        $('#bulk').hidden = false;
      }
    });

    // Bulk actions.
    const bulk = $('#bulk');
    function bulkBar() {
      const n = $$('.pick:checked', tbody).length;
      bulk.hidden = n === 0;
      $('.bulk-n', bulk).textContent = String(n);
    }
    tbody.addEventListener('change', (e) => { if (e.target.matches('.pick')) bulkBar(); });
    $('#pick-all')?.addEventListener('change', (e) => {
      for (const c of $$('.pick', tbody)) c.checked = e.target.checked;
      bulkBar();
    });
    bulk.addEventListener('click', async (e) => {
      const b = e.target.closest('button[data-bulk]');
      if (!b) return;
      const ids = $$('.pick:checked', tbody).map((c) => c.value);
      const action = b.dataset.bulk;
      const agent = Number($('#bulk-assign')?.value || 0);
      if (action === 'assign' && !agent) return;
      const failed = [];
      for (const id of ids) {
        try {
          if (action === 'claim') await api('POST', `/api/v1/tickets/${id}/claim`);
          if (action === 'resolve') await api('POST', `/api/v1/tickets/${id}/status`, { status: 'resolved' });
          if (action === 'assign') await api('POST', `/api/v1/tickets/${id}/assign`, { agent_id: agent });
        } catch (x) { failed.push(`#${id}: ${x.message}`); }
      }
      await refresh();
      bulk.hidden = false;
      show($('#bulk-status'), failed.length ? failed.join('; ') : '✓');
    });

    // Saved views.
    const list = $('#views');
    async function loadViews() {
      let views = [];
      try { views = await api('GET', '/api/v1/views'); } catch (_) { return; }
      views = Array.isArray(views) ? views : (views.items || []);
      list.replaceChildren();
      if (!views.length) {
        const li = document.createElement('li');
        li.className = 'muted small';
        li.textContent = list.dataset.empty;
        list.append(li);
      }
      for (const v of views) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.className = 'view';
        a.href = `/inbox?${v.query}`;
        a.textContent = v.name;
        if (v.query === query) a.setAttribute('aria-current', 'page');
        const del = document.createElement('button');
        del.type = 'button';
        del.className = 'ghost small';
        del.textContent = '×';
        del.title = list.dataset.delete;
        del.addEventListener('click', async () => { await api('DELETE', `/api/v1/views/${v.id}`); loadViews(); });
        li.append(a, del);
        list.append(li);
      }
    }
    $('#save-view')?.addEventListener('click', async (e) => {
      const name = $('#view-name').value.trim();
      if (!name) { $('#view-name').focus(); return; }
      try {
        await api('POST', '/api/v1/views', { name, query: e.target.dataset.query });
        $('#view-name').value = '';
        loadViews();
      } catch (x) { show($('#bulk-status'), x.message); bulk.hidden = false; }
    });
    loadViews();
  }

  // ---- ticket ----------------------------------------------------------------------------
  function ticket() {
    const id = $('#ticket').dataset.id;
    const reply = $('#reply');
    keymap.r = () => reply.text.focus();
    keymap.u = () => location.assign('/inbox');

    if (sessionStorage.getItem('crossdesk.sent') === id) {
      sessionStorage.removeItem('crossdesk.sent');
      const s = $('#reply-status');
      show(s, s.dataset.sent);
    }

    // A new message on this ticket: reload unless the agent is writing.
    // (Our own replies come back as outbound messages: the send already reloads.)
    listeners.push((data) => {
      if (data.resync) { if (!data.first && !reply.text.value.trim()) location.reload(); return; }
      if (String(data.ticket) !== id || data.direction !== 'in') return;
      if (!reply.text.value.trim()) location.reload();
    });

    const varsRow = () => $(`.vars[data-template="${reply.template.value}"]`, reply);
    const body = () => {
      const visibility = reply.visibility.value;
      const b = { visibility: visibility === 'note' ? 'private' : visibility, note: visibility === 'note' };
      if (reply.template.value) {
        b.template = reply.template.value;
        const values = {};
        for (const input of $$('input[data-var]', varsRow() || document.createElement('div'))) {
          if (input.value.trim()) values[input.dataset.var] = input.value.trim();
        }
        b.values = values;
      } else b.text = reply.text.value;
      if (reply.then.value) b.then = reply.then.value;
      return b;
    };
    async function preview() {
      const box = $('#reply-preview');
      show($('#reply-error'), '');
      if (!reply.template.value && !reply.text.value.trim()) { show(box, ''); return; }
      try {
        const b = body();
        delete b.then;
        const p = await api('POST', `/api/v1/tickets/${id}/preview`, b);
        show(box, p.text);
        if (p.refused) show($('#reply-error'), p.refused);
      } catch (x) { show(box, ''); show($('#reply-error'), x.message); }
    }
    $('#preview-btn').addEventListener('click', preview);
    reply.template.addEventListener('change', () => {
      reply.text.disabled = !!reply.template.value;
      for (const row of $$('.vars', reply)) row.hidden = row.dataset.template !== reply.template.value;
      const opt = reply.template.selectedOptions[0];
      if (opt && opt.value) reply.visibility.value = opt.dataset.public === 'true' ? 'public' : 'private';
      preview();
    });
    for (const input of $$('input[data-var]', reply)) input.addEventListener('change', preview);
    reply.addEventListener('submit', async (e) => {
      e.preventDefault();
      show($('#reply-error'), '');
      const send = $('#send');
      send.disabled = true;
      try {
        await api('POST', `/api/v1/tickets/${id}/replies`, body());
        sessionStorage.setItem('crossdesk.sent', id);
        location.reload();
      } catch (x) {
        show($('#reply-error'), x.message);
        send.disabled = false;
      }
    });

    // Label corrections.
    const labels = $('#labels');
    labels.addEventListener('submit', async (e) => {
      e.preventDefault();
      const status = $('#labels-status');
      show(status, '');
      try {
        await api('POST', `/api/v1/tickets/${id}/labels`, {
          category: labels.category.value,
          urgency: labels.urgency.value,
        });
        const cat = $('.label-category');
        cat.textContent = labels.category.selectedOptions[0].textContent;
        cat.dataset.category = labels.category.value;
        const urg = $('.label-urgency');
        urg.textContent = labels.urgency.selectedOptions[0].textContent;
        urg.dataset.urgency = labels.urgency.value;
        status.classList.remove('error');
        show(status, status.dataset.saved);
      } catch (x) {
        status.classList.add('error');
        show(status, x.message);
      }
    });

    // Machine translation of a customer message, shown under the original (text only).
    for (const b of $$('#timeline button.translate')) {
      b.addEventListener('click', async () => {
        const li = b.closest('li.msg');
        const target = (document.documentElement.lang || 'en').split('-')[0];
        b.disabled = true;
        show($('#action-error'), '');
        try {
          const t = await api('POST', `/api/v1/messages/${b.dataset.id}/translation`, { target });
          const box = document.createElement('div');
          box.className = 'msg-translation';
          box.lang = t.target;
          box.textContent = t.text;
          const meta = document.createElement('div');
          meta.className = 'msg-translation-meta muted small';
          meta.textContent = [t.provider, t.source_language].filter(Boolean).join(' · ');
          li.querySelector('.msg-text').after(box, meta);
          b.hidden = true;
        } catch (x) {
          show($('#action-error'), x.message);
          b.disabled = false;
        }
      });
    }

    // Status and claim.
    for (const b of $$('button[data-status]')) {
      b.addEventListener('click', async () => {
        try {
          await api('POST', `/api/v1/tickets/${id}/status`, { status: b.dataset.status });
          location.reload();
        } catch (x) { show($('#action-error'), x.message); }
      });
    }
    $('#claim')?.addEventListener('click', async () => {
      try { await api('POST', `/api/v1/tickets/${id}/claim`); location.reload(); } catch (x) {
        show($('#action-error'), x.message);
      }
    });
  }

  // ---- social monitor --------------------------------------------------------------------
  function monitor() {
    const feed = $('#feed');
    const texts = feed.dataset;
    let labels = {};
    try { labels = JSON.parse(feed.dataset.labels || '{}'); } catch (_) { /* English wire values */ }
    async function load() {
      let posts;
      try { posts = await api('GET', '/api/v1/monitor/posts?limit=50'); } catch (x) { show($('#feed-error'), x.message); return; }
      posts = Array.isArray(posts) ? posts : (posts.items || []);
      const before = new Set($$('li.post', feed).map((li) => li.dataset.id));
      const first = before.size === 0;
      feed.replaceChildren();
      if (!posts.length) {
        const li = document.createElement('li');
        li.className = 'muted';
        li.textContent = texts.empty;
        feed.append(li);
      }
      for (const p of posts) {
        const li = document.createElement('li');
        li.className = 'post' + (!first && !before.has(String(p.message_id)) ? ' fresh' : '');
        li.dataset.id = String(p.message_id);
        const head = document.createElement('div');
        head.className = 'msg-head';
        const who = document.createElement('span');
        who.className = 'author';
        who.textContent = p.author_handle ? `@${String(p.author_handle).replace(/^@/, '')}` : (p.author_name || '');
        const fol = document.createElement('span');
        fol.className = 'muted small';
        fol.textContent = p.followers != null ? `${p.followers} ${texts.followers}` : '';
        const urg = document.createElement('span');
        urg.className = 'badge urgency';
        urg.dataset.urgency = p.urgency || '';
        urg.textContent = labels[`urgency.${p.urgency}`] || p.urgency || '';
        const at = document.createElement('time');
        at.textContent = new Date(p.sent_at).toLocaleString(document.documentElement.lang);
        head.append(who, fol, urg, at);
        const text = document.createElement('div');
        text.className = 'msg-text';
        text.textContent = p.text;
        const tags = document.createElement('div');
        tags.className = 'matches';
        for (const m of p.matches || []) {
          const t = document.createElement('span');
          t.className = 'badge match';
          t.textContent = m.term || m.name || m.matched || JSON.stringify(m);
          tags.append(t);
        }
        const link = document.createElement('a');
        link.className = 'to-ticket button';
        link.href = `/tickets/${p.ticket_id}`;
        link.textContent = `${texts.open} #${p.ticket_id}`;
        li.append(head, text, tags, link);
        feed.append(li);
      }
    }
    load();
    let pending = null;
    listeners.push((d) => {
      if (d.first || d.change || (d.visibility && d.visibility !== 'public')) return;
      clearTimeout(pending);
      pending = setTimeout(load, 300);
    });

    // Watched names: a list for everyone, an editor for admins.
    const form = $('#terms-form');
    if (!form) {
      (async () => {
        let terms = [];
        try { terms = await api('GET', '/api/v1/watch-terms'); } catch (_) { return; }
        terms = Array.isArray(terms) ? terms : (terms.items || []);
        const ul = $('#terms-list');
        for (const t of terms) {
          const li = document.createElement('li');
          li.textContent = `${t.name} (${labels[`kind.${t.kind}`] || t.kind})${(t.aliases || []).length ? ' · ' + t.aliases.join(', ') : ''}`;
          ul.append(li);
        }
      })();
      return;
    }
    const rowsEl = $('#terms-rows');
    function addRow(t = {}) {
      const tr = $('#term-row').content.firstElementChild.cloneNode(true);
      $('[name=name]', tr).value = t.name || '';
      $('[name=aliases]', tr).value = (t.aliases || []).join(', ');
      $('[name=kind]', tr).value = t.kind || 'brand';
      $('[name=exact]', tr).checked = !!t.exact;
      $('.remove', tr).addEventListener('click', () => tr.remove());
      rowsEl.append(tr);
    }
    (async () => {
      let terms = [];
      try { terms = await api('GET', '/api/v1/watch-terms'); } catch (_) { /* none */ }
      terms = Array.isArray(terms) ? terms : (terms.items || []);
      for (const t of terms) addRow(t);
      if (!terms.length) addRow();
    })();
    $('#add-term').addEventListener('click', () => addRow());
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const terms = $$('tr', rowsEl)
        .map((tr) => ({
          name: $('[name=name]', tr).value.trim(),
          kind: $('[name=kind]', tr).value,
          aliases: $('[name=aliases]', tr).value.split(',').map((a) => a.trim()).filter(Boolean),
          exact: $('[name=exact]', tr).checked,
        }))
        .filter((t) => t.name);
      try {
        await api('PUT', '/api/v1/watch-terms', terms);
        show($('#terms-status'), form.dataset.saved);
        load();
      } catch (x) { show($('#terms-status'), x.field ? `${x.field}: ${x.message}` : x.message); }
    });
  }

  // ---- admin -----------------------------------------------------------------------------
  function admin() {
    // JSON editors for teams and SLA policies: fill from a row, PUT the object.
    for (const b of $$('button[data-edit-json]')) {
      b.addEventListener('click', () => {
        const f = document.getElementById(b.dataset.form);
        f.json.value = JSON.stringify(JSON.parse(b.dataset.editJson), null, 2);
        f.scrollIntoView({ block: 'center' });
        f.json.focus();
      });
    }
    for (const f of $$('form.json-editor')) {
      f.addEventListener('submit', async (e) => {
        e.preventDefault();
        const status = $('.status', f);
        let body;
        try { body = JSON.parse(f.json.value); } catch (x) { show(status, `JSON: ${x.message}`); return; }
        try {
          await api(f.dataset.method, f.dataset.path, body);
          show(status, f.dataset.saved);
          setTimeout(() => location.reload(), 600);
        } catch (x) { show(status, x.field ? `${x.field}: ${x.message}` : x.message); }
      });
    }
    for (const b of $$('button[data-delete]')) {
      b.addEventListener('click', async () => {
        try { await api('DELETE', b.dataset.delete); location.reload(); } catch (x) { b.textContent = '!'; b.title = x.message; }
      });
    }
    const form = $('#agent-form');
    if (!form) return;
    for (const b of $$('button[data-edit-agent]')) {
      b.addEventListener('click', () => {
        const a = JSON.parse(b.dataset.editAgent);
        form.email.value = a.email;
        form.name.value = a.name;
        form.role.value = a.role;
        form.team.value = a.team || '';
        form.languages.value = (a.languages || []).join(', ');
        form.categories.value = (a.categories || []).join(', ');
        form.stores.value = (a.stores || []).join(', ');
        form.groups.value = (a.groups || []).join(', ');
        form.all_stores.checked = !!a.all_stores;
        form.locale.value = a.locale;
        form.max_open.value = a.max_open;
        form.on_call.checked = !!a.on_call;
        form.active.checked = !!a.active;
        form.scrollIntoView({ block: 'start' });
      });
    }
    const list = (v) => v.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const spec = {
        email: form.email.value.trim(),
        name: form.name.value.trim(),
        role: form.role.value,
        languages: list(form.languages.value),
        categories: list(form.categories.value),
        stores: list(form.stores.value),
        groups: list(form.groups.value),
        all_stores: form.all_stores.checked,
        locale: form.locale.value,
        max_open: Number(form.max_open.value || 0),
        on_call: form.on_call.checked,
        active: form.active.checked,
      };
      if (form.team.value.trim()) spec.team = form.team.value.trim();
      if (form.password.value) spec.password = form.password.value;
      try {
        await api('PUT', '/api/v1/agents', spec);
        show($('#agent-status'), form.dataset.saved);
        setTimeout(() => location.reload(), 600);
      } catch (x) { show($('#agent-status'), x.field ? `${x.field}: ${x.message}` : x.message); }
    });
  }
})();
