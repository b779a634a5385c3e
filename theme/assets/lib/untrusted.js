/* Entry data and search results are untrusted: any value that is not what the page expects counts
   as empty, so a malformed table.json or Pagefind record can only show less, never break a page. */

/** Return `value` if it is a string, otherwise "". */
export function str(value) {
  return typeof value === "string" ? value : "";
}

/** Return the non-empty strings of `value` if it is an array, otherwise []. */
export function strings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string" && item !== "") : [];
}

/** Return whether `object` has its own property `key` (so "constructor" or "__proto__" never match). */
export function owns(object, key) {
  return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key);
}
