"""Command line: `python -m generator check|import|new|resolve|links|schema|render|build|serve`."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, InvalidCatalogue, Severity, output_line
from generator.load.settings import UnsupportedSettings
from generator.load.sources import SCHEMA_PATH, SourceLayout
from generator.model import LINK_KINDS

if TYPE_CHECKING:
    from generator.importer.draft import Draft

# Each command imports what it needs when it runs, so `--help` and `check` never load scikit-learn, MkDocs,
# Jinja or the importers; tests/test_cli_start.py holds the list.


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in diagnostics:
        print(diagnostic.format())
        if annotate:
            print(diagnostic.github_annotation())


def cmd_check(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.load.catalogue import read_catalogue
    from generator.validate.check import validate_catalogue

    sources = read_catalogue(layout)
    catalogue, diagnostics = validate_catalogue(sources, date.today())
    _print_diagnostics(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    read = sum(not name.startswith(".") for name in sources.entry_names)  # hidden files are never read
    wrong = {d.path for d in diagnostics if d.severity is Severity.ERROR}
    valid = sum(paper.source not in wrong for paper in catalogue.papers)
    print(
        f"checked {read} entry file(s): {valid} valid, {errors} error(s), {warnings} warning(s)",
        file=sys.stderr,
    )
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.importer.hf_page import PageFormatError
    from generator.importer.import_page import import_page
    from generator.load.inputs import InputError, read_input

    try:
        outcomes = import_page(layout, read_input(Path(args.file)), args.year)
    except PageFormatError as exc:
        print(output_line(f"{args.file}:{exc.line}:1: error: {exc}"))
        return 1
    except InputError as exc:
        print(output_line(f"{args.file}: error: {exc}"))
        return 1
    for outcome in outcomes:
        note = f" ({outcome.reason})" if outcome.reason else ""
        print(output_line(f"{outcome.status:7} {outcome.path}{note}"))
    written = [layout.root / o.path for o in outcomes if o.status == "new"]
    print(f"{len(written)} new, {len(outcomes) - len(written)} skipped", file=sys.stderr)
    return _resolve_written(layout, written) if args.resolve and written else 0


def _resolve_written(layout: SourceLayout, paths: list[Path]) -> int:
    """Run `resolve --write` on entries a command just wrote."""
    from generator.resolve.command import run_resolve

    return run_resolve(layout, paths, write=True)


def link_flag(text: str) -> tuple[str, str]:
    """Read `--link KIND=URL`."""
    kind, _, url = text.partition("=")
    if kind not in LINK_KINDS or not url:
        raise argparse.ArgumentTypeError(f"expected KIND=URL with KIND one of {', '.join(LINK_KINDS)}; got {text!r}")
    return kind, url


def _source_draft(args: argparse.Namespace) -> Draft:
    """Return what the --arxiv or --bibtex source says, overridden by the field flags."""
    from generator.importer import arxiv
    from generator.importer.bibtex_source import parse_bibtex
    from generator.importer.draft import Draft, SourceError
    from generator.load.inputs import InputError, read_input

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
        listed=args.listed or "",
        published=args.published or "",
        arxiv=arxiv.requested_id(args.arxiv_id) if args.arxiv_id else "",
        doi=args.doi or "",
        venue=args.venue or "",
        short_name=args.short_name or "",
        tags=tuple(args.tag),
        links={**links, **dict(args.link)},
    )
    return source.overridden_by(flags)


def _ask(label: str) -> str:
    return input(f"{label}: ")


def cmd_new(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.importer.draft import SourceError
    from generator.importer.new_entry import NewEntryError, create_entry

    try:
        draft = _source_draft(args)
        interactive = sys.stdin is not None and sys.stdin.isatty()
        created = create_entry(layout, draft, date.today(), _ask if interactive else None)
    except (SourceError, NewEntryError, OSError) as exc:
        # The message lists each problem on a line of its own; each line is made inert.
        print("\n".join(map(output_line, f"error: {exc}".splitlines())), file=sys.stderr)
        return 1
    print(layout.shown(created.path))
    filled = [name for name, value in created.fields.items() if value]
    print(f"filled: {', '.join(filled)}", file=sys.stderr)
    for key, reason in created.suggested:
        print(output_line(f"suggested tag {key}: {reason}"), file=sys.stderr)
    if created.suggested:
        print("check the suggested tags and edit the file if they are wrong", file=sys.stderr)
    return _resolve_written(layout, [created.path]) if args.resolve else 0


def cmd_resolve(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.resolve.command import run_resolve

    return run_resolve(layout, args.paths, write=args.write)


def cmd_links(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator import linkcheck
    from generator.pipeline import checked_catalogue
    from generator.write.files import write_generated

    catalogue, _ = checked_catalogue(layout, date.today())  # invalid entries are check's business
    targets = linkcheck.link_targets(catalogue.papers)
    workers, timeout = args.workers or linkcheck.WORKERS, args.timeout or linkcheck.TIMEOUT
    results = linkcheck.check_links(targets, linkcheck.http_status, workers, timeout)
    report = linkcheck.markdown_report(results)
    if args.out:
        write_generated(args.out, report)
    else:
        print(report, end="")
    dead = sum(not r.alive for r in results)
    print(f"checked {len(results)} link(s): {dead} dead (reported, not an error)", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.load.inputs import read_generated
    from generator.validate.schema import paper_json_schema
    from generator.write.files import write_generated

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
    from generator.pipeline import render_docs
    from generator.write.docs import write_docs

    files = render_docs(layout, date.today())
    write_docs(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


def cmd_build(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.load.settings import read_settings
    from generator.pipeline import build_site
    from generator.write.errors import BuildFailed

    try:
        site_dir = layout.root / (args.site_dir or read_settings(layout.config_file).site_dir)
        # site_dir in mkdocs.yml stays inside the project; a --site-dir typed here is the operator's choice.
        timings = build_site(layout, site_dir, date.today(), confined=args.site_dir is None)
    except BuildFailed as exc:
        print(output_line(f"error: {exc}; the previous site is unchanged"))
        return 1
    stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.stages.items())
    print(output_line(f"built {site_dir} ({stages})"))
    return 0


def cmd_serve(args: argparse.Namespace, layout: SourceLayout) -> int:
    from generator.pipeline import Reuse, update_preview
    from generator.timings import Timings
    from generator.write.docs import DocsFolder
    from generator.write.preview import PortInUse, SearchIndex, check_port, preview_dir
    from generator.write.preview_site import LiveSite
    from generator.write.serve import Preview, Rendered, serve

    build = layout.root / ".build"
    try:
        check_port(args.host, args.port)
    except PortInUse as exc:
        print(output_line(f"error: {exc}"))
        return 1
    reuse = Reuse(DocsFolder(build / "docs"))

    def render() -> Rendered | list[str] | None:
        timings = Timings()
        try:
            rendered = update_preview(layout, date.today(), reuse, timings)
            if rendered is None:
                return None
        except InvalidCatalogue as exc:
            _print_diagnostics(exc.diagnostics)
            print("the preview shows these errors on every page until they are fixed", flush=True)
            return [d.format() for d in exc.diagnostics]
        except Exception as exc:  # a preview server outlives one bad render; the build reports it in full
            print(output_line(f"error: could not re-render: {exc!r}"), flush=True)
            return [f"error: could not re-render: {exc!r}"]
        stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.stages.items())
        print(output_line(f"re-rendered docs: {len(rendered[0])} file(s) changed ({stages})"), flush=True)
        return Rendered(*rendered)

    site_dir = preview_dir(build) / "site"
    address = f"{args.host}:{args.port}"
    site = LiveSite(layout.config_file, build / "docs", site_dir, f"http://{address}/")
    preview = Preview(layout.root, render, site, SearchIndex(build))
    if not preview.start(site_dir, (build / "docs" / "index.md").is_file):
        return 1  # nothing good to serve yet: the terminal shows what to fix
    watched = [layout.site_src, layout.root / "theme", layout.config_file]
    serve(preview, address, site_dir, [path for path in watched if path.exists()])
    return 0


NEW_DESCRIPTION = """\
Scaffold one entry file under site_src/papers/ and print its path. Fields come from the arXiv API
(--arxiv), a BibTeX file (--bibtex) or the flags; a flag wins over the source. Missing title or
abstract are asked for on a terminal. Without --tag, tags are suggested from the taxonomy's aliases
and each suggestion is printed with its reason. Nothing is written if the entry would fail check or
the catalogue already has the paper."""

NEW_EXAMPLES = """\
examples:
  python -m generator new --arxiv 1706.03762 --tag transformers
  python -m generator new --bibtex paper.bib --link code=https://github.com/org/repo
  python -m generator new --title "CALM: Composition to Augment Language Models" \\
      --abstract "We study ..." --arxiv-id 2401.02412 --listed 2025-03-12 --resolve"""

RESOLVE_DESCRIPTION = """\
Complete entries that lack an arXiv id, DOI, authors, publication date or venue. Each title is
searched on the arXiv API (3 s between requests); Crossref is asked for the DOI and venue when the
arXiv record names none. A record is accepted only when its title equals the entry's once case
and punctuation are folded, or nearly does (the same words and numbers, a letter or so apart,
similarity >= 0.95), and its dates agree: arXiv's first version no later than `listed`, and within
a year of `published` when the entry has one. Anything else is reported as ambiguous, with its
candidates, or as not found. Prints a unified
diff of the fields it would add and writes them only with --write. Never changes a value that is
already in the file. Requests name extra.contact of mkdocs.yml; answers are cached under
.build/resolve-cache/, so a re-run asks nothing twice."""

RESOLVE_EXAMPLES = """\
examples:
  python -m generator resolve                                   # show what every entry would gain
  python -m generator resolve site_src/papers/calm.yaml --write # add it to one entry"""


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new",
        help="scaffold one entry file and print its path",
        description=NEW_DESCRIPTION,
        epilog=NEW_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = new.add_mutually_exclusive_group()
    source.add_argument("--arxiv", metavar="ID", help="fill the entry from the arXiv API, e.g. 1706.03762")
    source.add_argument("--bibtex", metavar="FILE", help="fill the entry from a file with one BibTeX entry")
    new.add_argument("--title", metavar="TEXT", help="the paper's title, on one line")
    new.add_argument("--abstract", metavar="TEXT", help="the abstract; blank lines separate paragraphs")
    new.add_argument("--author", action="append", default=[], help="an author's name (repeatable, in order)")
    new.add_argument("--short-name", metavar="NAME", help="short name or acronym, e.g. CALM")
    new.add_argument("--listed", metavar="YYYY-MM-DD", help="the day the catalogue lists it (default: today)")
    new.add_argument("--published", metavar="YYYY-MM-DD", help="first publication date")
    new.add_argument("--arxiv-id", metavar="ID", help="record this arXiv id without asking arXiv, e.g. 2401.02412")
    new.add_argument("--doi", metavar="DOI", help="bare DOI, e.g. 10.1109/CVPR.2016.90")
    new.add_argument("--venue", metavar="TEXT", help="where it was published, e.g. CVPR 2023")
    new.add_argument("--tag", action="append", default=[], help="a key of site_src/tags.yaml (repeatable)")
    new.add_argument(
        "--link",
        action="append",
        default=[],
        type=link_flag,
        metavar="KIND=URL",
        help=f"an https:// link (repeatable); KIND is one of {', '.join(LINK_KINDS)}",
    )
    new.add_argument("--code", metavar="URL", help="https:// link to the code (same as --link code=URL)")
    new.add_argument("--project", metavar="URL", help="https:// link to the project page (--link project=URL)")
    new.add_argument("--resolve", action="store_true", help="then complete the entry from arXiv and Crossref")
    new.set_defaults(run=cmd_new)


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
    hf.add_argument("--resolve", action="store_true", help="then complete the new entries from arXiv and Crossref")
    hf.set_defaults(run=cmd_import)

    _add_new(commands)

    resolve = commands.add_parser(
        "resolve",
        help="complete entries from arXiv and Crossref (prints a diff; --write writes it)",
        description=RESOLVE_DESCRIPTION,
        epilog=RESOLVE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    resolve.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="entry files or folders (default: all)")
    resolve.add_argument("--write", action="store_true", help="add the fields to the files (default: only show them)")
    resolve.set_defaults(run=cmd_resolve)

    links = commands.add_parser("links", help="check every entry's code and project links; report dead ones")
    links.add_argument("--out", type=Path, help="write the Markdown report here (default: standard output)")
    # Defaults come from linkcheck when the command runs, so --help need not import it.
    links.add_argument("--workers", type=int, help="requests at a time (default: 8)")
    links.add_argument("--timeout", type=float, help="seconds per request (default: 15)")
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
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port to listen on")
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
        print(output_line(f"error: {exc}"))
        return 1
