/* The orders papers can be listed in: one `?sort=` vocabulary for the search page and the all-papers
   table. Each order but relevance is a rank the generator computes (generator/render/orders.py),
   ties broken by title, so search and the table list papers alike; oldest is newest backwards. */

/** [value, label] of every order; relevance needs a query, so only search offers it. */
export const ORDERS = Object.freeze([
  ["relevance", "Best match"],
  ["newest", "Newest first"],
  ["oldest", "Oldest first"],
  ["published", "Newest published"],
  ["title", "Title A\u2013Z"],
]);

const VALUES = ORDERS.map(([value]) => value);

/** Return `value` if it names an order, otherwise "". */
export function orderOf(value) {
  return VALUES.includes(value) ? value : "";
}

/** Return the order an old table address (`?sort=title|short|listed&dir=asc|desc`) meant, or "" for the default. */
export function legacyOrder(sort, dir) {
  if (sort === "listed") return dir === "asc" ? "oldest" : "";
  if (sort === "short") return "title";
  return "";
}
