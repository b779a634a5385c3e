/* KaTeX (vendored in katex/) with the options of lib/katex-options.js: a classic script, loaded on
   first need, that renders TeX inside given elements. */
import { DELIMITERS, KATEX_OPTIONS } from "../lib/katex-options.js";
import { el } from "./dom.js";

let loading = null;

function addToHead(tag, attrs) {
  return new Promise((resolve, reject) => {
    const node = document.createElement(tag);
    Object.assign(node, attrs);
    node.onload = resolve;
    node.onerror = () => reject(new Error("KaTeX: failed to load " + (attrs.src || attrs.href)));
    document.head.append(node);
  });
}

/** Load KaTeX's stylesheet and scripts once (auto-render needs katex first); a failed load is tried again next time. */
function loadKatex() {
  if (!loading) {
    const url = (path) => new URL(path, new URL("../", import.meta.url)).href;
    addToHead("link", { rel: "stylesheet", href: url("katex/katex.min.css") }).catch(() => {});
    loading = addToHead("script", { src: url("katex/katex.min.js") }).then(() =>
      addToHead("script", { src: url("katex/contrib/auto-render.min.js") }),
    );
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Render the TeX in each of `nodes` (elements holding \( \) or \[ \] text), loading KaTeX if there is any. */
export async function renderMath(nodes) {
  if (!nodes.length) return;
  try {
    await loadKatex();
  } catch (err) {
    console.error(err);
    return;
  }
  nodes.forEach((node) => window.renderMathInElement(node, { ...KATEX_OPTIONS, delimiters: DELIMITERS }));
}

/** Return the title `parts` (lib/title.js) as nodes: text, and .arithmatex spans that renderMath turns into TeX. */
export function titleNodes(parts) {
  const fragment = document.createDocumentFragment();
  parts.forEach((part) => fragment.append(part.tex ? el("span", { class: "arithmatex" }, "\\(" + part.text + "\\)") : document.createTextNode(part.text)));
  return fragment;
}
