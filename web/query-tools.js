// The archivist's reading tools on the search page: "did you mean", why a search found nothing
// (clause by clause and filter by filter, from /api/search's `didYouMean` and `nothing`), and the
// concordance view (?view=concordance&q=..., over /api/concordance). Text from the archive is set
// as text, never as HTML.

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'href' && !/^https?:$/.test(new URL(String(v), location.href).protocol)) continue; // http(s) links only
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/** A link the page follows without a reload (app.js handles a[data-nav]). */
function nav(p, text, attrs = {}) {
  const s = p.toString();
  return el('a', { href: s ? '?' + s : './', 'data-nav': '', ...attrs }, text);
}

/** The page's parameters without its own views and pages. */
function base(p) {
  const out = new URLSearchParams(p);
  ['page', 'article', 'view', 'top', 'chart', 'order', 'size', 'background', 's', 'by'].forEach((k) => out.delete(k));
  return out;
}

const n = (x) => Number(x).toLocaleString('en');

/** Did you mean, why nothing matched, and the link to the concordance, above the results. */
export function queryTools(p, r, box) {
  const parts = [];
  if (r.didYouMean) {
    const q = base(p);
    q.set('q', r.didYouMean.q);
    parts.push(el('p', { id: 'did-you-mean', class: 'did-you-mean' }, 'Did you mean ',
      nav(q, r.didYouMean.q), '? ',
      el('span', { class: 'muted' }, r.didYouMean.words.map((w) =>
        '“' + w.word + '” is in no article; “' + w.suggestion + '” is in ' + n(w.articles)).join('; '))));
  }
  const nothing = r.nothing;
  if (nothing && (nothing.clauses.length || nothing.filters.length)) {
    const list = el('ul', { id: 'why-nothing', class: 'why-nothing' });
    if (nothing.clauses.length) {
      list.append(el('li', {}, 'Clause by clause: ',
        nothing.clauses.map((c, i) => [i ? ' → ' : '', el('code', {}, c.text), ' ' + n(c.running)
          + (c.alone !== c.running ? ' (alone ' + n(c.alone) + ')' : '')])));
    }
    for (const f of nothing.filters) {
      list.append(el('li', {}, 'With ', el('code', {}, f.text), ': ' + n(f.alone),
        f.alone !== f.running ? ', with the filters before it ' + n(f.running) : ''));
    }
    parts.push(el('div', { class: 'why' }, el('p', {}, 'Why nothing matched:'), list));
  }
  if (p.get('q')) {
    const c = base(p);
    c.set('view', 'concordance');
    const t = base(p);
    t.set('view', 'terms');
    parts.push(el('p', { class: 'tools-links' }, nav(c, 'Concordance', { id: 'concordance-link' }),
      ' (every occurrence in its context) · ', nav(t, 'Distinctive terms', { id: 'terms-link' }),
      ' (what stands out in these articles)'));
  } else if (p.get('from') || p.get('to')) {
    const t = base(p);
    t.set('view', 'terms');
    parts.push(el('p', { class: 'tools-links' }, nav(t, 'What was distinctive about this period', { id: 'terms-link' })));
  }
  box.replaceChildren(...parts);
}

/** The concordance view: a page of lines, its order, pages and the CSV of every line. */
export async function showConcordance(p, box) {
  const api = base(p);
  for (const k of ['order', 'page', 'size']) if (p.get(k)) api.set(k, p.get(k));
  const back = base(p);
  box.replaceChildren(el('h2', { id: 'concordance-title', tabindex: '-1' }, 'Concordance'),
    el('p', { class: 'muted' }, 'Searching…'));
  let body;
  try {
    const res = await fetch('/api/concordance?' + api, { headers: { Accept: 'application/json' } });
    body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : 'HTTP ' + res.status);
  } catch (e) {
    box.replaceChildren(el('h2', {}, 'Concordance'),
      el('p', { class: 'failure', role: 'alert' }, 'The concordance failed: ' + e.message), nav(back, 'Back to the results'));
    return;
  }
  const order = body.order;
  const orders = [['article', 'by article'], ['before', 'by the word before'], ['after', 'by the word after']]
    .map(([o, label]) => {
      const q = new URLSearchParams(p);
      q.delete('page');
      q.set('order', o);
      return o === order ? el('strong', { 'aria-current': 'true' }, label) : nav(q, label);
    });
  const rows = body.items.map((l) => {
    const a = base(p);
    a.set('article', l.id);
    return el('tr', {},
      el('td', { class: 'date' }, l.date || ''),
      el('td', { class: 'left' }, l.left),
      el('td', { class: 'match' }, el('mark', {}, l.match)),
      el('td', { class: 'right' }, l.right),
      el('td', { class: 'title' }, nav(a, l.title || l.id)));
  });
  const pages = [];
  const page = body.page;
  if (page > 1) {
    const q = new URLSearchParams(p);
    q.set('page', String(page - 1));
    pages.push(nav(q, '← Previous'));
  }
  if (page * body.size < body.lines) {
    const q = new URLSearchParams(p);
    q.set('page', String(page + 1));
    pages.push(nav(q, 'Next →', { id: 'concordance-next' }));
  }
  box.replaceChildren(
    el('h2', { id: 'concordance-title', tabindex: '-1' }, 'Concordance'),
    el('p', { id: 'concordance-summary' }, n(body.lines) + (body.truncated ? '+' : '') + ' lines in '
      + n(body.articles) + ' articles' + (body.timedOut ? ' (cut at the time limit)' : '')
      + '; page ' + page + '. Order: ', ...orders.flatMap((o, i) => (i ? [' · ', o] : [o]))),
    el('table', { class: 'kwic', id: 'kwic' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Before'), el('th', {}, 'Match'),
        el('th', {}, 'After'), el('th', {}, 'Article'))),
      el('tbody', {}, rows)),
    el('nav', { class: 'pager', 'aria-label': 'Concordance pages' }, ...pages),
    el('p', {}, nav(back, 'Back to the results'), ' · ',
      el('a', { href: '/api/concordance.csv?' + base(p), download: '' }, 'Every line as CSV')));
}

