/* The paper table's state in the URL: ?q=<words>&tag=<tag key>&sort=<column>&dir=asc|desc&page=<n>.
   Defaults are left out of the URL, and parameters the table does not own are kept. */
import { parsePage } from "./paging.js";

/** The table's columns: the row field a column sorts by (null: not sortable), its header, its first direction. */
export const COLUMNS = Object.freeze([
  { key: "title", header: "Title", dir: "asc" },
  { key: "short", header: "Short name", dir: "asc" },
  { key: null, header: "Tags", dir: null },
  { key: "listed", header: "Listed", dir: "desc" },
]);

export const DEFAULTS = Object.freeze({ q: "", tag: "", sort: "listed", dir: "desc", page: 1 });

const OWNED = ["q", "tag", "sort", "dir", "page"];

/** Return the table state that the query string `search` asks for. */
export function parseTableState(search) {
  const params = new URLSearchParams(search);
  const column = COLUMNS.find((c) => c.key !== null && c.key === params.get("sort"));
  const dir = params.get("dir");
  return {
    q: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    sort: column ? column.key : DEFAULTS.sort,
    dir: dir === "asc" || dir === "desc" ? dir : column ? column.dir : DEFAULTS.dir,
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
  if (state.sort !== DEFAULTS.sort || state.dir !== DEFAULTS.dir) {
    params.set("sort", state.sort);
    params.set("dir", state.dir);
  }
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? "?" + query : "";
}

/** Return `state` after a click on the header of column `key`: the same column flips, another starts at its first direction. */
export function sortedBy(state, key) {
  const column = COLUMNS.find((c) => c.key === key);
  const dir = state.sort === key ? (state.dir === "asc" ? "desc" : "asc") : column.dir;
  return { ...state, sort: key, dir, page: 1 };
}
