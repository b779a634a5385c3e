{#- A MkDocs static template (mkdocs.yml: theme.static_templates), rendered once per build, so what
    Material would write into every page (its config, the palette options, its toggles) is written
    here once. -#}
{%- import "partials/language.html" as lang with context -%}
{%- set palettes = [config.theme.palette] if config.theme.palette is mapping else config.theme.palette or [] -%}
/* The chrome that only works with scripts, cached once instead of sent in every page. Loaded by
   partials/header.html as a classic script at the top of <body>: what Material's bundle reads when it
   starts (its page globals, its config, its toggles and dialog) and the reader's palette are in place
   before the page is drawn and before the bundle runs; the header's buttons, the page's title in the
   header and the back-to-top button are put in once the page is parsed, before the bundle mounts
   them. Pages in the nav (Material's own base.html) carry some of it already; it is added only where
   missing. The site root is this script's folder's parent, wherever the site is served. */
(() => {
  const scope = new URL("..", document.currentScript.src);
  const palettes = {{ palettes | tojson }};
  const features = {{ (config.theme.features or []) | tojson }};

  /** Return a new `tag` element with the attributes `attrs` and the text `text`. */
  function el(tag, attrs, text = "") {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, value));
    node.textContent = text;
    return node;
  }

  // The globals Material's base template defines inline; its bundle calls them.
  window.__md_scope = scope;
  window.__md_hash = (text) => [...text].reduce((hash, c) => (hash << 5) - hash + c.charCodeAt(0), 0);
  window.__md_get = (key, storage = localStorage, base = scope) => JSON.parse(storage.getItem(base.pathname + "." + key));
  window.__md_set = (key, value, storage = localStorage, base = scope) => {
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch {
      // storage full or refused: the palette is simply not remembered
    }
  };
  document.documentElement.classList.replace("no-js", "js");

  // Material's config (see its base.html), with only what this site uses: its own search replaces
  // Material's, so the search worker and search translations are left out. The bundle reads it once.
  const config = el("script", { id: "__config", type: "application/json" });
  config.textContent = JSON.stringify({
    base: scope.href,
    features,
    translations: {{ {"clipboard.copy": lang.t("clipboard.copy"), "clipboard.copied": lang.t("clipboard.copied")} | tojson }},
  });
  document.head.append(config);

  // Material's toggles (the drawer and the search box open from them), the drawer's overlay and the
  // dialog that says "Copied to clipboard", where base.html would have written them.
  if (!document.getElementById("__drawer")) {
    const toggle = (name) => el("input", { class: "md-toggle", "data-md-toggle": name, type: "checkbox", id: "__" + name, autocomplete: "off" });
    const dialog = el("div", { class: "md-dialog", "data-md-component": "dialog" });
    dialog.append(el("div", { class: "md-dialog__inner md-typeset" }));
    document.body.append(toggle("drawer"), toggle("search"), el("label", { class: "md-overlay", for: "__drawer" }), dialog);
  }

  const colors = (p) => ({ media: p.media, scheme: p.scheme || "default", primary: p.primary || "indigo", accent: p.accent || "indigo" });

  /** Return the stored palette's index, else the first whose media query matches, as Material chooses. */
  function chosen() {
    let stored = null;
    try {
      stored = window.__md_get("__palette");
    } catch {
      stored = null;
    }
    if (stored && Number.isInteger(stored.index) && palettes[stored.index]) return stored.index;
    return Math.max(0, palettes.findIndex((p) => p.media && matchMedia(p.media).matches));
  }

  let index = chosen();

  /** Show palette `index` on the body, as Material's palette component does, and label the toggle. */
  function apply() {
    if (!palettes.length) return;
    Object.entries(colors(palettes[index])).forEach(([key, value]) => value && document.body.setAttribute("data-md-color-" + key, value));
    const next = palettes[index].toggle;
    document.querySelectorAll("[data-catalogue-palette]").forEach((button) => {
      button.setAttribute("aria-label", next ? next.name : "");
      button.title = next ? next.name : "";
    });
  }

  /** Tell the browser the page's colours (form controls, a phone's address bar), as Material does. */
  function tellBrowser() {
    const header = document.querySelector(".md-header");
    if (!header) return;
    const style = getComputedStyle(header);
    const meta = (name, content) => {
      const node = document.head.querySelector("meta[name=" + name + "]") || document.head.appendChild(el("meta", { name }));
      node.content = content;
    };
    meta("color-scheme", style.colorScheme);
    const rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    meta("theme-color", "#" + rgb.map((c) => (+c).toString(16).padStart(2, "0")).join(""));
  }

  function switchPalette() {
    index = (index + 1) % palettes.length;
    document.body.setAttribute("data-md-color-switching", "");
    apply();
    window.__md_set("__palette", { index, color: colors(palettes[index]) });
    tellBrowser();
    requestAnimationFrame(() => requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching")));
  }

  /** Put in the header's buttons, its second line (the page's title) and the back-to-top button. */
  function complete() {
    const header = document.querySelector(".md-header__inner");
    if (!header) return;
    const logo = header.querySelector(".md-logo");
    if (logo && !header.querySelector("[for=__drawer]")) logo.after(el("label", { class: "md-header__button md-icon", for: "__drawer" }));
    const search = header.querySelector(".cat-search");
    if (search && palettes.length > 1) {
      search.before(el("button", { type: "button", class: "md-header__button md-icon", "data-catalogue-palette": "" }));
      apply();
    }
    const title = header.querySelector("[data-md-component=header-title] .md-header__ellipsis");
    if (title && !title.querySelector("[data-md-component=header-topic]")) {
      const suffix = {{ (" - " ~ config.site_name) | tojson }};
      const text = document.title.endsWith(suffix) ? document.title.slice(0, -suffix.length) : document.title;
      const topic = el("div", { class: "md-header__topic", "data-md-component": "header-topic" });
      topic.append(el("span", { class: "md-ellipsis" }, text));
      title.append(topic);
    }
    const main = document.querySelector(".md-main");
    if (main && features.includes("navigation.top") && !document.querySelector("[data-md-component=top]")) {
      main.append(el("button", { type: "button", class: "md-top md-icon", "data-md-component": "top", hidden: "" }, {{ lang.t("top") | tojson }}));
    }
    tellBrowser();
  }

  apply();
  // Registered before the bundle's own listener, so all is in place when the bundle mounts its parts.
  document.addEventListener("DOMContentLoaded", complete);
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-catalogue-palette]")) switchPalette();
  });
})();
