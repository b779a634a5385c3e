"""The TeX an entry's `$...$` math may use: a declared allow-list of commands, bounded in size and depth.

KaTeX renders this math on the site and LaTeX compiles it from the BibTeX export, so anything that
could read a file, define a command, change catcodes or draw without bound is refused by default:
a command not listed here is an error that names it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# Inline math as every renderer finds it (render/text.py, tex.py, bibtex.py): `$x$`, but not `costs $5 and $10`.
INLINE_MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])(?P<tex>(?:\\.|[^$\\\n])+?)(?<=[^\s\\])\$(?![$0-9])")
MAX_FORMULA = 400
MAX_DEPTH = 10
# Widths and heights in \rule and \hspace, per unit: together about ten em at most.
MAX_DIMENSION = {"em": 10.0, "ex": 20.0, "pt": 100.0}


def _words(text: str) -> list[str]:
    return text.split()


# The commands, by how many arguments they take.
_SYMBOLS = _words("""
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi
rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma
Upsilon Phi Psi Omega ell hbar imath jmath aleph Re Im wp partial nabla infty emptyset varnothing
times div cdot pm mp ast star circ bullet oplus ominus otimes oslash odot cap cup setminus wedge vee
neg lnot dagger ddagger leq le geq ge neq ne approx sim simeq cong equiv propto ll gg prec succ preceq
succeq subset subseteq supset supseteq in notin ni forall exists nexists to rightarrow leftarrow
leftrightarrow Rightarrow Leftarrow Leftrightarrow longrightarrow longleftarrow mapsto implies iff
uparrow downarrow mid parallel perp top bot angle triangle ldots cdots dots vdots ddots prime colon
sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes bigvee bigwedge lim limsup liminf
max min sup inf arg log ln lg exp sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh det dim
ker deg gcd hom Pr bmod limits nolimits not langle rangle lfloor rfloor lceil rceil lvert rvert lVert
rVert vert Vert quad qquad displaystyle textstyle
""")
_ONE_ARGUMENT = _words("""
hat widehat tilde widetilde bar overline underline vec dot ddot breve check acute grave overbrace
underbrace mathbf mathrm mathit mathcal mathbb mathfrak mathsf mathtt boldsymbol text textbf textit
textrm operatorname pmod
""")
_TWO_ARGUMENTS = _words("frac dfrac tfrac binom overset underset stackrel")
_DELIMITED = _words("left right middle big Big bigg Bigg bigl bigr Bigl Bigr")
# Control symbols: spacing and escaped specials.
_CONTROL_SYMBOLS = frozenset(",;:! {}|%#&_$")
_DELIMITERS = frozenset("()[]|./<>")
_DELIMITER_WORDS = frozenset(
    _words("langle rangle lfloor rfloor lceil rceil lvert rvert lVert rVert vert Vert uparrow downarrow")
)
_DELIMITER_SYMBOLS = frozenset("{}|.")

ARGUMENTS: dict[str, int] = {
    **dict.fromkeys(_SYMBOLS, 0),
    **dict.fromkeys(_ONE_ARGUMENT, 1),
    **dict.fromkeys(_TWO_ARGUMENTS, 2),
}
ALLOWED_COMMANDS = frozenset([*ARGUMENTS, *_DELIMITED, "sqrt", "rule", "hspace", "char"])

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\\$|.", re.DOTALL)
_DIMENSION = re.compile(r"\s*(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<unit>[a-z]{2})\s*")
_CHAR_CODE = re.compile(r"\s*(?:\"(?P<hex>[0-9A-Fa-f]+)|'(?P<octal>[0-7]+)|(?P<decimal>[0-9]+)|`\\?(?P<char>.))")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


class TexRefused(ValueError):
    """The math uses TeX outside the allow-list; the message names what and how to fix it."""


@dataclass
class _Parser:
    """A recursive-descent reader of one formula, refusing at the first thing not allowed."""

    tex: str
    position: int = 0

    def next_token(self) -> str | None:
        match = _TOKEN.match(self.tex, self.position)
        if not match:
            return None
        self.position = match.end()
        if re.fullmatch(r"\\[A-Za-z]+", match.group()):
            while self.position < len(self.tex) and self.tex[self.position] == " ":
                self.position += 1
        return match.group()

    def peek(self) -> str | None:
        saved = self.position
        token = self.next_token()
        self.position = saved
        return token

    def group(self, depth: int, closing: str | None = "}") -> None:
        """Read atoms up to `closing`, or to the end of the formula when `closing` is None."""
        while (token := self.next_token()) is not None:
            if token == closing:
                return
            self.atom(token, depth)
        if closing is not None:
            raise TexRefused(f"math has an unclosed '{{' (expected '{closing}'); balance the braces")

    def argument(self, depth: int, command: str) -> None:
        token = self.next_token()
        while token == " ":
            token = self.next_token()
        if token is None or token == "}":
            raise TexRefused(f"TeX command \\{command} needs an argument, e.g. \\{command}{{x}}")
        self.atom(token, depth if token == "{" else depth + 1)

    def atom(self, token: str, depth: int) -> None:
        # Groups, arguments and scripts all nest; KaTeX's renderer crashes on a few hundred levels.
        if depth > MAX_DEPTH:
            raise TexRefused(f"math nested deeper than {MAX_DEPTH} levels is not allowed; simplify the formula")
        if token == "{":
            self.group(depth + 1)
        elif token == "}":
            raise TexRefused("math has an unmatched '}'; balance the braces")
        elif token in "^_":
            if self.tex.startswith(token, self.position):
                raise TexRefused("'^^' is not allowed in math (TeX reads it as a character code); write x^{2}")
            self.argument(depth, "^" if token == "^" else "_")
        elif token in "#&%":
            raise TexRefused(f"'{token}' is not allowed in math; write \\{token} for the character itself")
        elif token.startswith("\\"):
            self.command(token[1:], depth)

    def command(self, name: str, depth: int) -> None:
        if not name:
            raise TexRefused("math ends with a lone backslash; remove it")
        if not name[0].isalpha():
            if name not in _CONTROL_SYMBOLS:
                raise TexRefused(f"TeX control symbol \\{name} is not allowed in math")
            return
        if name not in ALLOWED_COMMANDS:
            raise TexRefused(
                f"TeX command \\{name} is not allowed in math; use only the commands listed in the contributor guide"
            )
        if name in _DELIMITED:
            self.delimiter(name)
        elif name == "sqrt":
            if self.peek() == "[":
                self.next_token()
                self.group(depth + 1, closing="]")
            self.argument(depth, name)
        elif name in ("rule", "hspace"):
            for _ in range(2 if name == "rule" else 1):
                self.dimension(name)
        elif name == "char":
            self.char_code()
        else:
            for _ in range(ARGUMENTS[name]):
                self.argument(depth, name)

    def delimiter(self, name: str) -> None:
        token = self.next_token()
        ok = token is not None and (
            token in _DELIMITERS
            or (token.startswith("\\") and (token[1:] in _DELIMITER_WORDS or token[1:] in _DELIMITER_SYMBOLS))
        )
        if not ok:
            raise TexRefused(f"\\{name} must be followed by a delimiter such as ( or \\langle, got {token!r}")

    def dimension(self, name: str) -> None:
        if self.next_token() != "{":
            raise TexRefused(f"\\{name} takes its size in braces, e.g. \\{name}{{1em}}")
        end = self.tex.find("}", self.position)
        match = _DIMENSION.fullmatch(self.tex, self.position, end) if end >= 0 else None
        if not match or match["unit"] not in MAX_DIMENSION:
            raise TexRefused(f"\\{name} takes a size such as {{1em}}, in em, ex or pt")
        limit = MAX_DIMENSION[match["unit"]]
        if float(match["number"]) > limit:
            raise TexRefused(f"\\{name} size {match['number']}{match['unit']} is too large; the limit is {limit:g}")
        self.position = end + 1

    def char_code(self) -> None:
        match = _CHAR_CODE.match(self.tex, self.position)
        if not match:
            raise TexRefused('\\char takes a character code, e.g. \\char"3B1')
        self.position = match.end()
        if match["char"]:
            code = ord(match["char"])
        else:
            code = (
                int(match["hex"], 16)
                if match["hex"]
                else int(match["octal"] or match["decimal"], 8 if match["octal"] else 10)
            )
        invisible = code > 0x10FFFF or chr(code) in _BIDI or unicodedata.category(chr(code))[0] in "CZ"
        if invisible and code != 0x20:
            raise TexRefused(f"\\char of U+{code:04X} is not allowed: it is a control, format or invisible character")


def check_formula(tex: str) -> None:
    """Raise TexRefused unless the body of one `$...$` formula keeps to the allow-list and its bounds."""
    if len(tex) > MAX_FORMULA:
        raise TexRefused(f"a formula is {len(tex)} characters long; the limit is {MAX_FORMULA}")
    _Parser(tex).group(0, closing=None)


def formulas(text: str) -> Iterator[str]:
    """Yield the body of each `$...$` formula, found as the renderer finds them (per paragraph, lines joined)."""
    for block in re.split(r"\n\s*\n", text):
        for match in INLINE_MATH.finditer(" ".join(block.split())):
            yield match["tex"]


def math_text(text: str) -> str:
    """Return `text` if every formula in it is allowed; raise TexRefused naming the first one that is not."""
    if "$" not in text:  # most text has no math: skip the paragraph split
        return text
    for tex in formulas(text):
        check_formula(tex)
    return text
