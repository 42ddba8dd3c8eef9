// The saved searches where they are found (issue 13): a "Saved searches" button in the header opens
// the list as a menu over the page (Escape or the button closes it); the list itself stays where it
// was, below the results, when the menu is closed. Also the reading of a saved search's query.

/** A saved search's query string in words: “ceasefire”, section Press Releases, from 2022. */
export function describeQuery(query) {
  const p = new URLSearchParams(query);
  const parts = [];
  for (const [k, v] of p) {
    if (k === 'q') parts.unshift('“' + v + '”');
    else if (k.startsWith('not.')) parts.push('not ' + k.slice(4) + ' ' + v);
    else parts.push(k + ' ' + v);
  }
  return parts.length ? parts.join(', ') : 'every article';
}

/** Adds the header button that opens the saved searches as a menu. */
export function savedMenu(nav, section, title) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'saved-menu-button';
  button.textContent = 'Saved searches';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', section.id);
  const set = (open) => {
    section.classList.toggle('as-menu', open);
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      title.setAttribute('tabindex', '-1');
      title.focus();
    }
  };
  button.addEventListener('click', () => set(!section.classList.contains('as-menu')));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && section.classList.contains('as-menu')) {
      set(false);
      button.focus();
    }
  });
  nav.append(' ', button);
}
