// Phone layout support: a `table.stack` turns into one card per row below 40rem (style.css), and each cell then
// needs its column's name beside it. This module copies the Chinese part of each header cell into the body
// cells' `data-label` (shown by CSS as `td::before`) — for the tables in the markup and for every row a page
// renders later (a MutationObserver), so the pages' render functions need not know about the phone layout.

/** The header's Chinese text: the text before its `<span class="en">`, or "" (e.g. a visually hidden header). */
function headLabel(th) {
  const first = th.firstChild;
  return first && first.nodeType === Node.TEXT_NODE ? first.textContent.trim() : '';
}

/** Sets `data-label` on the body cells of one table from its header row. */
export function labelCells(table) {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map(headLabel);
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      [...row.cells].forEach((cell, i) => {
        if (heads[i] && cell.colSpan === 1 && cell.dataset.label !== heads[i]) cell.dataset.label = heads[i];
      });
    }
  }
}

const labelAll = () => document.querySelectorAll('table.stack').forEach(labelCells);

labelAll();
new MutationObserver(labelAll).observe(document.body, { childList: true, subtree: true });
