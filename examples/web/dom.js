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

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element `<tag>` with attributes (values as strings) and, optionally, its text. */
export function svg(tag, attrs = {}, text = '') {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text) el.textContent = text;
  return el;
}
