"""Read the site settings the generator needs from `mkdocs.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class UnsupportedSettings(Exception):
    """`mkdocs.yml` asks for something the generated pages cannot honour."""


@dataclass(frozen=True)
class SiteSettings:
    """Names and addresses from `mkdocs.yml` that pages link to or cite."""

    site_name: str
    site_url: str
    repo_url: str
    edit_uri: str
    site_dir: str = "site"
    language: str = "en"
    contact: str = ""  # extra.contact: the address `resolve` names in its requests to arXiv and Crossref

    def edit_url(self, source: str) -> str:
        """Return the GitHub edit address of a file under `site_src/`."""
        return self.repo_url.rstrip("/") + "/" + self.edit_uri.strip("/") + "/" + source.removeprefix("site_src/")


def read_settings(config_file: Path) -> SiteSettings:
    """Read `mkdocs.yml` (plain YAML, no Python tags)."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if config.get("use_directory_urls", True) is not True:
        # Generated lists link to served addresses such as ../calm/ (see render/views.py: href).
        raise UnsupportedSettings(
            f"{config_file.name}: use_directory_urls must stay true; generated pages link to folder addresses"
        )
    theme = config.get("theme")
    language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    return SiteSettings(
        site_name=str(config["site_name"]),
        site_url=str(config.get("site_url", "")).rstrip("/") + "/",
        repo_url=str(config.get("repo_url", "")),
        edit_uri=str(config.get("edit_uri", "edit/main/site_src/")),
        site_dir=str(config.get("site_dir", "site")),
        language=str(language),
        contact=str(extra.get("contact", "")) if isinstance(extra := config.get("extra"), dict) else "",
    )
