/* The search page's state in the URL: ?q=<words>&tag=<tag key>&tag=...&year=<yyyy>&published=<yyyy>&code=yes&sort=<order>&page=<n>,
   so a search can be shared and the back button steps through it. Several tags mean every one of them.
   `year` is the year a paper was listed, `published` the year it was published; `sort` takes the
   orders of lib/orders.js, which the all-papers table shares. */
import { ORDERS, orderOf } from "./orders.js";
import { parsePage } from "./paging.js";

/** The orders a reader can choose: [value, label]. */
export const SORTS = ORDERS;

/** Return Pagefind's sort option for `order`: a rank in the search documents (generator/render/orders.py), ties
    broken by title; `oldest` is the `newest` rank read backwards, as the all-papers table reads it (lib/table-rows.js). */
function pagefindSort(order) {
  if (order === "relevance") return null;
  return order === "oldest" ? { newest: "desc" } : { [order]: "asc" };
}

const YEAR = /^\d{4}$/;

/** Return the search state that the query string `search` asks for; `tagKey` turns a `tag` value into a key ("" drops it). */
export function parseSearchState(search, tagKey = (value) => value) {
  const params = new URLSearchParams(search);
  const tags = params.getAll("tag").map(tagKey).filter(Boolean);
  const year = (name) => (YEAR.test(params.get(name) ?? "") ? params.get(name) : "");
  return {
    q: params.get("q") ?? "",
    tags: tags.filter((t, i) => tags.indexOf(t) === i),
    year: year("year"),
    published: year("published"),
    code: params.get("code") === "yes",
    sort: orderOf(params.get("sort") ?? ""),
    page: parsePage(params.get("page")),
  };
}

/** Return the query string (with its "?", or "") for `state`; empty and default values are left out. */
export function searchQuery(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  state.tags.forEach((t) => params.append("tag", t));
  if (state.year) params.set("year", state.year);
  if (state.published) params.set("published", state.published);
  if (state.code) params.set("code", "yes");
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? "?" + query : "";
}

/** Return the order results are shown in: without a query there is nothing to rank, so the newest come first. */
export function sortOf(state) {
  const ranked = state.q.trim() !== "";
  if (state.sort && (ranked || state.sort !== "relevance")) return state.sort;
  return ranked ? "relevance" : "newest";
}

/** Return the `sort` a reader's choice of `value` stores: "" when it is the default for `state`'s query. */
export function chosenSort(state, value) {
  return value === (state.q.trim() ? "relevance" : "newest") ? "" : value;
}

/**
 * Return Pagefind's search options for `state`. `without` names a filter ("year" or "published") to
 * leave out, so as to count the results per value of that filter; such a search needs no order.
 */
export function searchOptions(state, without = "") {
  const filters = {};
  if (state.tags.length) filters.tag = state.tags.slice(); // an array means every tag
  if (state.year && without !== "year") filters.year = state.year;
  if (state.published && without !== "published") filters.published = state.published;
  if (state.code) filters.code = "yes";
  const sort = pagefindSort(sortOf(state));
  return sort && !without ? { filters, sort } : { filters };
}

/** Return whether `state` has any filter set. */
export function filtered(state) {
  return state.tags.length > 0 || state.year !== "" || state.published !== "" || state.code;
}

/** Return whether `state` asks for nothing yet: no words, filters or order (the search page then waits). */
export function waiting(state) {
  return !state.q.trim() && !filtered(state) && !state.sort;
}

/** Return `state` with tag `key` added (`on`) or removed, back on page 1. */
export function withTag(state, key, on) {
  const tags = state.tags.filter((t) => t !== key);
  return { ...state, tags: on ? [...tags, key] : tags, page: 1 };
}