/** The query with `term` added, as the search box reads it (a phrase in quotes). */
function withTerm(q, term, kind) {
  const t = kind === 'phrase' ? '"' + term + '"' : term;
  if (!q || !q.trim()) return t;
  return /^[\p{L}\p{N}\s"]+$/u.test(q) ? q.trim() + ' ' + t : '(' + q.trim() + ') ' + t;
}

async function fetchJson(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : 'HTTP ' + res.status);
  return body;
}

/** Distinctive terms (?view=terms&q=...&background=archive|filters): a table of linked terms. */
export async function showTerms(p, box) {
  const api = base(p);
  if (p.get('background')) api.set('background', p.get('background'));
  const back = base(p);
  back.delete('background');
  box.replaceChildren(el('h2', { id: 'terms-title', tabindex: '-1' }, 'Distinctive terms'),
    el('p', { class: 'muted' }, 'Counting…'));
  let body;
  try {
    body = await fetchJson('/api/terms?' + api);
  } catch (e) {
    box.replaceChildren(el('h2', {}, 'Distinctive terms'),
      el('p', { class: 'failure', role: 'alert' }, 'Distinctive terms failed: ' + e.message), nav(back, 'Back to the results'));
    return;
  }
  const against = [['archive', 'the whole archive'], ['filters', 'the same dates and filters without the words']]
    .map(([b, label]) => {
      const q = new URLSearchParams(p);
      q.set('background', b);
      return b === body.against ? el('strong', { 'aria-current': 'true' }, label) : nav(q, label);
    });
  const rows = body.terms.map((t) => {
    const q = base(p);
    q.delete('background');
    q.set('q', withTerm(p.get('q'), t.term, t.kind));
    return el('tr', {},
      el('td', { class: 'term' }, nav(q, t.kind === 'phrase' ? '“' + t.term + '”' : t.term)),
      el('td', { class: 'num' }, n(t.fg)), el('td', { class: 'num' }, n(t.bg)),
      el('td', { class: 'num' }, t.score.toFixed(2)));
  });
  box.replaceChildren(
    el('h2', { id: 'terms-title', tabindex: '-1' }, 'Distinctive terms'),
    el('p', { id: 'terms-summary' }, n(body.foreground) + ' articles against ' + n(body.background)
      + (body.sampled ? '; candidates from a sample of ' + n(body.analysed) + ' of them, counts exact' : '')
      + (body.timedOut ? ' (cut at the time limit)' : '') + '. Against: ', ...against.flatMap((o, i) => (i ? [' · ', o] : [o]))),
    el('p', { class: 'muted' }, 'Words (with the other forms of their stem) and two-word phrases over-represented in these '
      + 'articles, scored by log-likelihood G²; stop words and the query’s own words left out. A term adds itself to the search.'),
    body.terms.length
      ? el('table', { class: 'terms', id: 'terms-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Term'), el('th', {}, 'Articles here'),
          el('th', {}, 'Articles in the background'), el('th', {}, 'G²'))),
        el('tbody', {}, rows))
      : el('p', { id: 'terms-none' }, 'No term stands out. ' + (body.warnings || []).join('; ')),
    el('p', {}, nav(back, 'Back to the results')));
}

const BY = [['year', 'year'], ['month', 'month'], ['section', 'section'], ['source', 'source'],
  ['author', 'author'], ['person', 'person'], ['org', 'organisation'], ['place', 'place']];

