// The search page. The address is the state: its query string is the API's query string (plus two
// parameters of the page's own, `article` and `chart`), so every view can be reloaded, bookmarked,
// and reached with back and forward. Text from articles is set with textContent; the only HTML
// inserted is the server's snippet, and even that is reduced to text and <mark> (see markedText).

import * as coverage from './coverage.js';
import * as entity from './entity.js';
import * as matrix from './matrix.js';
import { queryTools, showBatch, showConcordance, showTerms } from './query-tools.js';
import { markRanges, matchStepper, resultSteps, briefLink, citation } from './reading.js';
import { describeQuery, savedMenu } from './saved-menu.js';
import { phoneFilters } from './phone-filters.js';

/** Facet dimensions, in the order the page shows them: [parameter, heading, singular label]. */
const DIMS = [
  ['section', 'Sections', 'section'],
  ['person', 'People', 'person'],
  ['org', 'Organisations', 'organisation'],
  ['place', 'Places', 'place'],
  ['author', 'Authors', 'author'],
  ['source', 'Sources', 'source'],
];
const DIM_NAMES = new Map(DIMS.map(([d, , one]) => [d, one]));
const ENTITY_DIMS = ['person', 'org', 'place'];
/** Parameters of the page only: never sent to the API. */
const PAGE_ONLY = ['article', 'chart', 'view', 'top', 'compare', 'type', 'name', 'matrix'];
const FACET_SIZE = 10;
const MAX_STORIES = 10000;

const $ = (id) => document.getElementById(id);
const view = {
  form: $('search-form'), q: $('q'), queryError: $('query-error'), status: $('status'), main: $('main'),
  results: $('results-view'), chips: $('chips'), facets: $('facets'), timeline: $('timeline'),
  bars: $('bars'), dates: $('dates'), from: $('from'), to: $('to'),
  summary: $('summary'), sort: $('sort'), empty: $('empty'), hits: $('hits'), pager: $('pager'),
  exports: $('exports'), article: $('article-view'), names: $('names-view'),
};

/** The last answers, by API query string, so that back shows the results exactly as they were. */
const cache = new Map();
let sequence = 0;
let firstPaint = true;

// --- small helpers ------------------------------------------------------------------------------

/** An element with attributes and children (strings become text nodes, never HTML). */
/**
 * The address if a link may have it, else null: http(s) only, absolute or on this site
 * ('/api/...', '?q=...'); never javascript:, data: or anything else an article's URL might hold.
 */
function safeHref(v) {
  try {
    const u = new URL(String(v), location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? String(v) : null;
  } catch {
    return null;
  }
}

/** An element; an href that is not http(s) is left out (see safeHref). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'href') { if (safeHref(v) !== null) e.setAttribute(k, v); }
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/**
 * The server's marked HTML as nodes: text and <mark> only. The server escapes everything else; this
 * keeps the page safe even if it did not.
 */
function markedText(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  const out = document.createDocumentFragment();
  const walk = (from, to) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) to.append(n.textContent);
      else if (n.nodeType === Node.ELEMENT_NODE && n.localName === 'mark') walk(n, to.appendChild(el('mark')));
      else if (n.nodeType === Node.ELEMENT_NODE) to.append(n.textContent);
    }
  };
  walk(t.content, out);
  return out;
}

const params = () => new URLSearchParams(location.search);

/** The API query string of page parameters: the page's own parameters left out. */
function apiQuery(p) {
  const a = new URLSearchParams(p);
  PAGE_ONLY.forEach((k) => a.delete(k));
  return a.toString();
}

/** Page parameters changed by `change(p)`, from the current ones; page and article are reset. */
function changed(change, base = params()) {
  const p = new URLSearchParams(base);
  p.delete('page');
  p.delete('article');
  p.delete('view');
  p.delete('top');
  p.delete('type');
  p.delete('name');
  change(p);
  return p;
}

const href = (p) => {
  const s = p.toString();
  return s ? '?' + s : './';
};

function removeValue(p, name, value) {
  const keep = p.getAll(name).filter((v) => v !== value);
  p.delete(name);
  keep.forEach((v) => p.append(name, v));
}

/** Goes to the page state `p`: a new history entry (or the same one, with replace). */
function navigate(p, { replace = false, focus = null } = {}) {
  saveScroll();
  const url = href(p);
  if (replace) history.replaceState({ focus }, '', url);
  else {
    // how many article views lie between this entry and the results, so that "Back to the results"
    // returns to the very entry (and scroll) the results were left at
    const depth = p.has('article') ? (params().has('article') ? ((history.state && history.state.depth) || 0) + 1 : 1) : 0;
    history.pushState({ focus, fromResults: !params().has('article'), depth }, '', url);
  }
  render();
}

function saveScroll() {
  history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '', location.href);
}

/** An internal link: a plain link (opens in a new tab too) that the page follows without a reload. */
function navLink(p, text, attrs = {}) {
  return el('a', { href: href(p), 'data-nav': '', ...attrs }, text);
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-nav]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(new URL(a.getAttribute('href'), location.href).searchParams, { focus: a.dataset.focus || null });
});

async function getJson(path, signal) {
  const res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return { ok: res.ok, status: res.status, body };
}

function status(text) {
  view.status.textContent = text;
}

/** A failed request: says so where the content would be, with a way to try again. */
function failure(where, message) {
  where.hidden = false;
  where.replaceChildren(el('div', { class: 'failure', role: 'alert' },
    el('p', { text: message }),
    el('button', { type: 'button', onclick: () => render() }, 'Try again')));
}

// --- the page -----------------------------------------------------------------------------------

