/* The paper table's rows: parsed from the pieces of table.json ({rows: [[slug, title, short, listed,
   [tag keys], authors, year, [title rank, published rank]]]}, with tags {key: name} from the manifest),
   counted per tag, filtered by words and a tag, and sorted in one of the orders of lib/orders.js.
   A title is a string or [text, TeX, ...] (lib/title.js); `authors` is the card's "A, B, C et al.". */
import { tagIndex } from "./tags.js";
import { titleParts, titleText } from "./title.js";
import { str, strings } from "./untrusted.js";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const LAST = Number.MAX_SAFE_INTEGER;

/** Return the rank at `i` of the untrusted `ranks`, or LAST when it is not a number. */
function rankAt(ranks, i) {
  return Array.isArray(ranks) && Number.isSafeInteger(ranks[i]) ? ranks[i] : LAST;
}

/** Return {rows, tags} from the untrusted table.json `data`; each row has a lower-case `text` to filter by. */
export function parseTable(data) {
  const tags = tagIndex(data !== null && typeof data === "object" ? data.tags : null);
  const records = data !== null && typeof data === "object" && Array.isArray(data.rows) ? data.rows : [];
  const rows = records
    .filter(Array.isArray)
    .map((r) => {
      const title = Array.isArray(r[1]) ? titleParts(r[1]) : titleParts(str(r[1]));
      const row = {
        slug: str(r[0]),
        title,
        short: str(r[2]),
        listed: str(r[3]),
        tags: strings(r[4]),
        authors: str(r[5]),
        year: str(r[6]),
        titleRank: rankAt(r[7], 0),
        publishedRank: rankAt(r[7], 1),
      };
      row.text = [titleText(title), row.short, row.authors, row.year, ...row.tags.map(tags.name)].join(" ").toLowerCase();
      return row;
    })
    .filter((row) => row.slug);
  return { rows, tags };
}

/** Return a Map of each tag key to how many `rows` carry it. */
export function tagCounts(rows) {
  const counts = new Map();
  rows.forEach((row) => row.tags.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1)));
  return counts;
}

/** Return [key, name, count] for each counted tag, in order of name, then key. */
export function tagChoices(counts, nameOf) {
  return [...counts]
    .map(([key, count]) => [key, nameOf(key), count])
    .sort((a, b) => collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : 1));
}

const byListed = (a, b) => (a.listed < b.listed ? -1 : a.listed > b.listed ? 1 : 0);
const bySlug = (a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
const COMPARE = {
  title: (a, b) => a.titleRank - b.titleRank,
  newest: (a, b) => byListed(b, a) || a.titleRank - b.titleRank,
  oldest: (a, b) => byListed(a, b) || b.titleRank - a.titleRank, // newest backwards, as search sorts it (lib/search-state.js)
  published: (a, b) => a.publishedRank - b.publishedRank || a.titleRank - b.titleRank,
};

/** Return a comparator of rows in `order` (title, newest, oldest, published); rows the ranks leave tied go by slug. */
export function compareRows(order) {
  const compare = Object.hasOwn(COMPARE, order) ? COMPARE[order] : COMPARE.newest;
  return (a, b) => compare(a, b) || bySlug(a, b);
}

/** Return the rows of `sorted` that carry `tag` (if any) and contain every word of `q`. */
export function filterRows(sorted, q, tag) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return sorted.filter((r) => (!tag || r.tags.includes(tag)) && words.every((w) => r.text.includes(w)));
}

/** Return whether any row has authors or a year, so that the table shows that column. */
export function hasAuthors(rows) {
  return rows.some((r) => r.authors || r.year);
}
