/* Render TeX with the vendored KaTeX (katex/), only on pages that contain .arithmatex elements,
   with the options of lib/katex-options.js. KaTeX is a classic script, loaded on first need. */
import { DELIMITERS, KATEX_OPTIONS } from "./lib/katex-options.js";
import { onEveryPage } from "./ui/start.js";

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
    const url = (path) => new URL(path, import.meta.url).href;
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

async function renderMath() {
  const formulas = document.querySelectorAll(".arithmatex");
  if (!formulas.length) return;
  try {
    await loadKatex();
  } catch (err) {
    console.error(err);
    return;
  }
  formulas.forEach((node) => window.renderMathInElement(node, { ...KATEX_OPTIONS, delimiters: DELIMITERS }));
}

onEveryPage(renderMath);
