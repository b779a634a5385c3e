/* The paper table's state in the URL: ?q=<words>&tag=<tag key>&sort=<order>&page=<n>, with the search
   page's vocabulary of orders (lib/orders.js). Defaults are left out of the URL, parameters the table
   does not own are kept, and an old address (`sort=listed&dir=asc`) reads as the order it meant. */
import { legacyOrder, orderOf } from "./orders.js";
import { parsePage } from "./paging.js";

/** The table's columns: a key, its header, and the orders a click on it chooses (first, then the other). */
export const COLUMNS = Object.freeze([
  { key: "title", header: "Title", orders: ["title"] },
  { key: "authors", header: "Authors \u00b7 year", orders: ["published"] },
  { key: "tags", header: "Tags", orders: [] },
  { key: "listed", header: "Listed", orders: ["newest", "oldest"] },
]);

/** The orders the table offers: every one but relevance, which needs a query Pagefind ranks. */
export const TABLE_ORDERS = Object.freeze(["newest", "oldest", "published", "title"]);

export const DEFAULTS = Object.freeze({ q: "", tag: "", sort: "newest", page: 1 });

const OWNED = ["q", "tag", "sort", "dir", "page"];

/** Return the table state that the query string `search` asks for. */
export function parseTableState(search) {
  const params = new URLSearchParams(search);
  const asked = orderOf(params.get("sort")) || legacyOrder(params.get("sort"), params.get("dir"));
  return {
    q: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    sort: TABLE_ORDERS.includes(asked) ? asked : DEFAULTS.sort,
    page: parsePage(params.get("page")),
  };
}

/** Return the query string (with its "?", or "") for `state`, keeping the parameters of `search` the table does not own. */
export function tableQuery(state, search = "") {
  const params = new URLSearchParams(search);
  OWNED.forEach((name) => params.delete(name));
  const q = state.q.trim();
  if (q) params.set("q", q);
  if (state.tag) params.set("tag", state.tag);
  if (state.sort !== DEFAULTS.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? "?" + query : "";
}

/** Return `state` after a click on the header of column `key`: its first order, or its other one if already sorted by it. */
export function sortedBy(state, key) {
  const { orders } = COLUMNS.find((c) => c.key === key);
  const at = orders.indexOf(state.sort);
  return { ...state, sort: orders[at === 0 && orders.length > 1 ? 1 : 0], page: 1 };
}

/** Return the aria-sort of column `key` under `sort`: "ascending", "descending", or null if it is not sorted by it. */
export function ariaSort(key, sort) {
  const { orders } = COLUMNS.find((c) => c.key === key);
  if (!orders.includes(sort)) return null;
  return sort === "title" || sort === "oldest" ? "ascending" : "descending";
}
