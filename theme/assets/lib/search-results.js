/* What a Pagefind result shows, read from its untrusted data (the metadata of
   generator/render/search_docs.py), and the search page's status line. */
import { titleParts } from "./title.js";
import { owns, str, strings } from "./untrusted.js";

const numbers = new Intl.NumberFormat("en");
// As on the site's cards (generator/render/cards.py: AUTHORS_ON_CARD).
export const AUTHORS_SHOWN = 3;

/** Return `value` as an address of a page of the site at `siteRoot`, or the site root if it points elsewhere. */
export function pageUrl(value, siteRoot) {
  try {
    const url = new URL(str(value), siteRoot);
    return url.origin === new URL(siteRoot).origin ? url.href : new URL(siteRoot).href;
  } catch {
    return new URL(siteRoot).href;
  }
}

/** Return the JSON array in the untrusted string `value`, or [] if it is not one. */
function jsonList(value) {
  try {
    const parsed = JSON.parse(str(value));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** Return the badges in the untrusted `value`: [{label, href}] for each [label, https address] pair. */
export function badgesOf(value) {
  return jsonList(value)
    .filter((pair) => Array.isArray(pair) && str(pair[0]) && /^https:\/\/[^\s]+$/.test(str(pair[1])))
    .map((pair) => ({ label: str(pair[0]), href: str(pair[1]) }));
}

/** Return the fields a result shows from Pagefind's result `data`, as plain strings; `tags` are tag keys,
    `authors` the first few as {name, key}, `key` naming the author's page ("" for none). */
export function paper(data, siteRoot) {
  const meta = owns(data, "meta") && data.meta !== null && typeof data.meta === "object" ? data.meta : {};
  const filters = owns(data, "filters") && data.filters !== null && typeof data.filters === "object" ? data.filters : {};
  const url = owns(data, "url") ? data.url : "";
  const title = str(meta.title) || str(url);
  const authors = jsonList(meta.authors)
    .map((a) => (Array.isArray(a) ? { name: str(a[0]), key: str(a[1]) } : { name: str(a), key: "" }))
    .filter((a) => a.name);
  const short = str(meta.short_name);
  const tex = titleParts(str(meta.tex));
  return {
    url: pageUrl(url, siteRoot),
    title,
    titleParts: tex.length ? tex : titleParts(title),
    short,
    // The card names the short name before the title, unless the title starts with it.
    shortBeside: short !== "" && !title.toLowerCase().startsWith(short.toLowerCase()),
    authors: authors.slice(0, AUTHORS_SHOWN),
    etAl: authors.length > AUTHORS_SHOWN,
    facts: str(meta.facts),
    tags: strings(filters.tag),
    badges: badgesOf(meta.badges),
    excerpt: owns(data, "excerpt") ? str(data.excerpt) : "",
  };
}

/** Return the line under a card's title: "A, B, C et al. · 2024 · CVPR 2024". */
export function byline(p) {
  const names = p.authors.map((a) => a.name).join(", ") + (p.etAl ? " et al." : "");
  return [names, p.facts].filter(Boolean).join(" \u00b7 ");
}

/** Return how many `total` papers are, in words: "1 paper", "1,234 papers". */
export function papersCount(total) {
  return total === 1 ? "1 paper" : numbers.format(total) + " papers";
}

/** Return the search page's status line for `total` results of `state`. */
export function describe(total, state) {
  const q = state.q.trim();
  if (!total) {
    return q
      ? `No papers match \u201c${q}\u201d with these filters. Try fewer words or fewer filters.`
      : "No papers have all these filters.";
  }
  const what = papersCount(total);
  if (q) return `${what} ${total === 1 ? "matches" : "match"} \u201c${q}\u201d`;
  return what + " with these filters";
}

/** Return the search page's status line before any query or filter, for a catalogue of `total` papers. */
export function idle(total) {
  return `${papersCount(total)} in the catalogue. Type to search them, or choose a tag or a year.`;
}

/** Return the header search's status line for `total` results. */
export function matching(total) {
  return total === 0 ? "No matching papers" : total === 1 ? "1 matching paper" : numbers.format(total) + " matching papers";
}