/** Marks the page as loading or ready ({@code html[data-state]}), for tests and for styles. */
function state(s) {
  document.documentElement.dataset.state = s;
}

function render() {
  state('loading');
  const p = params();
  view.q.value = p.get('q') || '';
  view.sort.value = p.get('sort') || 'relevance';
  const chart = p.get('chart') === 'share' ? 'share' : 'count';
  for (const r of document.querySelectorAll('input[name=chart]')) r.checked = r.value === chart;
  // the date fields take what the address and the chips show: a day, a month or a year, in ISO
  view.from.value = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(p.get('from') || '') ? p.get('from') : '';
  view.to.value = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(p.get('to') || '') ? p.get('to') : '';
  view.names.hidden = p.get('view') !== 'names';
  $('entity-view').hidden = p.get('view') !== 'entity';
  const tools = { concordance: showConcordance, terms: showTerms, batch: showBatch };
  for (const t of Object.keys(tools)) $(t + '-view').hidden = p.get('view') !== t;
  if (tools[p.get('view')]) {
    view.results.hidden = true;
    view.article.hidden = true;
    tools[p.get('view')](p, $(p.get('view') + '-view'), navigate).then(() => state('ready'));
  } else if (p.get('view') === 'entity') {
    view.results.hidden = true;
    view.article.hidden = true;
    entity.showEntity(p, $('entity-view')).finally(() => state('ready'));
  } else if (p.get('view') === 'names') showNames(p);
  else if (p.has('article')) showArticle(p.get('article'));
  else showResults(p);
}

async function showResults(p) {
  const seq = ++sequence;
  view.article.hidden = true;
  view.results.hidden = false;
  document.title = (p.get('q') ? p.get('q') + ': ' : '') + 'Morgue';
  const qs = apiQuery(p);
  let answer = cache.get(qs);
  if (!answer) {
    status('Searching…');
    view.results.classList.add('busy');
    try {
      answer = await getJson('/api/search' + (qs ? '?' + qs : ''));
    } catch (e) {
      if (seq !== sequence) return;
      view.results.classList.remove('busy');
      status('');
      clearResults();
      failure(view.empty, 'The search failed: the server did not answer (' + e.message + ').');
      state('ready');
      return;
    }
    if (seq !== sequence) return;
    view.results.classList.remove('busy');
    if (answer.ok) {
      cache.set(qs, answer);
      if (cache.size > 30) cache.delete(cache.keys().next().value);
    }
  }
  status('');
  const refused = !answer.ok && answer.body ? answer.body.error : null;
  // a query error shows under the search box, at its position; any other one once, where results go
  showQueryError(refused && refused.parameter === 'q' ? refused : null);
  if (!answer.ok) {
    clearResults();
    const err = answer.body && answer.body.error;
    if (err && err.status < 500) {
      // the request itself is wrong: say how, once; trying again would not help
      view.empty.hidden = false;
      view.empty.replaceChildren(el('p', { class: 'failure' },
        err.parameter === 'q' ? 'The search was not run: correct the query above and search again.' : err.message));
    } else {
      failure(view.empty, err ? err.message : 'The search failed (HTTP ' + answer.status + ').');
    }
    state('ready');
    return;
  }
  const charted = paintResults(p, answer.body);
  await charted;
  if (seq !== sequence) return;
  if (firstPaint) {
    // the time from navigation start to the first frame with results, for tests and measurements
    firstPaint = false;
    requestAnimationFrame(() => {
      document.documentElement.dataset.firstResultsMs = String(Math.round(performance.now()));
    });
  }
  restoreScroll();
  if (answer.body.total === 0) await explainEmpty(p, seq);
  if (seq === sequence) state('ready');
}

function restoreScroll() {
  const s = history.state || {};
  if (s.focus) {
    const target = document.querySelector('[data-focus-id="' + CSS.escape(s.focus) + '"]');
    if (target) target.focus({ preventScroll: s.scrollY !== undefined });
  }
  window.scrollTo(0, s.scrollY || 0);
}

function clearResults() {
  view.hits.replaceChildren();
  view.pager.replaceChildren();
  view.summary.textContent = '';
  view.facets.replaceChildren();
  view.timeline.hidden = true;
  view.exports.replaceChildren();
  $('query-tools').replaceChildren();
  view.chips.replaceChildren(...chips(params()));
}

/** The query error at its position, under the search box. */
function showQueryError(err) {
  if (!err) {
    view.queryError.hidden = true;
    view.queryError.replaceChildren();
    view.q.removeAttribute('aria-invalid');
    return;
  }
  const parts = [el('p', { text: err.message })];
  if (err.parameter === 'q' && Number.isInteger(err.position)) {
    const q = params().get('q') || '';
    const at = Math.min(err.position, q.length);
    parts.push(el('pre', { class: 'caret', 'aria-hidden': 'true' },
      q.slice(0, at), el('span', { class: 'here' }, q.slice(at, at + 1) || ' '), q.slice(at + 1),
      '\n' + ' '.repeat(at) + '^'));
    view.q.setSelectionRange(at, at);
  }
  view.queryError.replaceChildren(...parts);
  view.queryError.hidden = false;
  if (err.parameter === 'q') view.q.setAttribute('aria-invalid', 'true');
}

