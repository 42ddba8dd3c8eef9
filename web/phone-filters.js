// On a phone (issue 13): the facets are a "Filters" drawer opened from a button above the results,
// rather than a list that starts thousands of pixels down, after every result. The drawer closes
// when a value is chosen, with its Close button, or with Escape. On a wider screen nothing changes
// (the button and the drawer's frame are hidden by the style sheet).

/** Wraps the facets in a drawer and puts its button before it; returns the button. */
export function phoneFilters(facets, chips) {
  const drawer = document.createElement('div');
  drawer.className = 'filters-drawer';
  drawer.id = 'filters-drawer';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'filters-button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', drawer.id);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'filters-close';
  close.textContent = 'Close filters';
  facets.before(button);
  facets.before(drawer);
  drawer.append(close, facets);

  const set = (open) => {
    drawer.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
    if (open) close.focus();
  };
  button.addEventListener('click', () => set(true));
  close.addEventListener('click', () => { set(false); button.focus(); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && drawer.classList.contains('open')) { set(false); button.focus(); }
  });
  // choosing a value navigates: the drawer closes so the results show
  facets.addEventListener('click', (e) => { if (e.target.closest('a[data-nav]')) set(false); });

  const label = () => {
    const n = chips.querySelectorAll('.chip').length;
    button.textContent = n ? 'Filters (' + n + ')' : 'Filters';
  };
  new MutationObserver(label).observe(chips, { childList: true });
  label();
  return button;
}
