// The entity page (`?view=entity&type=person&name=...`): one person, organisation or place across
// the archive, from /api/entities/{type}/{name}. Every name from the archive is set as text.

import { drawChart, gapNote } from './chart.js';

const TYPES = { person: 'Person', org: 'Organisation', place: 'Place' };
const PLURAL = { person: 'People', org: 'Organisations', place: 'Places' };

let ui = null;
let asked = 0;

export function init(helpers) {
  ui = helpers;
}

/** The page state of an entity's page. */
export function entityParams(type, name) {
  return new URLSearchParams([['view', 'entity'], ['type', type], ['name', name]]);
}

/** A link to an entity's page. */
export function entityLink(type, name, text = name, attrs = {}) {
  return ui.navLink(entityParams(type, name), text, { class: 'entity-link', 'data-type': type, 'data-name': name, ...attrs });
}

const search = (pairs) => new URLSearchParams(pairs);

export async function showEntity(p, root) {
  const seq = ++asked;
  const type = p.get('type') || '';
  const name = p.get('name') || '';
  root.hidden = false;
  root.replaceChildren(ui.el('p', { class: 'loading' }, 'Loading…'));
  document.title = name + ': Morgue';
  let res;
  try {
    res = await ui.getJson('/api/entities/' + encodeURIComponent(type) + '/' + encodeURIComponent(name) +
      (p.get('interval') ? '?interval=' + encodeURIComponent(p.get('interval')) : ''));
  } catch (e) {
    res = { ok: false, status: 0, body: { error: { message: 'the server did not answer (' + e.message + ')' } } };
  }
  if (seq !== asked) return;
  if (!res.ok) {
    root.replaceChildren(ui.el('h2', { id: 'entity-title', tabindex: '-1' }, name),
      ui.el('p', { class: 'failure', role: 'alert' }, res.body && res.body.error ? res.body.error.message : 'HTTP ' + res.status));
    return;
  }
  paint(root, res.body, p);
}

function list(items, render) {
  return items.length ? ui.el('ol', { class: 'entity-list' }, items.map((v) => ui.el('li', {}, ...render(v)))) : ui.el('p', { class: 'none' }, 'none');
}

function paint(root, e, p) {
  const el = ui.el;
  const filter = search([[e.dimension, e.name]]);
  const mention = (m, what) => (m ? [what + ' ', el('time', { datetime: m.date }, m.date), ' in ',
    ui.navLink(search([['article', m.id]]), m.title || m.id, { class: 'entity-article' })] : []);
  const head = [
    el('p', { class: 'entity-type' }, TYPES[e.dimension] || e.dimension),
    el('h2', { id: 'entity-title', tabindex: '-1' }, e.name),
    el('p', { class: 'entity-summary' },
      el('strong', { class: 'entity-count' }, e.articles.toLocaleString('en') + (e.articles === 1 ? ' article' : ' articles')),
      e.first ? '. ' : '', ...mention(e.first, 'First named'), e.last && e.last.id !== (e.first && e.first.id) ? '; ' : '',
      ...(e.last && e.last.id !== (e.first && e.first.id) ? mention(e.last, 'last named') : []), '.'),
    el('p', { class: 'entity-actions' },
      ui.navLink(filter, 'Its articles (filter)', { class: 'entity-filter' }), ' · ',
      ui.navLink(search([['q', e.links.query ? new URLSearchParams(e.links.query).get('q') : '']]), 'Search for it (query)', { class: 'entity-query' }), ' · ',
      ui.navLink(search([[e.dimension, e.name], ['compare', e.links.filter + '&name=' + encodeURIComponent(e.name)]]), 'Compare its coverage with…', { class: 'entity-compare' })),
  ];
  const chartBox = el('div', { class: 'chart-box entity-chart' });
  const readout = el('p', { class: 'chart-readout', 'aria-live': 'polite' }, 'Point at, tap or tab to a period to read its values.');
  const note = el('p', { class: 'chart-note', hidden: true });
  const timeline = el('section', { class: 'timeline', 'aria-labelledby': 'entity-timeline-title' },
    el('h3', { id: 'entity-timeline-title' }, 'Its articles by ' + e.timeline.interval + (e.timeline.undated ? ' (' + e.timeline.undated + ' undated)' : '')),
    chartBox, readout, note);
  const co = el('section', { class: 'entity-co', 'aria-labelledby': 'entity-co-title' },
    el('h3', { id: 'entity-co-title' }, 'Named with it (in its ' + e.articles.toLocaleString('en') + ' articles)'),
    el('div', { class: 'entity-columns' }, ...Object.entries(e.coMentioned).map(([d, values]) => el('div', { class: 'entity-col', 'data-dim': d },
      el('h4', {}, PLURAL[d] || d),
      list(values, (v) => [entityLink(d, v.value), ' ', el('span', { class: 'count' }, v.count.toLocaleString('en')), ' ',
        ui.navLink(both(e, d, v.value), 'both', { class: 'entity-both', 'aria-label': 'Articles naming ' + e.name + ' and ' + v.value })])))));
  const where = el('section', { class: 'entity-where', 'aria-labelledby': 'entity-where-title' },
    el('h3', { id: 'entity-where-title' }, 'Its sections, sources and authors'),
    el('div', { class: 'entity-columns' }, ...[['section', 'Sections', e.sections], ['source', 'Sources', e.sources], ['author', 'Authors', e.authors]]
      .map(([d, heading, values]) => el('div', { class: 'entity-col', 'data-dim': d }, el('h4', {}, heading),
        list(values, (v) => [ui.navLink(search([[e.dimension, e.name], [d, v.value]]), v.value), ' ', el('span', { class: 'count' }, v.count.toLocaleString('en'))])))));
  const forms = el('section', { class: 'entity-forms', 'aria-labelledby': 'entity-forms-title' },
    el('h3', { id: 'entity-forms-title' }, 'Written as'),
    e.surfaceForms.length ? el('table', { class: 'surface-forms' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'text'), el('th', { scope: 'col' }, 'mentions'), el('th', { scope: 'col' }, 'articles'))),
      el('tbody', {}, e.surfaceForms.map((f) => el('tr', {}, el('td', {}, f.text), el('td', {}, f.mentions.toLocaleString('en')), el('td', {}, f.articles.toLocaleString('en'))))))
      : el('p', { class: 'none' }, 'no stored mention'),
    e.surfaceFormsRead < e.articles ? el('p', { class: 'muted' }, 'From its newest ' + e.surfaceFormsRead.toLocaleString('en') + ' articles.') : null);
  root.replaceChildren(...head, timeline, co, where, forms);
  if (e.timeline.buckets.length) {
    drawChart(chartBox, [{ name: e.name, colour: '#0072B2', buckets: e.timeline.buckets }], {
      interval: e.timeline.interval, share: false, readout, title: e.name + ': articles by ' + e.timeline.interval,
      link: (b, end) => ui.href(search([[e.dimension, e.name], ['from', b.start], ['to', end]])),
    });
    const gaps = gapNote(e.timeline.buckets, e.timeline.interval);
    note.hidden = !gaps;
    note.textContent = gaps;
  }
  root.querySelector('#entity-title').focus({ preventScroll: true });
  void p;
}

/** The articles naming both the entity and another name (all of them, when of one dimension). */
function both(e, d, value) {
  const q = search([[e.dimension, e.name], [d, value]]);
  if (d === e.dimension) q.append('all', d);
  return q;
}