function paintResults(p, r) {
  view.empty.hidden = true;
  view.empty.replaceChildren();
  view.chips.replaceChildren(...chips(p));
  const took = r.tookMs + ' ms' + (r.timedOut ? ', stopped at the time limit: the counts cover part of the archive' : '');
  const stories = r.stories !== r.total ? ' (' + r.stories.toLocaleString('en') + (r.stories === 1 ? ' story)' : ' stories)') : '';
  view.summary.textContent = r.total.toLocaleString('en') + (r.total === 1 ? ' article' : ' articles') + stories + ' in ' + took;
  if (r.warnings && r.warnings.length) view.summary.append(el('span', { class: 'warning' }, ' · ' + r.warnings.join('; ')));
  view.hits.replaceChildren(...r.hits.map((h) => hit(p, h)));
  view.hits.start = (r.query.page - 1) * r.query.size + 1;
  view.pager.replaceChildren(...pager(p, r));
  view.facets.replaceChildren(...DIMS.map(([d, heading]) => facet(p, r, d, heading)));
  const charted = Promise.all([coverage.showTimeline(p, r), matrix.showMatrix(p)]);
  exportsLinks(p);
  queryTools(p, r, $('query-tools'));
  return charted;
}

function hit(p, h) {
  const open = changed((q) => q.set('article', h.id), p);
  const page = p.get('page');
  if (page) open.set('page', page);
  const meta = [];
  if (h.date) meta.push(el('time', { datetime: h.date }, h.date));
  if (h.section) meta.push(el('span', { class: 'section' }, h.section));
  if (h.authors && h.authors.length) meta.push(el('span', { class: 'byline' }, 'By ' + h.authors.join(', ')));
  if (h.source) meta.push(el('span', { class: 'source' }, h.source));
  if (h.copies) meta.push(el('span', { class: 'copies' }, h.copies + (h.copies === 1 ? ' wire copy' : ' wire copies')));
  return el('li', { class: 'hit' },
    el('h3', {}, navLink(open, h.title || '(untitled)', { 'data-focus-id': h.id, 'data-focus': h.id })),
    el('p', { class: 'meta' }, ...meta.flatMap((m, i) => (i ? [' · ', m] : [m]))),
    h.snippet ? el('p', { class: 'snippet' }, markedText(h.snippet)) : null);
}

function pager(p, r) {
  const size = r.query.size;
  const pages = Math.max(1, Math.min(Math.ceil(r.stories / size), Math.floor(MAX_STORIES / size)));
  const now = r.query.page;
  if (pages <= 1) return [];
  const to = (n) => { const q = new URLSearchParams(p); q.delete('article'); if (n > 1) q.set('page', n); else q.delete('page'); return q; };
  const out = [];
  if (now > 1) out.push(navLink(to(now - 1), '‹ Previous', { rel: 'prev' }));
  const shown = new Set([1, pages, now - 2, now - 1, now, now + 1, now + 2].filter((n) => n >= 1 && n <= pages));
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > last + 1) out.push(el('span', { class: 'gap' }, '…'));
    out.push(n === now ? el('span', { class: 'current', 'aria-current': 'page' }, String(n))
      : navLink(to(n), String(n), { 'aria-label': 'Page ' + n }));
    last = n;
  }
  if (now < pages) out.push(navLink(to(now + 1), 'Next ›', { rel: 'next' }));
  return out;
}

// --- chips and facets ---------------------------------------------------------------------------

function chips(p) {
  const out = [];
  const chip = (label, remove) => out.push(el('span', { class: 'chip' }, label,
    el('button', { type: 'button', class: 'chip-remove', 'aria-label': 'Remove ' + label,
      onclick: () => navigate(changed(remove, p)) }, '×')));
  for (const [d, , one] of DIMS) {
    for (const v of p.getAll(d)) chip(one + ': ' + v, (q) => removeValue(q, d, v));
    for (const v of p.getAll('not.' + d)) chip('not ' + one + ': ' + v, (q) => removeValue(q, 'not.' + d, v));
  }
  if (p.get('from')) chip('from ' + p.get('from'), (q) => q.delete('from'));
  if (p.get('to')) chip('to ' + p.get('to'), (q) => q.delete('to'));
  if (out.length > 1) {
    out.push(el('button', { type: 'button', class: 'clear',
      onclick: () => navigate(changed((q) => {
        for (const k of [...q.keys()]) if (!['q', 'sort', 'chart', 'compare', 'interval'].includes(k)) q.delete(k);
      }, p)) }, 'Clear all filters'));
  }
  return out;
}

function facetItem(p, d, value, count) {
  const chosen = p.getAll(d).includes(value);
  const excluded = p.getAll('not.' + d).includes(value);
  const one = DIM_NAMES.get(d);
  const toggle = changed((q) => {
    removeValue(q, 'not.' + d, value);
    if (chosen) removeValue(q, d, value); else q.append(d, value);
  }, p);
  const exclude = changed((q) => {
    removeValue(q, d, value);
    if (excluded) removeValue(q, 'not.' + d, value); else q.append('not.' + d, value);
  }, p);
  return el('li', { class: 'facet-item' + (chosen ? ' chosen' : '') + (excluded ? ' excluded' : '') },
    navLink(toggle, [el('span', { class: 'value' }, value), ' ', el('span', { class: 'count' }, count === null ? '' : count.toLocaleString('en'))],
      { class: 'facet-value', 'aria-current': chosen ? 'true' : null, 'data-dim': d, 'data-value': value,
        'aria-label': (chosen ? 'Remove ' : 'Keep only ') + one + ' ' + value + (count === null ? '' : ', ' + count + ' articles') }),
    ENTITY_DIMS.includes(d) ? entity.entityLink(d, value, 'ⓘ', { class: 'facet-about', 'aria-label': 'About ' + value, title: 'About ' + value }) : null,
    navLink(exclude, excluded ? '↺' : '−',
      { class: 'facet-exclude', 'data-dim': d, 'data-value': value,
        'aria-label': (excluded ? 'Stop excluding ' : 'Exclude ') + one + ' ' + value,
        title: excluded ? 'Stop excluding' : 'Exclude' }));
}

