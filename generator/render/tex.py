"""TeX in titles as readable plain text, for places that cannot render it: `<title>`, meta tags, feeds, JSON."""

# ruff: noqa: RUF001 - the look-alike characters are the point: they are what TeX prints.
from __future__ import annotations

import functools
import re

from generator.validate.tex import INLINE_MATH

_SUPERSCRIPTS = dict(
    zip("0123456789+-=()abcdefghijklmnoprstuvwxyzT⊤′", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᵀ′", strict=True)
)
_SUBSCRIPTS = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
_BLACKBOARD = re.compile(r"\\mathbb\s*\{(?P<letter>[RNZCQE])\}")
_BLACKBOARD_LETTERS = dict(zip("RNZCQE", "ℝℕℤℂℚ𝔼", strict=True))
_GREEK = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega"
_SYMBOLS = {
    **dict(zip(_GREEK.split(), "αβγδεζηθικλμνξπρστυφχψω", strict=True)),
    **dict(
        zip(
            ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"], "ΓΔΘΛΞΠΣΦΨΩ", strict=True
        )
    ),
    "varepsilon": "ε",
    "vartheta": "ϑ",
    "varphi": "φ",
    "ell": "ℓ",
    "nabla": "∇",
    "partial": "∂",
    "infty": "∞",
    "times": "×",
    "cdot": "·",
    "cdots": "⋯",
    "ldots": "…",
    "dots": "…",
    "pm": "±",
    "mp": "∓",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "sim": "∼",
    "propto": "∝",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "mapsto": "↦",
    "in": "∈",
    "sum": "∑",
    "prod": "∏",
    "int": "∫",
    "sqrt": "√",
    "forall": "∀",
    "exists": "∃",
    "emptyset": "∅",
    "cup": "∪",
    "cap": "∩",
    "circ": "∘",
    "star": "⋆",
    "ast": "∗",
    "prime": "′",
    "top": "⊤",
}
# Commands whose braced argument is kept as it is: fonts, text, operators.
_WRAPPERS = r"math(?:rm|bf|it|sf|tt|cal|bb|frak)|text(?:rm|bf|it|sf|tt)?|operatorname|boldsymbol|bm|hat|bar|tilde|vec"
_TOKEN = re.compile(
    r"\\(?P<symbol>[A-Za-z]+)|\\(?P<escaped>[{}$%&#_ ,;:!])|(?P<script>[\^_])(?:\{(?P<group>[^{}]*)\}|"
    r"(?P<single>\\?[A-Za-z0-9+\-=()]))"
)
_WRAPPER = re.compile(r"\\(?:" + _WRAPPERS + r")\s*\{(?P<body>[^{}]*)\}")
_FONT = re.compile(_WRAPPERS)
_SPACES = {",": " ", ";": " ", ":": " ", "!": "", " ": " "}


def _script(mark: str, text: str) -> str:
    """Return `text` as superscript or subscript characters where all exist, else `^(text)` / `_(text)`."""
    table = _SUPERSCRIPTS if mark == "^" else _SUBSCRIPTS
    if all(char in table for char in text):
        return "".join(table[char] for char in text)
    return mark + (text if len(text) == 1 else f"({text})")


def _token(match: re.Match[str]) -> str:
    if match["symbol"]:
        if _FONT.fullmatch(match["symbol"]):
            return ""  # `\\mathbb R` without braces: the letter alone
        return _SYMBOLS.get(match["symbol"], match["symbol"])
    if match["escaped"]:
        return _SPACES.get(match["escaped"], match["escaped"])
    inner = match["group"] if match["group"] is not None else match["single"]
    return _script(match["script"], _math_text(inner) if inner.startswith("\\") or "\\" in inner else inner)


def _math_text(tex: str) -> str:
    """Return the text a reader would see for the math `tex`."""
    tex = _BLACKBOARD.sub(lambda m: _BLACKBOARD_LETTERS[m["letter"]], tex)
    previous = None
    while previous != tex:  # unwrap nested \mathbf{\hat{x}} from the inside out
        previous, tex = tex, _WRAPPER.sub(lambda m: m["body"], tex)
    return _TOKEN.sub(_token, tex).replace("{", "").replace("}", "")


@functools.lru_cache(maxsize=1 << 18)  # a title is shown plain in the table, map, exports and orders alike
def plain_title(text: str) -> str:
    """Return a title with its `$...$` math as readable text: `Sparse $k$-NN` -> `Sparse k-NN`, `$^2$` -> `²`."""
    pieces, position = [], 0
    for match in INLINE_MATH.finditer(text):
        pieces.append(text[position : match.start()].replace("\\$", "$"))
        pieces.append(_math_text(match["tex"]))
        position = match.end()
    pieces.append(text[position:].replace("\\$", "$"))
    return " ".join("".join(pieces).split())


def title_parts(text: str) -> list[str] | None:
    """Return a title with math as [text, TeX, text, ...] for scripts that render it with KaTeX; None without math.

    `Sparse $k$-NN` -> `["Sparse ", "k", "-NN"]`: even places are text, odd places TeX (without its `$`).
    """
    flat = " ".join(text.split())
    pieces, position = [], 0
    for match in INLINE_MATH.finditer(flat):
        pieces += [flat[position : match.start()].replace("\\$", "$"), match["tex"]]
        position = match.end()
    if not pieces:
        return None
    return [*pieces, flat[position:].replace("\\$", "$")]
