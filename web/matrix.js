// "Who × where": two dimensions of the current search crossed (page parameter `matrix=ROWS.COLS`,
// e.g. `person.place`), from /api/matrix; each cell a link to the articles naming both. Values from
// the archive are set as text.

const DIMS = [['person', 'people'], ['org', 'organisations'], ['place', 'places'], ['section', 'sections'], ['source', 'sources'], ['author', 'authors']];

let ui = null;
let asked = 0;
const $ = (id) => document.getElementById(id);

export function init(helpers) {
  ui = helpers;
  const box = $('matrix');
  const choose = () => {
    const p = ui.params();
    const v = $('matrix-rows').value + '.' + $('matrix-cols').value;
    ui.navigate(ui.changed((q) => q.set('matrix', v), p), { replace: true });
  };
  for (const [d, plural] of DIMS) {
    $('matrix-rows').append(ui.el('option', { value: d }, plural));
    $('matrix-cols').append(ui.el('option', { value: d }, plural));
  }
  $('matrix-rows').addEventListener('change', choose);
  $('matrix-cols').addEventListener('change', choose);
  box.addEventListener('toggle', () => {
    const p = ui.params();
    if (box.open && !p.has('matrix')) ui.navigate(ui.changed((q) => q.set('matrix', 'person.place'), p), { replace: true });
    if (!box.open && p.has('matrix')) ui.navigate(ui.changed((q) => q.delete('matrix'), p), { replace: true });
  });
}

/**
 * Narrows the search `x` to the articles among its results that name every value of `wanted` in
 * dimension `d`, as a cell counts them: with the dimension's filters where they can say so exactly
 * (no value chosen, one, "all of", or the cell's values among those chosen, which then are the
 * ones kept), else with the names quoted in the query (`place:"Lima"`), which keeps the results
 * and requires the name. Returns those query clauses.
 */
function narrow(x, d, wanted) {
  const values = [...new Set(wanted)];
  const have = x.getAll(d);
  const allOf = x.getAll('all').includes(d);
  let keep;
  if (allOf || have.length <= 1) keep = [...have, ...values.filter((v) => !have.includes(v))];
  else if (values.every((v) => have.includes(v))) keep = values;
  else return values.map((v) => d + ':"' + v.replace(/["\\]/g, '\\$&') + '"');
  x.delete(d);
  keep.forEach((v) => x.append(d, v));
  ui.removeValue(x, 'all', d);
  if (keep.length > 1) x.append('all', d);
  return [];
}

/** The matrix of the page state `p`, when asked (`matrix`); resolves once drawn. */
export async function showMatrix(p) {
  const seq = ++asked;
  const box = $('matrix');
  const [rows, cols] = (p.get('matrix') || '').split('.');
  box.open = p.has('matrix');
  if (!box.open) { $('matrix-table').replaceChildren(); return; }
  const valid = (d) => DIMS.some(([x]) => x === d);
  const r = valid(rows) ? rows : 'person';
  const c = valid(cols) ? cols : 'place';
  $('matrix-rows').value = r;
  $('matrix-cols').value = c;
  const q = new URLSearchParams(ui.apiQuery(p));
  ['page', 'size', 'sort', 'facetSize', 'interval'].forEach((k) => q.delete(k));
  q.set('rows', r);
  q.set('cols', c);
  $('matrix-csv').href = '/api/matrix.csv?' + q;
  let res;
  try {
    res = await ui.getJson('/api/matrix?' + q);
  } catch (e) {
    res = { ok: false, body: { error: { message: 'the server did not answer (' + e.message + ')' } } };
  }
  if (seq !== asked) return;
  if (!res.ok) {
    $('matrix-table').replaceChildren(ui.el('p', { class: 'failure' }, res.body && res.body.error ? res.body.error.message : 'HTTP ' + res.status));
    return;
  }
  const m = res.body;
  if (!m.rows.values.length || !m.cols.values.length) {
    $('matrix-table').replaceChildren(ui.el('p', { class: 'none' }, 'No ' + r + ' or no ' + c + ' among the results.'));
    return;
  }
  const max = Math.max(1, ...m.cells.flat());
  const cell = (rv, cv, n) => {
    const to = ui.changed((x) => {
      const clauses = [...narrow(x, r, r === c ? [rv, cv] : [rv]), ...(r === c ? [] : narrow(x, c, [cv]))];
      if (clauses.length) {
        const q = (x.get('q') || '').trim();
        x.set('q', (q ? '(' + q + ') ' : '') + clauses.join(' '));
      }
      x.delete('matrix');
    }, p);
    const level = n ? Math.min(4, 1 + Math.floor((4 * n) / (max + 1))) : 0;
    return ui.el('td', { class: 'cell level-' + level }, n ? ui.navLink(to, n.toLocaleString('en'),
      { class: 'matrix-cell', 'data-row': rv, 'data-col': cv, 'aria-label': n + ' articles naming ' + rv + ' and ' + cv }) : '0');
  };
  $('matrix-table').replaceChildren(ui.el('table', { class: 'matrix-grid' },
    ui.el('caption', {}, 'Articles among the ' + m.total.toLocaleString('en') + ' results naming both'),
    ui.el('thead', {}, ui.el('tr', {}, ui.el('th', { scope: 'col' }, r + ' \\ ' + c),
      ...m.cols.values.map((v) => ui.el('th', { scope: 'col' }, v.value)))),
    ui.el('tbody', {}, m.rows.values.map((rv, i) => ui.el('tr', {},
      ui.el('th', { scope: 'row' }, rv.value, ' ', ui.el('span', { class: 'count' }, rv.count.toLocaleString('en'))),
      ...m.cols.values.map((cv, j) => cell(rv.value, cv.value, m.cells[i][j])))))));
}