function facet(p, r, d, heading) {
  const values = (r.facets && r.facets[d]) || [];
  const shown = new Set(values.map((v) => v.value));
  const items = values.map((v) => facetItem(p, d, v.value, v.count));
  for (const v of [...p.getAll(d), ...p.getAll('not.' + d)]) {
    if (!shown.has(v)) { shown.add(v); items.push(facetItem(p, d, v, null)); }
  }
  if (d === 'section' && !p.getAll(d).length && !p.getAll('not.' + d).length && values.length < (r.query.facetSize || FACET_SIZE)) {
    // every section is listed: the rest of the matches have none, so that the list adds up
    const none = r.total - values.reduce((n, v) => n + v.count, 0);
    if (none > 0) {
      items.push(el('li', { class: 'facet-item facet-none' }, el('span', { class: 'facet-value' },
        el('span', { class: 'value' }, '(no section)'), ' ', el('span', { class: 'count' }, none.toLocaleString('en')))));
    }
  }
  const box = el('section', { class: 'facet', 'data-dim': d, 'aria-labelledby': 'facet-' + d },
    el('h2', { id: 'facet-' + d }, heading));
  box.append(items.length ? el('ul', {}, items) : el('p', { class: 'none' }, 'none'));
  const extra = coverage.facetExtras(p, r, d, DIM_NAMES.get(d));
  if (extra) box.append(extra);
  if (values.length >= (r.query.facetSize || FACET_SIZE) || p.getAll(d).length) box.append(moreButton(p, d, heading));
  return box;
}

/** "More": a search inside the dimension's values, through /api/facets/{dimension}?prefix=. */
function moreButton(p, d, heading) {
  const panel = el('div', { class: 'more', hidden: true });
  const input = el('input', { type: 'search', id: 'more-' + d, autocomplete: 'off' });
  const list = el('ul', { 'aria-live': 'polite' });
  const note = el('p', { class: 'note' });
  panel.append(el('label', { for: 'more-' + d }, 'Find in ' + heading.toLowerCase()), input, note, list);
  let timer = 0;
  let asked = 0;
  const look = async () => {
    const n = ++asked;
    const q = new URLSearchParams(apiQuery(p));
    q.delete('page');
    q.set('facetSize', '50');
    q.set('prefix', input.value);
    try {
      const res = await getJson('/api/facets/' + encodeURIComponent(d) + '?' + q);
      if (n !== asked) return;
      if (!res.ok) { note.textContent = res.body && res.body.error ? res.body.error.message : 'failed'; return; }
      note.textContent = res.body.matching + (res.body.matching === 1 ? ' value' : ' values') + (res.body.matching > res.body.values.length ? ', the first ' + res.body.values.length + ' shown' : '');
      list.replaceChildren(...res.body.values.map((v) => facetItem(p, d, v.value, v.count)));
    } catch (e) {
      if (n === asked) note.textContent = 'The server did not answer: ' + e.message;
    }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(look, 150); });
  const button = el('button', { type: 'button', class: 'more-button', 'aria-expanded': 'false', 'aria-controls': 'more-panel-' + d },
    'More ' + heading.toLowerCase() + '…');
  panel.id = 'more-panel-' + d;
  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = (open ? 'Fewer ' : 'More ') + heading.toLowerCase() + (open ? '' : '…');
    if (open) { input.focus(); look(); }
  });
  return el('div', {}, button, panel);
}

function exportsLinks(p) {
  const q = new URLSearchParams(apiQuery(p));
  q.delete('page');
  q.delete('size');
  const qs = q.toString() ? '?' + q : '';
  view.exports.replaceChildren('Export this search: ',
    el('a', { href: '/api/search.csv' + qs, download: '' }, 'CSV'), ' (',
    el('a', { href: '/api/search.csv' + (qs ? qs + '&' : '?') + 'bom=1', download: '' }, 'CSV for Excel'), ') · ',
    el('a', { href: '/api/search.jsonl' + qs, download: '' }, 'JSON Lines'), ' · follow it: ',
    el('a', { href: '/api/search.atom' + qs, type: 'application/atom+xml' }, 'Atom feed'));
}

// --- the empty state ----------------------------------------------------------------------------

/** No results: re-runs the search without each part to say which part emptied it. */
async function explainEmpty(p, seq) {
  const q = p.get('q') || '';
  const parts = [];
  for (const [d, , one] of DIMS) {
    for (const v of p.getAll(d)) parts.push({ label: one + ' ' + v, without: changed((x) => removeValue(x, d, v), p) });
    for (const v of p.getAll('not.' + d)) parts.push({ label: 'no ' + one + ' ' + v, without: changed((x) => removeValue(x, 'not.' + d, v), p) });
  }
  if (p.get('from')) parts.push({ label: 'from ' + p.get('from'), without: changed((x) => x.delete('from'), p) });
  if (p.get('to')) parts.push({ label: 'to ' + p.get('to'), without: changed((x) => x.delete('to'), p) });
  const words = q ? 'no matches for “' + q + '”' : 'no articles';
  const head = el('p', { class: 'empty-head' }, words[0].toUpperCase() + words.slice(1) +
    (parts.length ? ' with ' + parts.map((x) => x.label).join(' and ') : '') + '.');
  view.empty.hidden = false;
  view.empty.replaceChildren(head);
  if (q && parts.length) parts.push({ label: 'the words “' + q + '”', without: changed((x) => x.delete('q'), p) });
  if (!parts.length) {
    view.empty.append(el('p', {}, 'Try fewer words, a prefix such as elect*, or OR between words.'));
    return;
  }
  const counts = await Promise.all(parts.slice(0, 12).map(async (part) => {
    const x = new URLSearchParams(apiQuery(part.without));
    x.set('size', '1');
    x.set('facetSize', '1');
    try {
      const res = await getJson('/api/search?' + x);
      return res.ok ? res.body.total : null;
    } catch {
      return null;
    }
  }));
  if (seq !== sequence) return;
  const list = el('ul', { class: 'without' });
  parts.slice(0, 12).forEach((part, i) => {
    if (counts[i] === null) return;
    list.append(el('li', {}, counts[i].toLocaleString('en') + ' without ' + part.label + ' ',
      counts[i] ? navLink(part.without, 'drop it', { 'aria-label': 'Search without ' + part.label }) : null));
  });
  view.empty.append(list);
}

