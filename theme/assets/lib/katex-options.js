/* KaTeX's options, set explicitly because TeX comes from entries (untrusted). */

/** The largest size, in em, that TeX may ask for: \rule{300em}{300em} is drawn 10em by 10em. */
export const MAX_SIZE_EM = 10;

export const KATEX_OPTIONS = Object.freeze({
  // A formula KaTeX cannot parse shows its source in red instead of breaking the page.
  throwOnError: false,
  // No \href, \url, \includegraphics, \htmlClass and the like: they would add links, images or attributes.
  trust: false,
  // TeX that KaTeX accepts but LaTeX would not (such as Unicode letters in math mode) still renders,
  // with a console warning, so a formula that reads right is never shown as an error.
  strict: "warn",
  maxSize: MAX_SIZE_EM,
  // Bounds macro expansion, so \def loops end quickly as an error.
  maxExpand: 100,
});

/** Where auto-render finds TeX: the generator writes \( \) (inline) and \[ \] (display) in .arithmatex elements. */
export const DELIMITERS = Object.freeze([
  Object.freeze({ left: "\\(", right: "\\)", display: false }),
  Object.freeze({ left: "\\[", right: "\\]", display: true }),
]);
