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
  ['page', 'article', 'view', 'top', 'chart', 'order', 'size'].forEach((k) => out.delete(k));
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
    parts.push(el('p', { class: 'tools-links' }, nav(c, 'Concordance', { id: 'concordance-link' }),
      ' (every occurrence in its context)'));
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