// --- the article view ---------------------------------------------------------------------------

/** Text with the entity mentions of one field as links that filter the results by the entity. */
function withMentions(text, mentions, field, results) {
  const frag = document.createDocumentFragment();
  let at = 0;
  const ms = mentions.filter((m) => m.field === field).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of ms) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    frag.append(text.slice(at, m.start));
    const filter = changed((q) => { if (!q.getAll(m.type).includes(m.canonical)) q.append(m.type, m.canonical); }, results);
    frag.append(navLink(filter, text.slice(m.start, m.end), {
      class: 'mention m-' + m.type, title: (DIM_NAMES.get(m.type) || m.type) + ': ' + m.canonical + ' (filter the results by it)',
      'aria-label': text.slice(m.start, m.end) + ', ' + (DIM_NAMES.get(m.type) || m.type) + ' ' + m.canonical + ': filter by it' }));
    at = m.end;
  }
  frag.append(text.slice(at));
  return frag;
}

async function showArticle(id) {
  const seq = ++sequence;
  const p = params();
  const results = changed(() => {}, p);
  const page = p.get('page');
  if (page) results.set('page', page);
  view.results.hidden = true;
  view.article.hidden = false;
  showQueryError(null);
  const back = navLink(results, '← Back to the results', { class: 'back' });
  back.addEventListener('click', (e) => {
    const depth = history.state && (history.state.depth || (history.state.fromResults ? 1 : 0));
    if (depth && e.button === 0 && !e.metaKey && !e.ctrlKey) {
      e.preventDefault();
      e.stopImmediatePropagation();
      history.go(-depth);
    }
  }, { capture: true });
  view.article.replaceChildren(back, el('p', { class: 'loading' }, 'Loading the article…'));
  let res;
  try {
    res = await getJson('/api/articles/' + encodeURIComponent(id) + (p.get('q') ? '?q=' + encodeURIComponent(p.get('q')) : ''));
  } catch (e) {
    if (seq === sequence) failure(view.article, 'The article could not be loaded: the server did not answer (' + e.message + ').');
    if (seq === sequence) view.article.prepend(back);
    if (seq === sequence) state('ready');
    return;
  }
  if (seq !== sequence) return;
  if (res.status === 404) {
    // trying again would find nothing either
    view.article.replaceChildren(back, el('div', { class: 'failure', role: 'alert' },
      el('p', { text: 'There is no article “' + id + '” in this archive: the link may be wrong, or the article was never ingested here.' })));
    state('ready');
    return;
  }
  if (!res.ok) {
    failure(view.article, res.body && res.body.error ? res.body.error.message : 'The article could not be loaded (HTTP ' + res.status + ').');
    view.article.prepend(back);
    state('ready');
    return;
  }
  const a = res.body;
  const mentions = a.mentions || [];
  document.title = (a.title || a.id) + ': Morgue';
  const meta = el('dl', { class: 'article-meta' });
  const row = (k, ...v) => meta.append(el('dt', {}, k), el('dd', {}, ...v));
  if (a.date) row('Date', el('time', { datetime: a.date }, a.date));
  if (a.section) row('Section', navLink(changed((q) => q.set('section', a.section), results), a.section));
  if (a.authors && a.authors.length) row('By', ...a.authors.flatMap((n, i) => [i ? ', ' : '', navLink(changed((q) => q.set('author', n), results), n)]));
  if (a.source) row('Source', navLink(changed((q) => q.set('source', a.source), results), a.source));
  if (a.url) row('Original', safeHref(a.url) === null ? a.url : el('a', { href: a.url, rel: 'noopener noreferrer' }, a.url));
  const toArticle = (other, text, attrs = {}) => navLink(changed((q) => q.set('article', other), results), text, attrs);
  if (a.copyOf) row('Copy of', a.original ? briefLink(a.original, toArticle) : toArticle(a.copyOf, a.copyOf));
  const copyList = a.copyList || (a.copies || []).map((c) => ({ id: c }));
  if (copyList.length) row('Wire copies', el('ul', { class: 'copy-list' }, copyList.map((c) => el('li', {}, briefLink(c, toArticle)))));
  const permanent = location.origin + '/?article=' + encodeURIComponent(a.id);
  row('Permanent link', el('a', { href: permanent, class: 'permalink' }, permanent));
  row('Cite', citation(a, permanent));
  const entities = el('div', { class: 'entities' });
  for (const [d, heading] of DIMS.slice(1, 4)) {
    const names = (a.entities && a.entities[d]) || [];
    if (names.length) {
      entities.append(el('h3', {}, heading), el('ul', {}, names.map((n) => el('li', {},
        navLink(changed((q) => { if (!q.getAll(d).includes(n)) q.append(d, n); }, results), n, { class: 'mention m-' + d }), ' ',
        entity.entityLink(d, n, 'about', { 'aria-label': 'About ' + n })))));
    }
  }
  const related = (a.related || []).map((r) => el('li', {},
    navLink(changed((q) => q.set('article', r.id), results), r.title || r.id), ' ',
    el('span', { class: 'meta' }, [r.date, r.section, r.source].filter(Boolean).join(' · '))));
  const fields = {
    title: el('h2', { id: 'article-title', tabindex: '-1' }, withMentions(a.title || '(untitled)', mentions, 'title', results)),
    lede: a.lede ? el('p', { class: 'lede' }, withMentions(a.lede, mentions, 'lede', results)) : null,
    body: el('div', { class: 'body' }, withMentions(a.body || '', mentions, 'body', results)),
  };
  const marks = [];
  if (a.title) marks.push(...markRanges(fields.title, (a.marks || []).filter((m) => m.field === 'title')));
  if (fields.lede) marks.push(...markRanges(fields.lede, (a.marks || []).filter((m) => m.field === 'lede')));
  marks.push(...markRanges(fields.body, (a.marks || []).filter((m) => m.field === 'body')));
  const listed = cache.get(apiQuery(results));
  const steps = listed && listed.body ? resultSteps(listed.body.hits || [], a.id, toArticle) : null;
  view.article.replaceChildren(...[
    back,
    steps || matchStepper(marks) ? el('div', { class: 'reading-tools' }, steps, matchStepper(marks)) : null,
    fields.title,
    meta,
    fields.lede,
    fields.body,
    entities.childNodes.length ? el('section', { class: 'article-entities', 'aria-label': 'Named in this article' }, el('h2', {}, 'Named in this article'), entities) : null,
    related.length ? el('section', { class: 'related', 'aria-labelledby': 'related-title' }, el('h2', { id: 'related-title' }, 'Related articles'), el('ul', {}, related)) : null].filter(Boolean));
  window.scrollTo(0, (history.state && history.state.scrollY) || 0);
  $('article-title').focus({ preventScroll: true });
  state('ready');
}

