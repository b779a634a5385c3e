"""Any math the TeX allow-list accepts renders in Chromium with the site's own KaTeX: no crash, no error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.validate import tex
from generator.validate.tex import TexRefused, check_formula
from tests.browser import serve
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Symbols that stand alone anywhere (\limits, \middle and \not only make sense beside something else).
SYMBOLS = sorted({name for name, count in tex.ARGUMENTS.items() if count == 0} - {"limits", "nolimits", "not"})
TEXT = ["text", "textbf", "textit", "textrm", "operatorname"]
ONE_ARGUMENT = sorted({name for name, count in tex.ARGUMENTS.items() if count == 1} - {*TEXT, "pmod"})
TWO_ARGUMENTS = sorted(name for name, count in tex.ARGUMENTS.items() if count == 2)
WORD = st.text(st.sampled_from("abcxyz "), min_size=1, max_size=6).map(lambda w: w.strip() or "a")
DIMENSION = st.tuples(st.integers(0, 10), st.sampled_from(["em", "ex", "pt"])).map(lambda d: f"{d[0]}{d[1]}")


def _formulas(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One level of the grammar: every construct the allow-list declares, around smaller formulas."""
    braced = inner.map(lambda f: "{" + f + "}")
    return st.one_of(
        st.tuples(inner, inner).map(" ".join),
        st.tuples(st.sampled_from(ONE_ARGUMENT), braced).map(lambda c: f"\\{c[0]}{c[1]}"),
        st.tuples(st.sampled_from(TEXT), WORD).map(lambda c: f"\\{c[0]}{{{c[1]}}}"),
        st.tuples(st.sampled_from(TWO_ARGUMENTS), braced, braced).map(lambda c: f"\\{c[0]}{c[1]}{c[2]}"),
        st.tuples(inner, st.sampled_from("^_"), braced).map("".join),
        braced.map(lambda f: "\\sqrt" + f),
        braced.map(lambda f: "\\sqrt[3]" + f),
        inner.map(lambda f: f"\\left( {f} \\right)"),
        inner.map(lambda f: f"\\left\\langle {f} \\middle| x \\right\\rangle"),
        inner.map(lambda f: f"\\sum\\limits_{{i}} {f}"),
        inner.map(lambda f: f"\\big( {f} \\big)"),
        inner.map(lambda f: f"a \\pmod{{{f}}}"),
    )


ATOM = st.one_of(
    st.sampled_from("abcxyz0123456789+-=()[]<>|,.;:!?'/*"),
    st.sampled_from(SYMBOLS).map(lambda s: f"\\{s} "),
    st.sampled_from(",;:!{}|%#&_$").map(lambda s: f"\\{s}"),
    st.tuples(DIMENSION, DIMENSION).map(lambda d: f"\\rule{{{d[0]}}}{{{d[1]}}}"),
    DIMENSION.map(lambda d: f"\\hspace{{{d}}}"),
    st.sampled_from(['\\char"3B1 ', "\\char98 ", "\\char'141 ", "\\char`a "]),
    st.just("x \\not= y"),
)
FORMULA = st.recursive(ATOM, _formulas, max_leaves=12)


def accepted(formula: str) -> bool:
    try:
        check_formula(formula)
    except TexRefused:
        return False
    return True


@pytest.fixture(scope="module")
def katex_page(browser: Any) -> Iterator[Any]:
    """A blank page on 127.0.0.1 that has loaded the site's KaTeX (theme/assets/katex)."""
    with serve(REPO / "theme" / "assets") as base:
        page = browser.new_page()
        page.goto(base + "katex/")  # the folder listing: a page on the site's own origin
        page.add_script_tag(url=base + "katex/katex.min.js")
        page.add_style_tag(url=base + "katex/katex.min.css")
        yield page
        page.close()


@settings(
    max_examples=int(os.environ.get("TEX_BROWSER_BATCHES", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(FORMULA.filter(accepted), min_size=5, max_size=20))
def test_accepted_tex_renders_in_chromium_without_a_crash(katex_page: Any, batch: list[str]) -> None:
    """Each batch is rendered into the page's DOM and laid out; the page must answer and KaTeX must not throw."""
    crashed: list[str] = []
    katex_page.on("crash", lambda _: crashed.append("renderer crashed"))
    failures = katex_page.evaluate(
        """(batch) => {
            document.body.replaceChildren();
            const failures = [];
            for (const formula of batch) {
                const span = document.createElement("span");
                try {
                    katex.render(formula, span, {throwOnError: true, trust: false, strict: "ignore"});
                } catch (error) {
                    failures.push(formula + " -> " + error.message);
                }
                document.body.append(span);
            }
            return document.body.getBoundingClientRect().height >= 0 ? failures : ["no layout"];
        }""",
        batch,
    )
    assert crashed == [] and failures == []
    assert katex_page.evaluate("1 + 1") == 2  # the renderer still answers
