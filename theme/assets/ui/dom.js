/* Building DOM from untrusted data: nodes are made with createElement and textContent only. */

/** Return a new `tag` element with the attributes `attrs` and, if given, the text `text`. */
export function el(tag, attrs = {}, text = undefined) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Return the excerpt parts (see lib/excerpt.js) as text nodes and <mark> elements. */
export function markedText(parts) {
  const fragment = document.createDocumentFragment();
  parts.forEach((part) => fragment.append(part.marked ? el("mark", {}, part.text) : document.createTextNode(part.text)));
  return fragment;
}