// --- the controls -------------------------------------------------------------------------------

view.form.addEventListener('submit', (e) => {
  e.preventDefault();
  navigate(changed((q) => { if (view.q.value.trim()) q.set('q', view.q.value.trim()); else q.delete('q'); }));
});
view.sort.addEventListener('change', () => navigate(changed((q) => {
  if (view.sort.value === 'relevance') q.delete('sort'); else q.set('sort', view.sort.value);
})));
view.dates.addEventListener('submit', (e) => {
  e.preventDefault();
  navigate(changed((q) => {
    for (const k of ['from', 'to']) { if (view[k].value) q.set(k, view[k].value); else q.delete(k); }
  }));
});
for (const r of document.querySelectorAll('input[name=chart]')) {
  r.addEventListener('change', () => {
    const q = params();
    if (r.value === 'share') q.set('chart', 'share'); else q.delete('chart');
    navigate(q, { replace: true });
  });
}

coverage.init({ el, navLink, changed, navigate, params, href, getJson, removeValue });
entity.init({ el, navLink, href, getJson });
matrix.init({ el, navLink, changed, navigate, params, getJson, removeValue, apiQuery });

// --- saved searches -----------------------------------------------------------------------------

const saved = {
  form: $('save-form'), name: $('save-name'), result: $('save-result'), list: $('saved-list'),
  tokenRow: $('token-row'), token: $('token'),
};
const TOKEN_KEY = 'morgue.token';
/** The names of the saved searches as last listed, to ask before a second one takes a name. */
let savedNames = [];
savedMenu(document.querySelector('.views'), $('saved'), $('saved-title'));

/** A JSON request with the token, if one was given (kept for this tab only). */
async function sendJson(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = 'Bearer ' + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  return { ok: res.ok, status: res.status, body: json };
}

function errorText(r) {
  if (r.status === 401) saved.tokenRow.hidden = false;
  return (r.body && r.body.error && r.body.error.message) || 'The server did not answer (' + r.status + ').';
}

/** The list of saved searches, each with its totals then and now. */
async function loadSaved() {
  let r;
  try {
    r = await getJson('/api/saved');
  } catch {
    r = { ok: false, status: 0, body: null };
  }
  if (!r.ok) {
    saved.list.replaceChildren(el('li', { class: 'failure', text: 'The saved searches could not be loaded. ' + errorText(r) }));
    return;
  }
  if (r.body.tokenRequired) saved.tokenRow.hidden = false;
  savedNames = r.body.saved.map((s) => s.name);
  saved.list.replaceChildren(...(r.body.saved.length ? r.body.saved.map(savedItem) : [el('li', { class: 'muted', text: 'None yet.' })]));
}

function savedItem(s) {
  const li = el('li', { class: 'saved-item', 'data-slug': s.slug });
  const now = s.counted === false ? 'not counted yet (reload to count)' : s.total === null ? 'it no longer runs' : s.total + ' now';
  const counts = s.totalAtSave + ' results when saved on ' + s.savedAt.slice(0, 10) + ', ' + now;
  const fresh = s.counted === false ? 'new: not counted yet'
    : s.newSince ? s.newSince + ' new since ' + (s.lastOpenedAt ? 'marked seen' : 'saved') : 'nothing new';
  const del = el('button', { type: 'button', class: 'saved-delete' }, 'Delete');
  del.addEventListener('click', async () => {
    if (del.dataset.confirm === undefined) {
      del.dataset.confirm = '';
      del.textContent = 'Delete for good?';
      return;
    }
    const r = await sendJson('DELETE', '/api/saved/' + encodeURIComponent(s.slug));
    if (r.ok) loadSaved();
    else saved.result.textContent = errorText(r);
  });
  li.append(
    el('a', { href: s.link, class: 'saved-name' }, s.name), ' ',
    el('span', { class: 'saved-query' }, describeQuery(s.query)), ' · ',
    el('span', { class: 'saved-counts' }, counts, ' · ', el('strong', { class: 'saved-new' }, s.newSince ? newToggle(li, s, fresh) : fresh)), ' ',
    el('a', { href: s.link + '.atom', type: 'application/atom+xml', class: 'saved-feed' }, 'feed'), ' ',
    el('button', { type: 'button', class: 'saved-rename', onclick: () => renameForm(li, s) }, 'Rename'), ' ', del);
  return li;
}

