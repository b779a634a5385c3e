/* Which values the search page's facets list, from Pagefind's filter totals and a search's counts. */

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Return how many results `counts` gives `value` (0 when Pagefind's data has no number for it). */
export function countOf(counts, value) {
  return counts !== null && typeof counts === "object" && Object.hasOwn(counts, value) && typeof counts[value] === "number"
    ? counts[value]
    : 0;
}

/**
 * Return {shown, total} for the tag facet: the keys in `all` that have results in `counts` or are
 * `selected`, in the whole catalogue's order (most papers first, then by name), which never changes,
 * so no option moves under the pointer as filters change; only the first `limit` unless `showAll`,
 * but every selected tag stays shown so it can be unticked.
 */
export function tagFacet({ all, counts, selected, showAll, limit, nameOf }) {
  const keys = Object.keys(all ?? {}).filter((t) => countOf(counts, t) > 0 || selected.includes(t));
  keys.sort((a, b) => countOf(all, b) - countOf(all, a) || collator.compare(nameOf(a), nameOf(b)) || (a < b ? -1 : 1));
  const shown = keys.slice(0, showAll ? keys.length : limit);
  selected.forEach((t) => shown.includes(t) || shown.push(t));
  return { shown, total: keys.length };
}

/** Return the years in `all`, newest first. */
export function yearFacet(all) {
  return Object.keys(all ?? {}).sort().reverse();
}