/** A CSV file's rows (RFC 4180: quotes around a field, "" for a quote inside). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** A CSV file as batch lines: one column is the query; two are name and query (a header "name,query" is skipped). */
function csvLines(text) {
  const rows = csvRows(text);
  if (rows.length && rows[0].length >= 2 && /^name$/i.test(rows[0][0].trim()) && /^(query|q|search)$/i.test(rows[0][1].trim())) rows.shift();
  return rows.map((r) => (r.length >= 2 ? r[0].replace(/\t/g, ' ') + '\t' + r[1] : r[0])).join('\n');
}

/** The batch table (?view=batch&s=...&s=...&by=year): a form, the table of linked counts, its CSV. */
export async function showBatch(p, box, go) {
  const lines = p.getAll('s');
  const text = el('textarea', { id: 'batch-lines', rows: '8', cols: '70', spellcheck: 'false' });
  text.value = lines.join('\n');
  const by = el('select', { id: 'batch-by' }, BY.map(([v, label]) => el('option', { value: v }, label)));
  by.value = p.get('by') || 'year';
  const file = el('input', { id: 'batch-file', type: 'file', accept: '.csv,.txt,text/csv,text/plain' });
  const message = el('p', { id: 'batch-message', role: 'status' });
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    text.value = csvLines(await f.text());
    message.textContent = 'Read ' + text.value.split('\n').length + ' lines from ' + f.name + ': check them, then Count.';
  });
  const form = el('form', { id: 'batch-form', class: 'batch-form' },
    el('label', { for: 'batch-lines' }, 'Searches, one a line'), el('br'), text, el('br'),
    el('label', { for: 'batch-by' }, 'Count by '), by, ' ',
    el('label', { for: 'batch-file' }, 'or read a CSV file '), file, ' ',
    el('button', { type: 'submit', id: 'batch-run' }, 'Count'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = base(p);
    q.delete('s');
    q.delete('by');
    q.delete('q');
    q.set('view', 'batch');
    const ls = text.value.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (ls.length > 100) {
      message.textContent = 'The batch has ' + ls.length + ' searches; at most 100 are taken: split it into several batches.';
      return;
    }
    ls.forEach((l) => q.append('s', l));
    q.set('by', by.value);
    go(q);
  });
  const rule = el('p', { class: 'muted', id: 'batch-rule' },
    'Each line is one search, read exactly as the search box reads it: quotes make a phrase only where you type them, '
    + 'and a comma is not an operator (“iran, sanctions” is the two words, as in the search box). A name may come first, '
    + 'separated by a tab (as a two-column range pasted from a spreadsheet is); otherwise the name is the query. '
    + 'A CSV file is read by CSV’s rules (its quotes wrap a field; "" is a quote) into lines here, one column the query, '
    + 'two the name and the query, so you can see what will be searched. At most 100 searches. '
    + 'The dates and filters of the current search apply to every line.');
  const head = [el('h2', { id: 'batch-title', tabindex: '-1' }, 'A batch of searches'), rule, form, message];
  if (!lines.length) {
    box.replaceChildren(...head);
    return;
  }
  const api = base(p);
  api.delete('q');
  lines.forEach((l) => api.append('s', l));
  api.set('by', by.value);
  box.replaceChildren(...head, el('p', { class: 'muted' }, 'Counting…'));
  let body;
  try {
    body = await fetchJson('/api/batch?' + api);
  } catch (e) {
    box.replaceChildren(...head, el('p', { class: 'failure', role: 'alert' }, 'The batch failed: ' + e.message));
    return;
  }
  const cell = (row, col, count) => {
    const q = new URLSearchParams(row.queryString);
    if (col.dimension) q.append(col.dimension, col.value);
    else { q.set('from', col.from); q.set('to', col.to); }
    return el('td', { class: 'num' }, count ? nav(q, n(count)) : '0');
  };
  const table = el('table', { class: 'batch', id: 'batch-table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Search'), el('th', {}, 'Total'), body.columns.map((c) => el('th', {}, c.label)))),
    el('tbody', {}, body.rows.map((r) => el('tr', {},
      el('th', { scope: 'row' }, nav(new URLSearchParams(r.queryString), r.name)),
      el('td', { class: 'num' }, r.timedOut && !r.counts.length ? 'not run' : n(r.total)),
      body.columns.map((c, i) => (r.counts.length ? cell(r, c, r.counts[i]) : el('td', {})))))));
  box.replaceChildren(...head,
    el('p', { id: 'batch-summary' }, body.rows.length + ' searches by ' + body.by + ' in ' + n(body.tookMs) + ' ms'
      + (body.warnings.length ? ' · ' + body.warnings.join('; ') : '')),
    table,
    el('p', {}, el('a', { href: '/api/batch.csv?' + api, download: '', id: 'batch-csv' }, 'The table as CSV')));
}
