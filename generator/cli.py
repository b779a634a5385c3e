"""Command line: `python -m generator check|import|new|links|schema|render|build|serve`."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator import linkcheck
from generator.diagnostics import Diagnostic, InvalidCatalogue, Severity
from generator.importer import arxiv
from generator.importer.bibtex_source import parse_bibtex
from generator.importer.draft import Draft, SourceError
from generator.importer.hf_page import PageFormatError
from generator.importer.import_page import import_page
from generator.importer.new_entry import NewEntryError, create_entry
from generator.load.inputs import InputError, read_generated, read_input
from generator.load.settings import UnsupportedSettings, read_settings
from generator.load.sources import SourceLayout
from generator.pipeline import build_site, checked_catalogue, render_docs, update_preview
from generator.validate.schema import SCHEMA_PATH, paper_json_schema
from generator.write.docs import write_docs
from generator.write.errors import BuildFailed
from generator.write.files import write_generated
from generator.write.preview import PortInUse, check_port, show_errors, state_dir
from generator.write.serve import serve


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in diagnostics:
        print(diagnostic.format())
        if annotate:
            print(diagnostic.github_annotation())


def cmd_check(args: argparse.Namespace, layout: SourceLayout) -> int:
    catalogue, diagnostics = checked_catalogue(layout, date.today())
    _print_diagnostics(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    print(f"checked {len(catalogue.papers)} valid entries: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace, layout: SourceLayout) -> int:
    try:
        outcomes = import_page(layout, read_input(Path(args.file)), args.year)
    except PageFormatError as exc:
        print(f"{args.file}:{exc.line}:1: error: {exc}")
        return 1
    except InputError as exc:
        print(f"{args.file}: error: {exc}")
        return 1
    for outcome in outcomes:
        note = f" ({outcome.reason})" if outcome.reason else ""
        print(f"{outcome.status:7} {outcome.path}{note}")
    new = sum(o.status == "new" for o in outcomes)
    print(f"{new} new, {len(outcomes) - new} skipped", file=sys.stderr)
    return 0


def _source_draft(args: argparse.Namespace) -> Draft:
    """Return what the --arxiv or --bibtex source says, overridden by the field flags."""
    source = Draft()
    if args.arxiv:
        source = arxiv.arxiv_draft(args.arxiv, fetch=arxiv.http_get)
    elif args.bibtex:
        try:
            source = parse_bibtex(read_input(Path(args.bibtex)))
        except (InputError, SourceError) as exc:
            raise SourceError(f"{args.bibtex}: {exc}") from None
    links = {kind: url for kind, url in (("code", args.code), ("project", args.project)) if url}
    flags = Draft(
        title=args.title or "",
        abstract=args.abstract or "",
        authors=tuple(args.author),
        published=args.published or "",
        doi=args.doi or "",
        venue=args.venue or "",
        short_name=args.short_name or "",
        tags=tuple(args.tag),
        links=links,
    )
    return source.overridden_by(flags)


def _ask(label: str) -> str:
    return input(f"{label}: ")


def cmd_new(args: argparse.Namespace, layout: SourceLayout) -> int:
    try:
        draft = _source_draft(args)
        interactive = sys.stdin is not None and sys.stdin.isatty()
        path = create_entry(layout, draft, date.today(), _ask if interactive else None)
    except (SourceError, NewEntryError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(layout.shown(path))
    return 0


def cmd_links(args: argparse.Namespace, layout: SourceLayout) -> int:
    catalogue, _ = checked_catalogue(layout, date.today())  # invalid entries are check's business
    targets = linkcheck.link_targets(catalogue.papers)
    results = linkcheck.check_links(targets, linkcheck.http_status, args.workers, args.timeout)
    report = linkcheck.markdown_report(results)
    if args.out:
        write_generated(args.out, report)
    else:
        print(report, end="")
    dead = sum(not r.alive for r in results)
    print(f"checked {len(results)} link(s): {dead} dead (reported, not an error)", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace, layout: SourceLayout) -> int:
    target = layout.root / SCHEMA_PATH
    text = paper_json_schema()
    if args.check:
        if read_generated(target) != text:
            print(f"{SCHEMA_PATH}: error: out of date; run `python -m generator schema` and commit it")
            return 1
        return 0
    write_generated(target, text)
    print(f"wrote {SCHEMA_PATH}")
    return 0


def cmd_render(args: argparse.Namespace, layout: SourceLayout) -> int:
    files = render_docs(layout, date.today())
    write_docs(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


def cmd_build(args: argparse.Namespace, layout: SourceLayout) -> int:
    try:
        site_dir = layout.root / (args.site_dir or read_settings(layout.config_file).site_dir)
        # site_dir in mkdocs.yml stays inside the project; a --site-dir typed here is the operator's choice.
        timings = build_site(layout, site_dir, date.today(), confined=args.site_dir is None)
    except BuildFailed as exc:
        print(f"error: {exc}; the previous site is unchanged")
        return 1
    stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.stages.items())
    print(f"built {site_dir} ({stages})")
    return 0


def cmd_serve(args: argparse.Namespace, layout: SourceLayout) -> int:
    build = layout.root / ".build"
    try:
        check_port(args.host, args.port)
    except PortInUse as exc:
        print(f"error: {exc}")
        return 1

    def regenerate() -> bool:
        try:
            changed = update_preview(layout, date.today())
            print(f"re-rendered docs: {changed} file(s) changed", flush=True)
            return True
        except InvalidCatalogue as exc:
            _print_diagnostics(exc.diagnostics)
            show_errors(build, [d.format() for d in exc.diagnostics])
            print("the preview shows these errors on every page until they are fixed", flush=True)
        except Exception as exc:  # a preview server outlives one bad render; the build reports it in full
            show_errors(build, [f"error: could not re-render: {exc!r}"])
            print(f"error: could not re-render: {exc!r}", flush=True)
        return False

    if not regenerate() and not (build / "docs" / "index.md").is_file():
        return 1  # nothing good to serve yet: the terminal shows what to fix
    serve(layout.config_file, layout.site_src, regenerate, f"{args.host}:{args.port}", state_dir(build))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate the whole catalogue")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(run=cmd_check)

    importer = commands.add_parser("import", help="create entries from another source")
    sources = importer.add_subparsers(dest="source", required=True)
    hf = sources.add_parser("hf-page", help="a pasted Hugging Face papers page")
    hf.add_argument("file", help="the text of the page")
    hf.add_argument("--year", type=int, required=True, help="the year of the page's date line")
    hf.set_defaults(run=cmd_import)

    new = commands.add_parser("new", help="scaffold one entry file and print its path")
    source = new.add_mutually_exclusive_group()
    source.add_argument("--arxiv", metavar="ID", help="fill the entry from the arXiv API, e.g. 1706.03762")
    source.add_argument("--bibtex", metavar="FILE", help="fill the entry from a file with one BibTeX entry")
    new.add_argument("--title")
    new.add_argument("--abstract")
    new.add_argument("--author", action="append", default=[], help="an author's name (repeatable, in order)")
    new.add_argument("--short-name", help="short name or acronym, e.g. CALM")
    new.add_argument("--published", metavar="YYYY-MM-DD")
    new.add_argument("--doi")
    new.add_argument("--venue", help="e.g. CVPR 2023")
    new.add_argument("--tag", action="append", default=[], help="a key of site_src/tags.yaml (repeatable)")
    new.add_argument("--code", metavar="URL", help="https:// link to the code")
    new.add_argument("--project", metavar="URL", help="https:// link to the project page")
    new.set_defaults(run=cmd_new)

    links = commands.add_parser("links", help="check every entry's code and project links; report dead ones")
    links.add_argument("--out", type=Path, help="write the Markdown report here (default: standard output)")
    links.add_argument("--workers", type=int, default=linkcheck.WORKERS, help="requests at a time")
    links.add_argument("--timeout", type=float, default=linkcheck.TIMEOUT, help="seconds per request")
    links.set_defaults(run=cmd_links)

    schema = commands.add_parser("schema", help=f"write {SCHEMA_PATH} from the entry model")
    schema.add_argument("--check", action="store_true", help="only verify the committed file is current")
    schema.set_defaults(run=cmd_schema)
    render = commands.add_parser("render", help="write the generated Markdown to a folder")
    render.add_argument("--out", type=Path, required=True, help="folder to write (created if missing)")
    render.set_defaults(run=cmd_render)

    build = commands.add_parser("build", help="build the production site")
    build.add_argument("--site-dir", type=Path, help="output folder (default: site_dir of mkdocs.yml)")
    build.set_defaults(run=cmd_build)

    serve_cmd = commands.add_parser("serve", help="preview the site, re-rendering when an entry changes")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.set_defaults(run=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args = build_parser().parse_args(argv)
    layout = SourceLayout(args.root.resolve())
    try:
        return int(args.run(args, layout))
    except InvalidCatalogue as exc:
        _print_diagnostics(exc.diagnostics)
        return 1
    except UnsupportedSettings as exc:
        print(f"error: {exc}")
        return 1
