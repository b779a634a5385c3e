/* Pager arithmetic shared by the paper table and the search page. Pages count from 1. */

/** Return the page number a URL parameter asks for: a positive integer, otherwise 1. */
export function parsePage(value) {
  const page = Number(value);
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

/** Return how many pages `total` items fill at `size` a page; an empty list still has page 1. */
export function pageCount(total, size) {
  return Math.max(1, Math.ceil(total / size));
}

/** Return `page` moved into the pages that `total` items fill. */
export function clampPage(page, total, size) {
  return Math.min(Math.max(1, page), pageCount(total, size));
}

/** Return the items of `list` that page `page` shows. */
export function pageItems(list, page, size) {
  return list.slice((page - 1) * size, page * size);
}
