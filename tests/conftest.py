"""Shared fixtures: the repository, a strict build of the real site, copies to break."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
SUBPATH = "/trotsky-stalin/"
# What a copy of the project needs in order to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "includes", "overrides", "sitedata")


def mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """`env`: variables for the build (e.g. MINIFY="false"; see mkdocs.yml)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict for every test that reads HTML."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return site


@pytest.fixture(scope="session")
def unminified_site(tmp_path_factory) -> Path:
    """The real site as MkDocs writes it, before the pages are minified."""
    site = tmp_path_factory.mktemp("unminified")
    result = mkdocs_build(ROOT, site, MINIFY="false")
    assert result.returncode == 0, f"unminified build failed:\n{result.stderr[-4000:]}"
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project that a test may break."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / part)
    return tmp_path


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
