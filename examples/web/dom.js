// The pages' DOM helpers, one copy for all of them.

/** The element with this id; a missing one is a page defect, so it throws rather than returning null. */
export const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

/** `<tag>` with properties and children (strings become text; null and undefined are left out). */
export function h(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

/** A table cell with text (a dash when there is none). */
export const td = (text, className = '') => h('td', { textContent: text ?? '—', className });
