// The flagged-site table's filters and sorting, run in the browser. It reads only
// data-* attributes the report wrote and sets `hidden`; it never builds HTML.
export const TABLE_SCRIPT = `(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const table = $('site-table');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const f = { type: $('f-type'), category: $('f-category'), severity: $('f-severity'), status: $('f-status'), text: $('f-text') };
  function apply() {
    const type = f.type.value, category = f.category.value, severity = Number(f.severity.value || 0);
    const status = f.status.value, text = f.text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = (type === '' || (type === 'flaggable' ? d.flaggable === '1' : d.type === type))
        && (category === '' || d.categories.split(' ').includes(category))
        && Number(d.severity) >= severity
        && (status === '' || d.status === status)
        && (text === '' || d.text.includes(text));
      row.hidden = !ok;
      if (ok) shown++;
    }
    $('shown-count').textContent = String(shown);
  }
  for (const el of Object.values(f)) el.addEventListener('input', apply);
  let sortKey = -1, ascending = true;
  table.tHead.querySelectorAll('button[data-col]').forEach((button) => {
    button.addEventListener('click', () => {
      const col = Number(button.dataset.col);
      ascending = sortKey === col ? !ascending : button.dataset.numeric !== '1';
      sortKey = col;
      const numeric = button.dataset.numeric === '1';
      const value = (row) => row.cells[col].dataset.sort ?? row.cells[col].textContent;
      rows.sort((a, b) => {
        const x = value(a), y = value(b);
        const c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'ja');
        return ascending ? c : -c;
      });
      for (const row of rows) body.appendChild(row);
      table.tHead.querySelectorAll('th').forEach((th) => th.removeAttribute('aria-sort'));
      button.parentElement.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    });
  });
  apply();
})();`;
