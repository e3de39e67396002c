"""The GitHub workflows: valid against the schema, clean under zizmor, pinned actions."""
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300)


def test_there_is_a_workflow():
    assert WORKFLOWS


def test_workflows_match_the_github_schema():
    result = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = run(BIN / "zizmor", "--offline", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps: nope\n")
    assert run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows",
               broken).returncode != 0


def test_every_action_is_pinned_to_a_commit_with_a_version_comment():
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d", line), line


def test_deploy_uses_the_pages_artifact_flow_with_least_privilege():
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text()
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}@" in text
    assert "permissions: {}" in text and "pages: write" in text and "id-token: write" in text
    assert "fetch-depth: 0" in text and "cache: pip" in text
