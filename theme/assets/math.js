/* Render TeX with the vendored KaTeX (ui/katex.js), only on pages that contain .arithmatex elements. */
import { renderMath } from "./ui/katex.js";
import { onEveryPage } from "./ui/start.js";

onEveryPage(() => renderMath(document.querySelectorAll(".arithmatex")));