/** "K new": a button that shows, under the saved search, the articles it did not match before. */
function newToggle(li, s, label) {
  const button = el('button', { type: 'button', class: 'saved-new-toggle', 'aria-expanded': 'false' }, label);
  let shown = null;
  button.addEventListener('click', async () => {
    if (shown) {
      shown.remove();
      shown = null;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    shown = el('div', { class: 'saved-new-articles', text: 'Loading…' });
    li.append(shown);
    const box = shown;
    let r;
    try {
      r = await getJson('/api/saved/' + encodeURIComponent(s.slug) + '/new');
    } catch {
      r = { ok: false, status: 0, body: null };
    }
    if (!r.ok) {
      box.replaceChildren(el('span', { class: 'failure', text: 'The new articles could not be loaded. ' + errorText(r) }));
      return;
    }
    const b = r.body;
    if (!b.exact) {
      box.replaceChildren(el('span', { class: 'muted', text: b.newSince + ' more than then; which ones is not known (too many articles to remember). Open the search to see them all.' }), ' ', seenButton(s));
      return;
    }
    const items = b.articles.map((a) => el('li', {},
      el('a', { href: '/?article=' + encodeURIComponent(a.id), class: 'saved-new-title', text: a.title || a.id }),
      el('span', { class: 'muted', text: ' ' + [a.date, a.section, a.source].filter(Boolean).join(' · ') })));
    box.replaceChildren(el('ul', { class: 'saved-new-list' }, items));
    if (b.newSince > b.articles.length) {
      box.append(el('p', { class: 'muted', text: 'and ' + (b.newSince - b.articles.length) + ' more; open the search to see them all.' }));
    }
    box.append(seenButton(s));
  });
  return button;
}

/** "Mark as seen": new matches are counted from now on (a change, behind the token). */
function seenButton(s) {
  const button = el('button', { type: 'button', class: 'saved-mark-seen' }, 'Mark as seen');
  button.addEventListener('click', async () => {
    const r = await sendJson('POST', '/api/saved/' + encodeURIComponent(s.slug) + '/seen', {});
    if (r.ok) loadSaved();
    else saved.result.textContent = errorText(r);
  });
  return button;
}

function renameForm(li, s) {
  const input = el('input', { value: s.name, maxlength: '200', required: true, 'aria-label': 'New name of ' + s.name });
  const form = el('form', { class: 'saved-rename-form' }, input, ' ', el('button', { type: 'submit' }, 'Rename'), ' ',
    el('button', { type: 'button', onclick: () => loadSaved() }, 'Cancel'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await sendJson('PATCH', '/api/saved/' + encodeURIComponent(s.slug), { name: input.value });
    if (r.ok) loadSaved();
    else saved.result.textContent = errorText(r);
  });
  li.replaceChildren(form);
  input.focus();
}

saved.form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = saved.name.value.trim();
  const same = savedNames.find((n) => n.toLowerCase() === name.toLowerCase());
  if (same !== undefined && saved.form.dataset.confirmed !== name) {
    // ask first: a second search under a name already used is easily a mistake
    saved.result.replaceChildren(el('span', { class: 'save-ask', role: 'alert' },
      'A saved search is already named “' + same + '”. ',
      el('button', { type: 'button', class: 'save-anyway', onclick: () => {
        saved.form.dataset.confirmed = name;
        saved.form.requestSubmit();
      } }, 'Save another under this name'), ' or choose another name.'));
    return;
  }
  delete saved.form.dataset.confirmed;
  const q = new URLSearchParams(apiQuery(params()));
  q.delete('page');
  let r;
  try {
    r = await sendJson('POST', '/api/saved', { name: saved.name.value, query: q.toString() });
  } catch {
    r = { ok: false, status: 0, body: null };
  }
  if (!r.ok) {
    saved.result.replaceChildren(el('span', { class: 'query-error', role: 'alert' }, errorText(r)));
    return;
  }
  saved.name.value = '';
  saved.result.replaceChildren('Saved “' + r.body.name + '”: ',
    el('a', { href: r.body.link, id: 'saved-link' }, location.origin + r.body.link));
  loadSaved();
});
saved.token.value = sessionStorage.getItem(TOKEN_KEY) || '';
saved.token.addEventListener('change', () => {
  if (saved.token.value) sessionStorage.setItem(TOKEN_KEY, saved.token.value);
  else sessionStorage.removeItem(TOKEN_KEY);
});

// --- names: the report of suspected splits and junk, and rules applied on one click ----------------

const names = {
  view: $('names-view'), title: $('names-title'), report: $('names-report'), result: $('names-result'),
  form: $('rule-form'), rule: $('rule-text'), tokenRow: $('names-token-row'), token: $('names-token'),
};
/** Each dimension's scope in a rule, and its type's full name (the target of a retype). */
const RULE_SCOPE = { person: 'PERSON', org: 'ORG', place: 'PLACE' };
const RULE_TYPE = { person: 'PERSON', org: 'ORGANIZATION', place: 'LOCATION' };
const blockRule = (type, value) => 'block ' + RULE_SCOPE[type] + ': ' + value;
const retypeRule = (type, value, to) => 'type ' + RULE_SCOPE[type] + ': ' + value + ' => ' + RULE_TYPE[to];
const renameRule = (type, value, to) => RULE_SCOPE[type] + ': ' + value + ' => ' + to;

