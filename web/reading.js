// Reading one article (issue 13): the query's matches marked in its text, with a way to step from
// one to the next; the previous and next result of the list; its wire copies and the article it
// copies by title, date and source; and a citation copied in one click. Text from the archive is
// set as text, never as HTML.

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/**
 * Wraps the character ranges [start, end) of the text under `root` (sorted, not overlapping; the
 * offsets count the text of every text node in document order, as the API's `marks` do for a field)
 * in <mark class="q-mark">. A range that crosses an element (a name's link) is marked piece by
 * piece. Returns the first mark of each range.
 */
export function markRanges(root, ranges) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const firsts = [];
  let pos = 0;
  let r = 0;
  for (const node of nodes) {
    let cur = node;
    let curStart = pos;
    const nodeEnd = pos + node.data.length;
    pos = nodeEnd;
    while (cur && r < ranges.length && ranges[r].start < nodeEnd) {
      const { start, end } = ranges[r];
      if (end <= curStart) { r++; continue; }
      const a = Math.max(start, curStart) - curStart;
      const b = Math.min(end, nodeEnd) - curStart;
      const middle = a > 0 ? cur.splitText(a) : cur;
      const rest = b - a < middle.data.length ? middle.splitText(b - a) : null;
      const mark = el('mark', { class: 'q-mark' });
      middle.replaceWith(mark);
      mark.append(middle);
      if (start >= curStart) firsts.push(mark);
      cur = rest;
      curStart += b;
      if (end <= nodeEnd) r++;
      else break;
    }
  }
  return firsts;
}

/**
 * "Match 2 of 7" with buttons to the previous and next match: each scrolls its match into view and
 * focuses it. `marks` are in reading order.
 */
export function matchStepper(marks) {
  if (!marks.length) return null;
  let at = -1;
  const where = el('span', { class: 'match-count', 'aria-live': 'polite' },
    marks.length + (marks.length === 1 ? ' match' : ' matches') + ' of the search');
  const go = (step) => {
    if (at >= 0) marks[at].classList.remove('current');
    at = (at + step + marks.length) % marks.length;
    const m = marks[at];
    m.classList.add('current');
    m.setAttribute('tabindex', '-1');
    m.scrollIntoView({ block: 'center' });
    m.focus({ preventScroll: true });
    where.textContent = 'Match ' + (at + 1) + ' of ' + marks.length;
  };
  return el('div', { class: 'match-stepper', role: 'group', 'aria-label': 'Matches of the search in this article' },
    where, ' ',
    el('button', { type: 'button', class: 'match-prev', onclick: () => go(-1), 'aria-label': 'Previous match' }, '‹ Previous'), ' ',
    el('button', { type: 'button', class: 'match-next', onclick: () => go(1), 'aria-label': 'Next match' }, 'Next ›'));
}

/**
 * Links to the previous and next result of the list the article was opened from: `hits` are that
 * page's hits, `link(id, text, attrs)` makes a link to another article over the same search.
 */
export function resultSteps(hits, id, link) {
  const i = hits.findIndex((h) => h.id === id);
  if (i < 0 || hits.length < 2) return null;
  const out = el('nav', { class: 'result-steps', 'aria-label': 'Results' });
  if (i > 0) out.append(link(hits[i - 1].id, '‹ Previous result', { class: 'result-prev', rel: 'prev', title: hits[i - 1].title || '' }));
  out.append(el('span', { class: 'result-count' }, ' result ' + (i + 1) + ' of ' + hits.length + ' on this page '));
  if (i < hits.length - 1) out.append(link(hits[i + 1].id, 'Next result ›', { class: 'result-next', rel: 'next', title: hits[i + 1].title || '' }));
  return out;
}

/** An article listed by its title (a link), then its date and source. */
export function briefLink(b, link) {
  return el('span', { class: 'brief' },
    link(b.id, b.title || b.id, { class: 'brief-title' }),
    el('span', { class: 'muted' }, ' ' + [b.date, b.source].filter(Boolean).join(' · ')));
}

/** The citation of an article: “Title.” Source, date. Permanent link. */
export function citationText(a, permanent) {
  const parts = ['“' + (a.title || a.id) + '.”'];
  const where = [a.source, a.date].filter(Boolean).join(', ');
  if (where) parts.push(where + '.');
  parts.push(permanent);
  return parts.join(' ');
}

/** The citation and a button that copies it. */
export function citation(a, permanent) {
  const text = citationText(a, permanent);
  const said = el('span', { class: 'copy-result', role: 'status' });
  const copy = async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      // no clipboard API here (or not allowed): copy through a selected text area
      const area = el('textarea', { class: 'visually-hidden', readonly: true });
      area.value = text;
      document.body.append(area);
      area.select();
      try {
        done = document.execCommand('copy');
      } catch {
        done = false;
      }
      area.remove();
    }
    said.textContent = done ? 'Copied.' : 'Select the citation and copy it.';
  };
  return el('div', { class: 'citation' },
    el('p', { class: 'citation-text' }, text), ' ',
    el('button', { type: 'button', class: 'copy-citation', onclick: copy }, 'Copy citation'), ' ', said);
}
