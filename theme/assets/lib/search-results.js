/* What a Pagefind result shows, read from its untrusted data, and the search page's status line. */
import { filtered } from "./search-state.js";
import { owns, str, strings } from "./untrusted.js";

const numbers = new Intl.NumberFormat("en");

/** Return `value` as an address of a page of the site at `siteRoot`, or the site root if it points elsewhere. */
export function pageUrl(value, siteRoot) {
  try {
    const url = new URL(str(value), siteRoot);
    return url.origin === new URL(siteRoot).origin ? url.href : new URL(siteRoot).href;
  } catch {
    return new URL(siteRoot).href;
  }
}

/** Return the fields a result shows from Pagefind's result `data`, as plain strings; `tags` are tag keys. */
export function paper(data, siteRoot) {
  const meta = owns(data, "meta") && data.meta !== null && typeof data.meta === "object" ? data.meta : {};
  const filters = owns(data, "filters") && data.filters !== null && typeof data.filters === "object" ? data.filters : {};
  const url = owns(data, "url") ? data.url : "";
  return {
    url: pageUrl(url, siteRoot),
    title: str(meta.title) || str(url),
    short: str(meta.short_name),
    listed: str(meta.listed),
    summary: str(meta.summary),
    tags: strings(filters.tag),
    excerpt: owns(data, "excerpt") ? str(data.excerpt) : "",
  };
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
  return what + (filtered(state) ? " with these filters" : " in the catalogue");
}

/** Return the header search's status line for `total` results. */
export function matching(total) {
  return total === 0 ? "No matching papers" : total === 1 ? "1 matching paper" : numbers.format(total) + " matching papers";
}
