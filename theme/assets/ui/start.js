/* Run page set-up on every page a reader sees. Material's instant navigation swaps pages without
   reloading scripts and announces each new page on `document$`, a global its bundle defines before
   these deferred module scripts run; without it (plain MkDocs), the page is set up once. */

/** Call `setUp` for the current page and for every page instant navigation shows after it. */
export function onEveryPage(setUp) {
  const pages = window.document$;
  if (pages && typeof pages.subscribe === "function") pages.subscribe(() => setUp());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => setUp());
  else setUp();
}
