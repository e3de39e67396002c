"""`make deploy` (mkdocs gh-deploy) round trip against a local bare repository."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_PARTS, ROOT

VENV = Path(sys.executable).parent.parent


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_make_deploy_pushes_the_site_to_gh_pages(tmp_path):
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    for part in (*PROJECT_PARTS, "Makefile", "requirements.txt"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / part)
    (work / "docs" / "CNAME").write_text("trotsky-stalin.example.org\n")
    git("init", "-q", "-b", "main", cwd=work)
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "-A", cwd=work)
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "site", cwd=work)
    git("remote", "add", "pages", str(remote), cwd=work)
    # Reuse this environment: `-o` tells make not to reinstall it.
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    result = subprocess.run(["make", "deploy", f"VENV={VENV}", "REMOTE=pages", "-o",
                             f"{VENV}/bin/.build-installed"],
                            cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    for name in ("index.html", "404.html", "sitemap.xml", ".nojekyll", "CNAME",
                 "chronology/index.html", "search/search_index.json"):
        assert name in files, f"{name} missing from gh-pages"
    assert git("show", "gh-pages:CNAME", cwd=remote).strip() == "trotsky-stalin.example.org"