function namesError(r) {
  if (r.status === 401) names.tokenRow.hidden = false;
  return errorText(r);
}

async function showNames(p) {
  const seq = ++sequence;
  view.results.hidden = true;
  view.article.hidden = true;
  showQueryError(null);
  document.title = 'Names: Morgue';
  const top = /^\d{1,5}$/.test(p.get('top') || '') ? p.get('top') : '';
  names.report.classList.add('busy');
  let r;
  try {
    r = await getJson('/api/entities/report' + (top ? '?top=' + top : ''));
  } catch {
    r = { ok: false, status: 0, body: null };
  }
  if (seq !== sequence) return;
  names.report.classList.remove('busy');
  if (!r.ok) {
    failure(names.report, 'The names report could not be loaded. ' + errorText(r));
  } else {
    paintNames(r.body);
  }
  if (history.state && history.state.focus === 'names') names.title.focus({ preventScroll: true });
  state('ready');
}

/** A name as a link to the articles filed under it. */
function nameLink(type, value) {
  return navLink(new URLSearchParams([[type, value]]), value, { class: 'name-link' });
}

/** The buttons of one name: the suggested rule, then block, retype and rename. */
function nameActions(type, value, suggested) {
  const box = el('div', { class: 'names-actions' });
  if (suggested && suggested.rule) {
    box.append(el('button', { type: 'button', class: 'rule-suggested', onclick: () => applyRule(suggested.rule) }, suggested.label));
  }
  const block = blockRule(type, value);
  if (!suggested || suggested.rule !== block) {
    box.append(el('button', { type: 'button', class: 'rule-block', onclick: () => applyRule(block) }, 'Block'));
  }
  const to = el('select', { 'aria-label': 'File ' + value + ' as' },
    Object.keys(RULE_SCOPE).filter((t) => t !== type).map((t) => el('option', { value: t }, DIM_NAMES.get(t))));
  box.append(to, el('button', { type: 'button', class: 'rule-retype', onclick: () => applyRule(retypeRule(type, value, to.value)) }, 'Retype'));
  const renamed = el('input', { value, 'aria-label': 'New name for ' + value, maxlength: '500' });
  box.append(renamed, el('button', { type: 'button', class: 'rule-rename', onclick: () => applyRule(renameRule(type, value, renamed.value.trim())) }, 'Rename'));
  return box;
}

function namesTable(caption, head, rows) {
  return el('table', { class: 'names-table' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows));
}

function paintNames(b) {
  const none = (what) => el('p', { class: 'muted' }, 'No ' + what + ' among the top ' + b.top + ' names of each type.');
  const splits = b.splits.map((s) => el('tr', { class: 'split', 'data-type': s.type, 'data-value': s.value, 'data-into': s.into },
    el('td', {}, DIM_NAMES.get(s.type)),
    el('td', {}, nameLink(s.type, s.value)), el('td', { class: 'count' }, s.count),
    el('td', {}, nameLink(s.type, s.into)), el('td', { class: 'count' }, s.intoCount),
    el('td', {}, s.rule ? el('code', {}, s.rule) : '—'),
    el('td', {}, nameActions(s.type, s.value, { rule: s.rule, label: 'Merge' }))));
  const junk = b.junk.map((j) => el('tr', { class: 'junk', 'data-type': j.type, 'data-value': j.value },
    el('td', {}, DIM_NAMES.get(j.type)),
    el('td', {}, nameLink(j.type, j.value)), el('td', { class: 'count' }, j.count),
    el('td', {}, j.why),
    el('td', {}, j.rule ? el('code', {}, j.rule) : '—'),
    el('td', {}, nameActions(j.type, j.value, { rule: j.rule, label: j.rule && j.rule.startsWith('type ') ? 'Retype' : 'Block' }))));
  names.report.replaceChildren(
    el('h3', { id: 'splits-title' }, 'Suspected splits (' + b.splits.length + ')'),
    splits.length ? namesTable('Suspected splits', ['Type', 'Name', 'Articles', 'Part of', 'Articles', 'Rule', ''], splits) : none('splits'),
    el('h3', { id: 'junk-title' }, 'Suspected junk (' + b.junk.length + ')'),
    junk.length ? namesTable('Suspected junk', ['Type', 'Name', 'Articles', 'Why', 'Rule', ''], junk) : none('junk'));
}

/** Adds a rule to the authority file, applies it, and shows the report again. */
async function applyRule(rule) {
  state('loading');
  names.result.classList.remove('error');
  names.result.textContent = 'Applying “' + rule + '”…';
  let r;
  try {
    r = await sendJson('POST', '/api/entities/rules', { rule });
  } catch {
    r = { ok: false, status: 0, body: null };
  }
  if (!r.ok) {
    names.result.classList.add('error');
    names.result.textContent = namesError(r);
    state('ready');
    return false;
  }
  cache.clear(); // the facets changed
  const a = r.body;
  names.result.textContent = 'Applied “' + a.rule + '” (line ' + a.line + ' of authority.txt): ' + a.changed + ' of ' + a.articles + ' articles changed.';
  await showNames(params());
  return true;
}

names.form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (await applyRule(names.rule.value.trim())) names.rule.value = '';
});
names.token.value = sessionStorage.getItem(TOKEN_KEY) || '';
names.token.addEventListener('change', () => {
  saved.token.value = names.token.value;
  saved.token.dispatchEvent(new Event('change'));
});

phoneFilters(view.facets, view.chips);

window.addEventListener('popstate', render);
history.scrollRestoration = 'manual';
render();
loadSaved();
