// The coverage chart: one search or several over time, drawn as SVG with presentation attributes
// only (no style attributes, so the Content-Security-Policy holds and a downloaded SVG is whole).
// A y-axis with ticks, x labels at steps that fit, the archive's own volume behind the bars (its
// scale on the right), periods without any archive article drawn as hatched gaps that are not
// links, and every period a link (to narrow the dates) whose values show on hover, keyboard focus
// and touch. Text from articles and queries is set as text nodes, never markup.

const SVG = 'http://www.w3.org/2000/svg';

/** Okabe and Ito's colour-blind-safe palette, yellow last (weakest on white). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#C9B200'];
/** A dash pattern a series, so that lines differ by more than colour. */
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 4', '3 6'];

const HEIGHT = 230;
const M = { top: 12, right: 60, bottom: 40, left: 52 };
const MIN_BAND = 9; // px a period at least: below, the chart scrolls sideways
let charts = 0; // each chart's pattern has its own id: an id in a hidden chart would not paint

function s(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** The last day of the bucket that starts on `start` (an ISO date). */
export function bucketEnd(start, interval) {
  const d = new Date(start + 'T00:00:00Z');
  if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (interval === 'quarter') d.setUTCMonth(d.getUTCMonth() + 3);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period in words: "2021", "Q3 2021", "Nov 2021", "week of 2021-11-15", "2021-11-17". */
export function periodName(start, interval) {
  const y = start.slice(0, 4);
  const m = Number(start.slice(5, 7));
  if (interval === 'year') return y;
  if (interval === 'quarter') return 'Q' + (Math.floor((m - 1) / 3) + 1) + ' ' + y;
  if (interval === 'month') return MONTHS[m - 1] + ' ' + y;
  if (interval === 'week') return 'week of ' + start;
  return start;
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function ticks(max, want = 5, whole = true) {
  if (!(max > 0)) return [0, 1];
  const raw = max / want;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = [1, 2, 5, 10].map((f) => f * pow).find((x) => x >= raw);
  if (whole) step = Math.max(1, Math.ceil(step));
  const out = [];
  for (let v = 0; v < max + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

/**
 * Which buckets get an x label, and the label: the finest of days, weeks, months, quarters, years
 * (then every 2, 5, 10... years) whose labels fit the width, the year written where it changes.
 */
export function xLabels(buckets, interval, width) {
  const fit = Math.max(2, Math.floor(width / 70));
  const starts = buckets.map((b) => b.start);
  const month = (d) => Number(d.slice(5, 7));
  const year = (d) => d.slice(0, 4);
  const newYear = (d, i) => i === 0 || year(d) !== year(starts[i - 1]);
  const newMonth = (d, i) => i === 0 || d.slice(0, 7) !== starts[i - 1].slice(0, 7);
  const newQuarter = (d, i) => i === 0 || newYear(d, i) || Math.floor((month(d) - 1) / 3) !== Math.floor((month(starts[i - 1]) - 1) / 3);
  const levels = [];
  if (interval === 'day') levels.push(['day', () => true], ['day', (d, i) => i % 7 === 0]);
  if (interval === 'week') levels.push(['day', () => true]);
  if (interval === 'day' || interval === 'week' || interval === 'month') levels.push(['month', newMonth]);
  if (interval !== 'year') levels.push(['quarter', newQuarter]);
  levels.push(['year', newYear]);
  for (const k of [2, 5, 10, 20, 50, 100]) levels.push(['year', (d, i) => newYear(d, i) && Number(year(d)) % k === 0]);
  const text = (d, i, level, first) => {
    const m = month(d);
    const withYear = first || newYear(d, i);
    if (level === 'year') return year(d);
    if (interval === 'quarter') return withYear ? 'Q' + ((m - 1) / 3 + 1) + ' ' + year(d) : 'Q' + ((m - 1) / 3 + 1);
    if (level === 'month' || level === 'quarter') return MONTHS[m - 1] + (withYear ? ' ' + year(d) : '');
    return Number(d.slice(8, 10)) + ' ' + MONTHS[m - 1] + (withYear ? ' ' + year(d) : '');
  };
  for (const [level, keep] of levels) {
    const picked = starts.map((d, i) => (keep(d, i) ? i : -1)).filter((i) => i >= 0);
    if (picked.length <= fit) return picked.map((i, j) => ({ index: i, text: text(starts[i], i, level, j === 0) }));
  }
  return [{ index: 0, text: year(starts[0]) }];
}

const fmt = (n) => n.toLocaleString('en');
const pct = (x) => (x * 100 >= 10 ? (x * 100).toFixed(0) : (x * 100).toFixed(x * 100 >= 1 ? 1 : 2)) + '%';

/**
 * Draws the chart into `root` (emptied).
 *
 * @param root the container
 * @param series [{name, colour, buckets: [{start, count, all, base}]}], all with the same buckets
 * @param opts {interval, share, link(bucket) -> href or null, readout: element for the values,
 *   baseName: what the share divides by}
 * @returns the SVG element
 */
export function drawChart(root, series, opts) {
  const buckets = series[0].buckets;
  const n = buckets.length;
  const avail = Math.max(280, root.clientWidth || 600);
  const width = Math.max(avail, M.left + M.right + n * MIN_BAND);
  const plotW = width - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const band = plotW / n;
  const value = (b) => (opts.share ? (b.base ? b.count / b.base : null) : b.count);
  const max = Math.max(0, ...series.flatMap((x) => x.buckets.map(value).filter((v) => v !== null)));
  const yt = opts.share ? ticks(max || 0.01, 4, false) : ticks(max || 1, 4, true);
  const top = yt[yt.length - 1] || 1;
  const y = (v) => M.top + plotH - (plotH * v) / top;
  const volume = (b) => b.all;
  const vmax = Math.max(1, ...buckets.map(volume));

  const svg = s('svg', {
    xmlns: SVG, viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, class: 'chart',
    role: 'group', 'font-family': 'system-ui, sans-serif', 'font-size': 11,
  });
  svg.append(s('title', {}, opts.title || 'Coverage over time'));
  const hatch = 'gap-hatch-' + ++charts;
  const defs = s('defs', {},
    s('pattern', { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: '#ffffff' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#b0b0b0', 'stroke-width': 2 })));
  svg.append(defs, s('rect', { x: 0, y: 0, width, height: HEIGHT, fill: '#ffffff' }));

  // archive volume, behind, on its own scale (right axis)
  const behind = s('g', { class: 'volume', 'aria-hidden': 'true' });
  buckets.forEach((b, i) => {
    if (!b.all) return;
    const h = (plotH * volume(b)) / vmax;
    behind.append(s('rect', { x: M.left + i * band + band * 0.1, y: M.top + plotH - h, width: Math.max(1, band * 0.8), height: h, fill: '#e9e9e9' }));
  });
  svg.append(behind);

  // gaps: no article in the archive at all
  const gaps = s('g', { class: 'gaps' });
  buckets.forEach((b, i) => {
    if (b.all) return;
    gaps.append(s('rect', { class: 'gap', x: M.left + i * band, y: M.top, width: band, height: plotH, fill: 'url(#' + hatch + ')', 'data-start': b.start },
      s('title', {}, periodName(b.start, opts.interval) + ': the archive holds no article')));
  });
  svg.append(gaps);

  // y axis and grid
  const axis = s('g', { class: 'y-axis', 'aria-hidden': 'true' });
  for (const t of yt) {
    axis.append(s('line', { x1: M.left, x2: M.left + plotW, y1: y(t), y2: y(t), stroke: t ? '#dddddd' : '#555555', 'stroke-width': 1 }));
    axis.append(s('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: '#333333', class: 'y-tick' }, opts.share ? pct(t) : fmt(t)));
  }
  axis.append(s('text', { x: 4, y: M.top - 2, fill: '#333333', 'font-size': 10 }, ''));
  axis.append(s('text', { x: M.left + plotW + 4, y: M.top + 8, fill: '#777777', 'font-size': 10 }, fmt(vmax)));
  axis.append(s('text', { x: M.left + plotW + 4, y: M.top + 20, fill: '#777777', 'font-size': 10 }, 'in archive'));
  axis.append(s('text', { x: M.left + plotW + 4, y: M.top + plotH, fill: '#777777', 'font-size': 10 }, '0'));
  svg.append(axis);

  // x labels
  const xs = s('g', { class: 'x-axis', 'aria-hidden': 'true' });
  for (const l of xLabels(buckets, opts.interval, plotW)) {
    const x = M.left + l.index * band;
    xs.append(s('line', { x1: x, x2: x, y1: M.top + plotH, y2: M.top + plotH + 5, stroke: '#555555' }));
    xs.append(s('text', { x: x + 2, y: M.top + plotH + 17, fill: '#333333', class: 'x-label' }, l.text));
  }
  svg.append(xs);

  // the series: bars for one, lines for several
  const marks = s('g', { class: 'series' });
  if (series.length === 1) {
    buckets.forEach((b, i) => {
      const v = value(b);
      if (!b.all || v === null || !v) return;
      marks.append(s('rect', { x: M.left + i * band + band * 0.2, y: y(v), width: Math.max(1.5, band * 0.6), height: M.top + plotH - y(v), fill: series[0].colour }));
    });
  } else {
    series.forEach((x, k) => {
      let d = '';
      let pen = false;
      x.buckets.forEach((b, i) => {
        const v = value(b);
        if (!b.all || v === null) { pen = false; return; }
        d += (pen ? 'L' : 'M') + (M.left + (i + 0.5) * band).toFixed(1) + ' ' + y(v).toFixed(1) + ' ';
        pen = true;
      });
      marks.append(s('path', { d: d.trim(), fill: 'none', stroke: x.colour, 'stroke-width': 2, 'stroke-dasharray': DASHES[k % DASHES.length] || null, class: 'line' }));
      x.buckets.forEach((b, i) => {
        const v = value(b);
        if (!b.all || v === null) return;
        marks.append(s('circle', { cx: M.left + (i + 0.5) * band, cy: y(v), r: Math.min(3, band / 3), fill: x.colour }));
      });
    });
  }
  svg.append(marks);

  // a link a period (narrows the dates), the values on hover, focus and touch
  const hits = s('g', { class: 'hits' });
  const say = (i) => {
    const b = buckets[i];
    const parts = series.map((x) => {
      const c = x.buckets[i];
      const share = c.base ? pct(c.count / c.base) + ' of ' + fmt(c.base) + ' ' + (opts.baseName || 'articles')
        : 'no ' + (opts.baseName || 'articles').replace(/s$/, '').replace('articles', 'article') + ' in this period';
      return (series.length > 1 ? x.name + ': ' : '') + fmt(c.count) + (c.count === 1 ? ' article' : ' articles') +
        (opts.share || c.base !== c.all ? ', ' + share : '');
    });
    return periodName(b.start, opts.interval) + ': ' + parts.join('; ') + ' (' + fmt(b.all) + ' in the archive)';
  };
  buckets.forEach((b, i) => {
    const end = bucketEnd(b.start, opts.interval);
    const hit = s('rect', { x: M.left + i * band, y: M.top, width: band, height: plotH, fill: '#000000', 'fill-opacity': 0, class: 'hit' });
    if (!b.all) return; // a gap is no link: there is nothing to find there
    const total = series.reduce((t, x) => t + x.buckets[i].count, 0);
    const href = opts.link ? opts.link(b, end) : null;
    const a = s('a', { class: 'bar' + (total ? '' : ' zero'), href, 'data-nav': '', 'data-start': b.start, 'data-end': end, 'data-index': i, 'aria-label': say(i) }, hit);
    const show = () => { if (opts.readout) opts.readout.textContent = say(i); };
    a.addEventListener('focus', show);
    a.addEventListener('mouseenter', show);
    a.addEventListener('click', (e) => {
      // on touch, the first tap shows the values, the second follows the link
      if (a.dataset.pointer === 'touch' && opts.readout && opts.readout.dataset.index !== String(i)) {
        e.preventDefault();
        show();
      }
      if (opts.readout) opts.readout.dataset.index = String(i);
    });
    a.addEventListener('pointerdown', (e) => { a.dataset.pointer = e.pointerType; });
    hits.append(a);
  });
  svg.append(hits);
  root.replaceChildren(svg);
  return svg;
}

/** The gaps of a chart in words, or '' when it crosses none: "Aug 2021 to Jan 2022". */
export function gapNote(buckets, interval) {
  const runs = [];
  let from = null;
  buckets.forEach((b, i) => {
    if (!b.all && from === null) from = i;
    if ((b.all || i === buckets.length - 1) && from !== null) {
      const to = b.all ? i - 1 : i;
      runs.push(from === to ? periodName(buckets[from].start, interval) : periodName(buckets[from].start, interval) + ' to ' + periodName(buckets[to].start, interval));
      from = null;
    }
  });
  if (!runs.length) return '';
  return 'The archive holds no article in ' + runs.join(', ') + ' (hatched): a gap in the archive, not a lack of coverage.';
}

/** The chart as a standalone SVG document (its links and hit areas left out). */
export function svgText(svg) {
  const copy = svg.cloneNode(true);
  copy.querySelectorAll('.hits').forEach((g) => g.remove());
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

/** Downloads `href` as `name`. */
function download(href, name) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadSvg(svg, name) {
  download('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(svg)), name + '.svg');
}

export function downloadPng(svg, name) {
  const img = new Image();
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = w * 2;
    canvas.height = h * 2;
    const g = canvas.getContext('2d');
    g.scale(2, 2);
    g.drawImage(img, 0, 0, w, h);
    download(canvas.toDataURL('image/png'), name + '.png');
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(svg));
}
