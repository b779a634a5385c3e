// The vendored KaTeX with the site's options (theme/assets/lib/katex-options.js), rendering entry TeX.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

import { KATEX_OPTIONS, MAX_SIZE_EM } from "../../theme/assets/lib/katex-options.js";

const katex = createRequire(import.meta.url)("../../theme/assets/katex/katex.min.js");
const render = (tex) => katex.renderToString(tex, { ...KATEX_OPTIONS });
const failed = (html) => html.includes("katex-error");
// What the page shows; the MathML part before it repeats the TeX source as an annotation.
const shown = (html) => html.slice(html.indexOf('class="katex-html"'));

// What entries write: Greek, operators, accents, fonts, fractions, roots, sub- and superscripts.
const VALID = [
  "\\nabla_w \\ell(x)",
  "O(n^2 \\log n)",
  "\\frac{1}{\\sqrt{d_k}} QK^\\top",
  "\\sum_{i=1}^{n} \\alpha_i \\mathbf{x}_i",
  "\\mathbb{E}_{x \\sim p}[\\|f(x)\\|_2^2] \\leq \\epsilon",
  "\\hat{y} = \\arg\\max_{c \\in \\mathcal{C}} \\operatorname{softmax}(z)_c",
  "\\tilde{\\theta} \\approx \\theta^\\ast, \\; \\Delta \\neq 0",
  "\\text{top-}k \\times 10^{-3}",
  "\\left( \\frac{a}{b} \\right)^{\\!2} \\cdot \\bar{x} \\pm \\sigma",
  "\\ell_\\infty\\text{-ball}, \\; p \\rightarrow \\infty, \\; A \\subseteq B \\cup C",
];

test("TeX that entries write renders without an error or a warning", (t) => {
  const warn = t.mock.method(console, "warn", () => {});
  for (const tex of VALID) assert.ok(!failed(render(tex)), tex);
  assert.deepEqual(warn.mock.calls.map((c) => c.arguments[0]), []);
});

test("a formula KaTeX cannot parse is shown as its source, not thrown", () => {
  const html = render("\\frac{1}{");
  assert.ok(failed(html));
  assert.match(html, /\\frac\{1\}\{/);
});

test("sizes are capped: \\rule{300em}{300em} is drawn at most MAX_SIZE_EM by MAX_SIZE_EM", () => {
  const html = render("\\rule{300em}{300em}");
  const sizes = [...shown(html).matchAll(/border-(?:right|top)-width:\s*([\d.]+)em/g)].map((m) => Number(m[1]));
  assert.equal(sizes.length, 2);
  assert.ok(sizes.every((size) => size <= MAX_SIZE_EM), String(sizes));
  assert.ok(!/300em/.test(shown(html)));
});

test("no links, images or attributes from TeX: trust is off, and the command shows as an error", () => {
  const commands = ["\\href{https://evil.example/}{x}", "\\url{https://evil.example/}", "\\includegraphics{https://evil.example/a.png}", "\\htmlClass{md-header}{x}"];
  for (const tex of commands) {
    const html = shown(render(tex));
    assert.ok(!/<a\b|<img\b|href=|src=|md-header/.test(html), tex);
    assert.match(html, /color:#cc0000;">\\[a-zA-Z]+</, tex);
  }
});

test("macro expansion is bounded: a \\def loop, or more than 100 expansions, is an error", () => {
  assert.ok(failed(render("\\def\\a{\\a}\\a")));
  assert.ok(failed(render("\\def\\a{x}" + "\\a".repeat(101))));
  assert.ok(!failed(render("\\def\\a{x}" + "\\a".repeat(10))));
});
