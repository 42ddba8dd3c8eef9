// Coverage over time on the results page: the chart of the current search, or of a comparison of
// searches (page parameter `compare`, one a series: a search's API query string with its `name`),
// the interval control, the downloads, and the facets' "all of" toggle and explanations. The page's
// helpers come from app.js through init(); everything from articles and queries is set as text.

import { PALETTE, bucketEnd, downloadPng, downloadSvg, drawChart, gapNote } from './chart.js';

/** The most series a comparison holds (the API's limit). */
export const MAX_SERIES = 8;
/** Parameters of a search that do not change what it counts over time. */
const NOT_COUNTED = ['page', 'size', 'sort', 'facetSize', 'interval', 'compare', 'article', 'chart', 'view', 'top', 'name'];

let ui = null;
let drawn = null; // the chart's SVG, for the downloads
let asked = 0;

const $ = (id) => document.getElementById(id);

/** The query string of what a search counts: its words, dates and filters. */
export function seriesQuery(p) {
  const q = new URLSearchParams(p);
  NOT_COUNTED.forEach((k) => q.delete(k));
  return q.toString();
}

/** A search in a few words, for a series' default name. */
export function describe(p) {
  const parts = [];
  if (p.get('q')) parts.push(p.get('q'));
  for (const [k, v] of p) {
    if (k === 'q' || NOT_COUNTED.includes(k) || k === 'all') continue;
    if (k === 'from' || k === 'to') parts.push(k + ' ' + v);
    else if (k.startsWith('not.')) parts.push('not ' + v);
    else parts.push(v);
  }
  return parts.join(', ') || 'all articles';
}

/** A series of the URL: its query string without its name, and its name. */
function pinOf(value) {
  const q = new URLSearchParams(value);
  const name = q.get('name') || describe(q);
  q.delete('name');
  return { query: q.toString(), name };
}

/** What a base query string is, in words: "all articles", "the section WORLD's articles". */
function baseName(baseQuery) {
  if (!baseQuery) return 'all articles';
  const q = new URLSearchParams(baseQuery);
  const parts = [];
  for (const [k, v] of q) {
    if (k === 'all') continue;
    parts.push(k.startsWith('not.') ? 'not ' + k.slice(4) + ' ' + v : k + ' ' + v);
  }
  return 'the articles with ' + parts.join(', ');
}

export function init(helpers) {
  ui = helpers;
  $('interval').addEventListener('change', () => {
    const v = $('interval').value;
    ui.navigate(ui.changed((q) => { if (v) q.set('interval', v); else q.delete('interval'); }));
  });
  $('compare-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const p = ui.params();
    const pins = p.getAll('compare');
    if (pins.length >= MAX_SERIES - 1) {
      $('chart-note').hidden = false;
      $('chart-note').textContent = 'A comparison holds at most ' + MAX_SERIES + ' series: remove one first.';
      return;
    }
    const name = $('compare-name').value.trim() || describe(p);
    const q = new URLSearchParams(seriesQuery(p));
    q.set('name', name);
    ui.navigate(ui.changed((x) => x.append('compare', q.toString()), p));
  });
  $('download-svg').addEventListener('click', () => { if (drawn) downloadSvg(drawn, 'morgue-timeline'); });
  $('download-png').addEventListener('click', () => { if (drawn) downloadPng(drawn, 'morgue-timeline'); });
}

/**
 * Shows the timeline of the answer `r` to the page state `p`: of the search alone, or of the
 * comparison its `compare` parameters hold with the search added. Resolves once drawn.
 */
