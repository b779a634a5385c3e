/* Pagefind's excerpt is HTML: the page's text, escaped, with <mark> around the words that matched.
   It is rebuilt as plain text parts, each marked or not, so that the page can show it with
   textContent only: any other tag is dropped (its text kept), and entities are decoded. */
import { str } from "./untrusted.js";

const MARKUP = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Return `text` with its character references decoded; an invalid code point becomes U+FFFD. */
export function decodeEntities(text) {
  return text.replace(ENTITY, (_, decimal, hex, name) => {
    if (name) return NAMED[name];
    const code = decimal ? Number(decimal) : parseInt(hex, 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return String.fromCodePoint(valid ? code : 0xfffd);
  });
}

/** Return the excerpt `html` as [{text, marked}], adjacent parts alike merged, empty parts dropped. */
export function excerptParts(html) {
  const source = str(html);
  const parts = [];
  let depth = 0; // how many <mark>s are open
  let last = 0;
  const add = (raw) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const marked = depth > 0;
    const previous = parts[parts.length - 1];
    if (previous && previous.marked === marked) previous.text += text;
    else parts.push({ text, marked });
  };
  for (const match of source.matchAll(MARKUP)) {
    add(source.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[2] && match[2].toLowerCase() === "mark") depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
  }
  add(source.slice(last));
  return parts;
}
