"""Math in entries keeps to the TeX allow-list: `check` names anything else, and the BibTeX export never carries it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.cli import main
from generator.model import Paper
from generator.render.bibtex import bibtex_entry
from generator.validate.tex import ALLOWED_COMMANDS, MAX_DEPTH, MAX_FORMULA, TexRefused, check_formula, math_text
from tests.conftest import REPO, Project, entry

ACCEPTED = [
    r"\frac{\sqrt{x^{2}}}{y}",
    r"\alpha_i + \mathbb{R}^n \to \mathcal{O}(n \log n)",
    r"\ell_1",
    r"\|x\|_2 \leq \epsilon",
    r"\left( \sum_{i=1}^{n} x_i \right)",
    r"\sqrt[3]{x}",
    r"\operatorname{softmax}(QK^\top / \sqrt{d})",
    r"\hat{y} = \arg\max_{c} p(c \mid x)",
    r"\rule{1em}{2pt} \hspace{2em} \char`a \char98 \char'141",
    r"\text{a b} \quad 16 \times 16",
    r'\char"3B1',
]
REFUSED = [
    (r"\InputIfFileExists{/etc/passwd}{}{}", r"TeX command \InputIfFileExists is not allowed in math"),
    (r"\makeatletter\@@input /etc/passwd", r"TeX command \makeatletter is not allowed in math"),
    (r"\lstinputlisting{/etc/passwd}", r"TeX command \lstinputlisting is not allowed in math"),
    (r"\input{/etc/passwd}", r"TeX command \input is not allowed in math"),
    (r"\def\x{y}", r"TeX command \def is not allowed in math"),
    (r"\catcode`\@=11", r"TeX command \catcode is not allowed in math"),
    (r"\begin{verbatim}", r"TeX command \begin is not allowed in math"),
    (r"\href{javascript:alert(1)}{x}", r"TeX command \href is not allowed in math"),
    (r"^^5cinput x", "'^^' is not allowed in math"),
    (r"x^^5c", "'^^' is not allowed in math"),
    (r"\@@input", r"TeX control symbol \@ is not allowed in math"),
    ("\\sqrt{" * (MAX_DEPTH + 1) + "x" + "}" * (MAX_DEPTH + 1), f"nested deeper than {MAX_DEPTH} levels"),
    ("x_{" * (MAX_DEPTH + 1) + "x" + "}" * (MAX_DEPTH + 1), f"nested deeper than {MAX_DEPTH} levels"),
    ("\\sqrt" * (MAX_DEPTH + 1) + " x", f"nested deeper than {MAX_DEPTH} levels"),
    ("x+" * (MAX_FORMULA // 2 + 1), f"the limit is {MAX_FORMULA}"),
    (r"\rule{300em}{300em}", r"\rule size 300em is too large; the limit is 10"),
    (r"\rule{1em}{5000pt}", r"\rule size 5000pt is too large; the limit is 100"),
    (r"\hspace{-3em}", r"\hspace takes a size such as {1em}"),
    (r"\rule{1in}{1em}", r"\rule takes a size such as {1em}"),
    (r'\char"202E', r"\char of U+202E is not allowed"),
    (r'\char"200B', r"\char of U+200B is not allowed"),
    (r"\char0", r"\char of U+0000 is not allowed"),
    (r'\char"FFFF', r"\char of U+FFFF is not allowed"),
    (r'\char"110000', r"\char of U+110000 is not allowed"),
    ("a{b", "unclosed '{'"),
    ("a}b", "unmatched '}'"),
    ("50% of x", r"'%' is not allowed in math; write \% for the character itself"),
    (r"\left x \right)", r"\left must be followed by a delimiter"),
]


@pytest.mark.parametrize("tex", ACCEPTED)
def test_allow_listed_math_is_accepted(tex: str) -> None:
    check_formula(tex)


@pytest.mark.parametrize(("tex", "message"), REFUSED, ids=[tex[:30] for tex, _ in REFUSED])
def test_anything_else_is_refused_naming_it(tex: str, message: str) -> None:
    with pytest.raises(TexRefused) as refused:
        check_formula(tex)
    assert message in str(refused.value)


def test_math_is_found_as_the_renderer_finds_it() -> None:
    assert math_text(r"Costs $5 and $10, a \$ sign") == r"Costs $5 and $10, a \$ sign"
    with pytest.raises(TexRefused, match=r"\\input"):
        math_text("A paragraph with $x +\n\\input{y}$ across a line break")


def test_check_names_the_command_at_the_field(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("attention", entry(title=r"'Attention $\InputIfFileExists{/etc/passwd}{}{}$'"))
    project.add("crash", entry(abstract="'Deep $" + "\\sqrt{" * 12 + "x" + "}" * 12 + "$ nesting.'"))
    assert main(["--root", str(project.root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        r"site_src/papers/attention.yaml:1:8: error: title: TeX command \InputIfFileExists is not allowed in math; "
        "use only the commands listed in the contributor guide",
        f"site_src/papers/crash.yaml:2:11: error: abstract: math nested deeper than {MAX_DEPTH} levels is not "
        "allowed; simplify the formula",
    ]


def test_bibtex_keeps_only_allow_listed_math() -> None:
    """The export never trusts that `check` ran: math outside the allow-list is escaped as plain text."""
    title = r"Attention $\InputIfFileExists{/etc/passwd}{}{}$ with $\lstinputlisting{/etc/passwd}$ and $\alpha_1$"
    paper = Paper(slug="p", title=title, abstract="A.", listed=date(2025, 1, 1), tags=("t",), source="s")
    text = bibtex_entry(paper)
    assert r"\textbackslash{}InputIfFileExists\textbraceleft{}/etc/passwd" in text
    assert r"\textbackslash{}lstinputlisting" in text
    assert "$\\alpha_1$" in text
    assert "\\InputIfFileExists" not in text and "\\lstinputlisting" not in text


def test_the_contributor_guide_lists_exactly_the_allowed_commands() -> None:
    page = (REPO / "site_src" / "pages" / "contribute.md").read_text(encoding="utf-8")
    section = page[page.index("### Math") :].split("\n#", 1)[0]
    assert set(re.findall(r"`\\([A-Za-z]+)", section)) == ALLOWED_COMMANDS
