/* The paper table's rows: parsed from table.json ({rows: [[slug, title, short, listed, [tag keys]]],
   tags: {key: name}}), counted per tag, filtered by words and a tag, and sorted by a column. */
import { tagIndex } from "./tags.js";
import { str, strings } from "./untrusted.js";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Return {rows, tags} from the untrusted table.json `data`; each row has a lower-case `text` to filter by. */
export function parseTable(data) {
  const tags = tagIndex(data !== null && typeof data === "object" ? data.tags : null);
  const records = data !== null && typeof data === "object" && Array.isArray(data.rows) ? data.rows : [];
  const rows = records
    .filter(Array.isArray)
    .map((r) => {
      const row = { slug: str(r[0]), title: str(r[1]), short: str(r[2]), listed: str(r[3]), tags: strings(r[4]) };
      row.text = [row.title, row.short, ...row.tags.map(tags.name)].join(" ").toLowerCase();
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

/** Return a comparator of rows by `sort` in direction `dir`; blank short names go last, ties by title, then slug. */
export function compareRows(sort, dir) {
  const sign = dir === "asc" ? 1 : -1;
  return (a, b) => {
    if (sort === "short" && !a.short !== !b.short) return a.short ? -1 : 1;
    const c = sort === "listed" ? (a.listed < b.listed ? -1 : a.listed > b.listed ? 1 : 0) : collator.compare(a[sort], b[sort]);
    return sign * c || collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  };
}

/** Return the rows of `sorted` that carry `tag` (if any) and contain every word of `q`. */
export function filterRows(sorted, q, tag) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return sorted.filter((r) => (!tag || r.tags.includes(tag)) && words.every((w) => r.text.includes(w)));
}
