/* Render TeX with the vendored KaTeX, only on pages that contain .arithmatex elements. KaTeX's
   options are set explicitly, because TeX comes from entries (untrusted): no \href, \url or
   \includegraphics (trust: false), sizes such as \rule{300em}{300em} capped at MAX_SIZE_EM, macro
   expansion bounded, and a formula KaTeX cannot parse shown as its source in red instead of
   breaking the page (throwOnError: false). */
import { onEveryPage } from "./ui/start.js";

const MAX_SIZE_EM = 10;

const KATEX_OPTIONS = Object.freeze({
  delimiters: [
    { left: "\\(", right: "\\)", display: false },
    { left: "\\[", right: "\\]", display: true },
  ],
  throwOnError: false,
  trust: false,
  // LaTeX that KaTeX accepts but real LaTeX would not (such as Unicode letters in math mode) still
  // renders, with a console warning, so a valid entry never shows an error.
  strict: "warn",
  maxSize: MAX_SIZE_EM,
  maxExpand: 100,
});

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
  formulas.forEach((node) => window.renderMathInElement(node, KATEX_OPTIONS));
}

onEveryPage(renderMath);
