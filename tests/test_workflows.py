"""The GitHub workflows lint clean offline, pin every action to a reviewed SHA, and keep their permissions small."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from tests.conftest import Project, entry

REPO = Path(__file__).resolve().parent.parent
GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent

# The commit SHAs of shared/actions-pins.md, copied so the test does not depend on that folder.
PINS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/upload-artifact": ("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
    "actions/configure-pages": ("983d7736d9b0ae728b81ab479565c72886d7745b", "v5.0.0"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": ("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
}
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?:\s+#\s*(?P<tag>\S+))?\s*$")


def load(path: Path) -> dict[str, Any]:
    """Parse a workflow; PyYAML reads the key `on` as True, so name it back."""
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a linter installed beside this Python, offline, from the repository root."""
    return subprocess.run([str(BIN / name), *args], cwd=REPO, capture_output=True, text=True, timeout=120)


def test_three_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "deploy.yml", "links.yml"]


def test_zizmor_auditor_finds_nothing() -> None:
    result = tool(
        "zizmor", "--offline", "--persona", "auditor", "--no-progress", "--color", "never", ".github/workflows"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_github_schema(path: Path) -> None:
    result = tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_matches_github_schema() -> None:
    form = GITHUB / "ISSUE_TEMPLATE" / "add-paper.yml"
    result = tool("check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", str(form))
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_asks_for_the_paper_and_confirms_it_is_new() -> None:
    body = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "add-paper.yml").read_text(encoding="utf-8"))["body"]
    ids = [item.get("id") for item in body]
    assert {"paper", "links", "tags", "checks"} <= set(ids)
    (checks,) = [item for item in body if item.get("id") == "checks"]
    assert checks["type"] == "checkboxes"
    assert checks["attributes"]["options"][0]["required"] is True
    assert "not already in" in checks["attributes"]["options"][0]["label"]


def test_linters_fail_on_a_bad_workflow(tmp_path: Path) -> None:
    """Guards the guards: the same commands do report an injectable, unpinned workflow."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        '      - uses: actions/checkout@v4\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    )
    assert tool("zizmor", "--offline", "--persona", "auditor", "--no-progress", str(bad.parent)).returncode != 0
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n")
    assert tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(bad)).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_listed_sha(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines, f"{path.name} uses no action"
    for line in lines:
        match = USES.match(line)
        assert match, f"unexpected uses line: {line!r}"
        action, _, sha = match["ref"].partition("@")
        assert re.fullmatch(r"[0-9a-f]{40}", sha), f"{action} is not pinned to a full commit SHA: {line!r}"
        assert action in PINS, f"{action} is not in actions-pins.md; prefer a run: step"
        assert (sha, match["tag"]) == PINS[action], f"{action} must be {PINS[action][0]} # {PINS[action][1]}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_expanded_inside_a_shell_script(path: Path) -> None:
    for job in load(path)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), f"{path.name}: pass it through env: instead: {step['run']!r}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_start_empty_and_checkouts_keep_no_token(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}
    assert not {"pull_request_target", "workflow_run"} & set(workflow["on"])
    for job in workflow["jobs"].values():
        assert job["permissions"] in (
            {"contents": "read"},
            {"contents": "read", "pages": "read"},
            {"pages": "write", "id-token": "write"},
        )
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_deploy_job_alone_may_write_pages() -> None:
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert workflow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    # configure-pages reads the site's Pages settings, which a private repository grants only with pages: read.
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}


def test_link_check_is_scheduled_never_on_pull_requests() -> None:
    workflow = load(GITHUB / "workflows" / "links.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    (script,) = [s["run"] for s in workflow["jobs"]["links"]["steps"] if "generator links" in s.get("run", "")]
    assert '>> "$GITHUB_STEP_SUMMARY"' in script


def test_ci_checks_tests_builds_and_uploads_the_site() -> None:
    steps = load(GITHUB / "workflows" / "ci.yml")["jobs"]["test"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    for command in (
        "pip install -e '.[test]'",
        "-m generator check",
        "apt-get install -y chromium",
        "make test",
        "make site",
    ):
        assert command in runs
    (test,) = [s for s in steps if s.get("run") == "make test"]
    assert test["env"] == {"REQUIRE_BROWSER": "1"}
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "pyproject.toml"}
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_check_annotates_the_offending_line_on_github(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project.add("bad", entry(tags="[saliancy]"))  # the tags line is line 4
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["--root", str(project.root), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "site_src/papers/bad.yaml:4:8: error: tags[0]: unknown tag 'saliancy' (did you mean 'saliency'?); "
        "use a key of site_src/tags.yaml or add the tag there",
        "::error file=site_src/papers/bad.yaml,line=4,col=8::tags[0]: unknown tag 'saliancy' "
        "(did you mean 'saliency'?); use a key of site_src/tags.yaml or add the tag there",
    ]


def test_the_published_schema_is_valid_ecma262_and_the_entries_match_it() -> None:
    """Editors apply the schema with ECMA-262 regular expressions; check-jsonschema uses such an engine too."""
    import regress

    schema = json.loads((REPO / "site_src" / "schema" / "paper.schema.json").read_text(encoding="utf-8"))
    patterns = list(_patterns(schema))
    assert len(patterns) >= 5
    for pattern in patterns:
        regress.Regex(pattern, "u")
    entries = sorted(str(p.relative_to(REPO)) for p in (REPO / "site_src" / "papers").glob("*.yaml"))
    result = tool("check-jsonschema", "--schemafile", "site_src/schema/paper.schema.json", *entries)
    assert result.returncode == 0, result.stdout + result.stderr


def _patterns(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


def test_make_test_checks_the_entries_against_the_published_schema() -> None:
    recipe = subprocess.run(["make", "-n", "test"], cwd=REPO, capture_output=True, text=True, timeout=60).stdout
    assert "check-jsonschema --schemafile site_src/schema/paper.schema.json {} +" in recipe
    assert recipe.index("check-jsonschema") < recipe.index("-m pytest")