export async function showTimeline(p, r) {
  const seq = ++asked;
  const box = $('timeline');
  const share = p.get('chart') === 'share';
  $('interval').value = p.get('interval') || '';
  $('compare-name').value = '';
  $('compare-name').placeholder = describe(p);
  const pins = p.getAll('compare').slice(0, MAX_SERIES).map(pinOf);
  const current = seriesQuery(p);
  let series;
  let interval;
  let csv;
  if (!pins.length) {
    const h = r.histogram;
    series = [{ name: 'This search', query: current, total: r.total, baseQuery: h.baseQuery, buckets: h.buckets }];
    interval = h.interval;
    csv = new URLSearchParams([['s', current + (current ? '&' : '') + 'name=This+search']]);
  } else {
    const all = pins.slice();
    if (!pins.some((x) => x.query === current) && all.length < MAX_SERIES) all.push({ query: current, name: 'This search', current: true });
    const q = new URLSearchParams();
    for (const x of all) q.append('s', (x.query ? x.query + '&' : '') + 'name=' + encodeURIComponent(x.name));
    if (p.get('interval')) q.set('interval', p.get('interval'));
    csv = q;
    let res;
    try {
      res = await ui.getJson('/api/compare?' + q);
    } catch (e) {
      res = { ok: false, body: { error: { message: 'the server did not answer (' + e.message + ')' } } };
    }
    if (seq !== asked) return;
    if (!res.ok) {
      box.hidden = false;
      $('bars').replaceChildren();
      $('legend').replaceChildren();
      $('chart-note').hidden = false;
      $('chart-note').textContent = 'The comparison failed: ' + (res.body && res.body.error ? res.body.error.message : 'HTTP ' + res.status);
      return;
    }
    series = res.body.series.map((x, i) => ({ ...x, pin: i < pins.length ? p.getAll('compare')[i] : null, current: !!all[i].current }));
    interval = res.body.interval;
  }
  series.forEach((x, i) => { x.colour = PALETTE[i % PALETTE.length]; });
  const buckets = series[0].buckets;
  if (!buckets.length) { box.hidden = true; drawn = null; return; }
  box.hidden = false;
  const bases = [...new Set(series.map((x) => x.baseQuery))];
  const base = bases.length === 1 ? baseName(bases[0]) : 'each search\'s filtered articles';
  $('share-label').textContent = 'share of ' + base;
  $('timeline-title').textContent = 'Coverage by ' + interval + (share ? ': share of ' + base : ': matching articles') +
    (series.length > 1 ? ', ' + series.length + ' searches compared' : '') +
    (r.histogram.undated && series.length === 1 ? ' (' + r.histogram.undated + ' undated)' : '');
  drawn = drawChart($('bars'), series, {
    interval,
    share,
    baseName: bases.length === 1 ? (bases[0] ? 'filtered articles' : 'in the archive') : 'filtered articles',
    readout: $('chart-readout'),
    title: $('timeline-title').textContent,
    link: (b, end) => ui.href(ui.changed((q) => { q.set('from', b.start); q.set('to', end); }, p)),
  });
  $('chart-readout').textContent = 'Point at, tap or tab to a period to read its values.';
  delete $('chart-readout').dataset.index;
  const note = gapNote(buckets, interval);
  $('chart-note').hidden = !note;
  $('chart-note').textContent = note;
  legend(p, series);
  $('download-csv').href = '/api/compare.csv?' + csv;
  $('download-csv').setAttribute('download', 'morgue-timeline.csv');
}

function legend(p, series) {
  const list = $('legend');
  if (series.length < 2) { list.replaceChildren(); list.hidden = true; return; }
  list.hidden = false;
  list.replaceChildren(...series.map((x, i) => {
    const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    swatch.setAttribute('width', '22');
    swatch.setAttribute('height', '10');
    swatch.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    for (const [k, v] of Object.entries({ x1: 0, y1: 5, x2: 22, y2: 5, stroke: x.colour, 'stroke-width': 3 })) line.setAttribute(k, v);
    swatch.append(line);
    const remove = x.pin === null || x.pin === undefined ? null
      : ui.el('button', { type: 'button', class: 'series-remove', 'aria-label': 'Remove ' + x.name + ' from the comparison',
        onclick: () => ui.navigate(ui.changed((q) => ui.removeValue(q, 'compare', x.pin), p)) }, '×');
    return ui.el('li', { class: 'series-item', 'data-series': String(i + 1) }, swatch, ' ',
      ui.el('span', { class: 'series-name' }, x.name), ' ',
      ui.el('span', { class: 'series-total' }, '(' + x.total.toLocaleString('en') + ')'),
      x.current ? ui.el('span', { class: 'series-current' }, ' the current search') : null, remove);
  }));
}

/**
 * A facet's explanation and, once two values of it are chosen, its "any of them / all of them"
 * toggle (the `all` parameter).
 */
export function facetExtras(p, r, d, one) {
  const chosen = p.getAll(d);
  if (!chosen.length) return null;
  const out = ui.el('div', { class: 'facet-extra' });
  const all = p.getAll('all').includes(d);
  if (chosen.length >= 2) {
    const name = 'all-' + d;
    const choice = (value, text) => ui.el('label', {},
      ui.el('input', { type: 'radio', name, value, checked: (value === 'all') === all,
        onchange: () => ui.navigate(ui.changed((q) => { ui.removeValue(q, 'all', d); if (value === 'all') q.append('all', d); }, p)) }),
      ' ' + text);
    out.append(ui.el('fieldset', { class: 'any-all' }, ui.el('legend', {}, 'Articles naming'),
      choice('any', 'any of them'), choice('all', 'all of them')));
  }
  const counts = (r.inResults && r.inResults[d]) || [];
  const total = r.total.toLocaleString('en');
  out.append(ui.el('p', { class: 'facet-note' }, all
    ? 'Counted among the ' + total + ' results (all of the chosen values must match).'
    : 'Beside each ' + one + ': the articles it gives with the other filters, this list\'s own choice left out.'));
  if (counts.length) {
    out.append(ui.el('p', { class: 'in-results' }, 'Of the ' + total + ' results: ',
      ...counts.flatMap((v, i) => [i ? ' · ' : '', ui.el('span', { class: 'in-result', 'data-value': v.value }, v.value + ' ' + v.count.toLocaleString('en'))])));
  }
  return out;
}

export { bucketEnd };
