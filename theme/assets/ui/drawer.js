/* The phone menu's drawer, built from the tabs the first time a reader reaches for the menu button,
   rather than sent in every page as a second copy of the tabs. Material's stylesheet slides it in
   from the `__drawer` toggle, as it does its own navigation sidebar. Pages that carry Material's
   sidebar (the pages in the nav) keep it. */
import { el } from "./dom.js";

/** Return the drawer's navigation, listing the tabs' links; the current section is marked. */
function drawerNav(tabs, siteName) {
  const list = el("ul", { class: "md-nav__list" });
  tabs.querySelectorAll("a[href]").forEach((tab) => {
    const current = tab.hasAttribute("aria-current");
    const item = el("li", { class: "md-nav__item" + (current ? " md-nav__item--active" : "") });
    const link = el("a", { class: "md-nav__link" + (current ? " md-nav__link--active" : ""), href: tab.getAttribute("href") }, tab.textContent);
    if (current) link.setAttribute("aria-current", "true");
    item.append(link);
    list.append(item);
  });
  const nav = el("nav", { class: "md-nav md-nav--primary md-nav--lifted", "aria-label": "Navigation", "data-md-level": "0" });
  nav.append(el("label", { class: "md-nav__title", for: "__drawer" }, siteName), list);
  return nav;
}

/** Put the drawer in the page once, where Material's sidebar would be. */
function build() {
  const main = document.querySelector(".md-main__inner");
  const tabs = document.querySelector(".md-tabs");
  if (!main || !tabs || document.querySelector(".md-sidebar--primary")) return;
  const siteName = document.querySelector(".md-header__topic .md-ellipsis");
  const sidebar = el("div", { class: "md-sidebar md-sidebar--primary", "data-md-type": "navigation" });
  const scrollwrap = el("div", { class: "md-sidebar__scrollwrap" });
  const inner = el("div", { class: "md-sidebar__inner" });
  inner.append(drawerNav(tabs, siteName ? siteName.textContent.trim() : ""));
  scrollwrap.append(inner);
  sidebar.append(scrollwrap);
  main.prepend(sidebar);
}

/** Build the drawer on the first press of the menu button (before its click opens it, so it slides in).
    Listened for on the document: assets/chrome.js puts the button in only once the page is parsed. */
export function setUpDrawer() {
  const menu = (e) => e.target instanceof Element && e.target.closest(".md-header__button[for=__drawer]");
  document.addEventListener("pointerdown", (e) => menu(e) && build());
  document.addEventListener("change", (e) => e.target instanceof Element && e.target.id === "__drawer" && build());
}
