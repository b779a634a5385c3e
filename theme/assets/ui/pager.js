/* The Previous / Page n of m / Next pager under the paper table and the search results. */
import { el } from "./dom.js";

const numbers = new Intl.NumberFormat("en");

/** Return a pager for block `block` (its classes are `<block>__pager` and `<block>__page`) that calls `turn(-1 | 1)`. */
export function createPager(block, label, turn) {
  const node = el("nav", { class: block + "__pager", "aria-label": label });
  const prev = el("button", { type: "button", class: "md-button" }, "Previous");
  const where = el("span", { class: block + "__page" });
  const next = el("button", { type: "button", class: "md-button" }, "Next");
  prev.addEventListener("click", () => turn(-1));
  next.addEventListener("click", () => turn(1));
  node.append(prev, where, next);
  return {
    node,
    /** Show page `page` of `pages`; a single page hides the pager. */
    show(page, pages) {
      where.textContent = "Page " + numbers.format(page) + " of " + numbers.format(pages);
      prev.disabled = page <= 1;
      next.disabled = page >= pages;
      node.hidden = pages <= 1;
    },
  };
}
