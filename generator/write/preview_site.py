"""The preview's MkDocs site, kept in memory: one full build, then only the pages whose docs changed.

A full build is MkDocs' own `build()`; a recorder plugin keeps the files, nav and Jinja environment it
made. An update then re-reads, re-renders and rewrites just the changed pages through the same steps
of mkdocs' build (`_populate_page`, `_build_page`), copies changed data files, and rebuilds the
sitemap when pages come or go. The nav holds only the few hand-listed pages, whose titles mkdocs.yml
gives, so a paper's page never changes another page's nav; a nav page that comes or goes, the theme
and the config need a full build (the caller decides, write/preview.py: Stamps).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.write.fastpath import NoOptions
from generator.write.mkdocs_build import site_config


@dataclass
class _Built:
    """What MkDocs gathered in the last full build."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment


class _Recorder(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Keep the files, nav and environment of a full build, for the updates after it."""

    def __init__(self) -> None:
        super().__init__()
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.files: Files | None = None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        return env


class LiveSite:
    """The served site under `site_dir`, built from `docs_dir` by MkDocs as our build runs it (mkdocs_build.site_config)."""

    def __init__(self, config_file: Path, docs_dir: Path, site_dir: Path, site_url: str) -> None:
        self._config_file, self._docs_dir, self._site_dir, self._site_url = config_file, docs_dir, site_dir, site_url
        self._built: _Built | None = None

    def build(self) -> None:
        """Build every page, reloading mkdocs.yml and the theme."""
        self._built = None
        config = site_config(self._config_file, self._docs_dir, self._site_dir, site_url=self._site_url)
        recorder = _Recorder()
        config.plugins["catalogue-preview-recorder"] = recorder
        mkdocs_build(config, serve_url=self._site_url)
        assert recorder.files is not None and recorder.nav is not None and recorder.env is not None
        self._built = _Built(config, recorder.files, recorder.nav, recorder.env)

    def update(self, changed: Iterable[str]) -> int:
        """Rebuild what the docs files `changed` (written or removed) make; return how many pages were built."""
        built = self._built
        if built is None:
            self.build()
            return -1
        pages: list[Page] = []
        listing = False  # whether pages came or went, which the sitemap lists
        for uri in changed:
            file = built.files.get_file_from_path(uri)
            if not (self._docs_dir / uri).is_file():
                if file is not None:
                    if _in_nav(built, file):
                        self.build()
                        return -1
                    _remove(built.files, file)
                    listing = True
                continue
            if file is None:
                file = _added(built, uri)
                if file.is_documentation_page() and file.inclusion is InclusionLevel.INCLUDED:  # may be in the nav
                    self.build()
                    return -1
                listing = True
            if not file.inclusion.is_in_serve():  # type: ignore[no-untyped-call]
                continue
            if file.is_documentation_page():
                pages.append(file.page or Page(None, file, built.config))
            else:
                file.copy_file()
        self._rebuild(built, pages, listing)
        return len(pages)

    def _rebuild(self, built: _Built, pages: list[Page], listing: bool) -> None:
        config, files = built.config, built.files
        for page in pages:  # every changed page is read before any is written, as in a full build
            _populate_page(page, config, files)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            _build_page(page, config, doc_files, built.nav, built.env, excluded=page.file.inclusion.is_excluded())  # type: ignore[no-untyped-call]
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        if listing:
            for template in config.theme.static_templates:
                _build_theme_template(template, built.env, files, config, built.nav)


def _in_nav(built: _Built, file: File) -> bool:
    return any(page.file is file for page in built.nav.pages)


def _added(built: _Built, uri: str) -> File:
    """Return the File of a docs file that appeared since the last build, with its inclusion level set."""
    config = built.config
    file = File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    set_exclusions([file], config)
    built.files.append(file)
    return file


def _remove(files: Files, file: File) -> None:
    """Forget a docs file that went, and remove what it built."""
    files.remove(file)
    output = Path(file.abs_dest_path)
    output.unlink(missing_ok=True)
    folder = output.parent
    while folder != Path(file.dest_dir) and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
