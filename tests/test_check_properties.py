"""Property: whatever bytes an entry file holds, `check` ends with a clean report, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import Project, entry

yaml_like = st.text(
    alphabet=st.sampled_from(list("abc:- \n\t\"'[]{}&*!|>#%@`,?~0129\\\u202e\u200b\x00é")), max_size=200
)
field_values = st.one_of(st.text(max_size=60), yaml_like)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(yaml_like, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_any_file_content_gives_a_report(project: Project, capsys: pytest.CaptureFixture[str], content: str) -> None:
    (project.papers / "fuzz.yaml").write_text(content, encoding="utf-8", errors="surrogatepass")
    code = main(["--root", str(project.root), "check"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    for line in out.splitlines():
        assert line.startswith("site_src/papers/fuzz.yaml:"), line


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=field_values, listed=field_values, tags=field_values)
def test_any_field_values_give_a_report(
    project: Project, capsys: pytest.CaptureFixture[str], title: str, listed: str, tags: str
) -> None:
    text = entry().replace("A Study of Saliency", title, 1)
    text = text.replace('"2025-03-12"', listed, 1).replace("[saliency, segmentation]", tags, 1)
    (project.papers / "fuzz.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    code = main(["--root", str(project.root), "check"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert (code == 1) == (": error: " in out)
