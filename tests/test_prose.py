"""Markdown lint of docs/ and a spelling check of the prose, with a project word list."""
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent
WORDLIST = ROOT / "tests" / "wordlist.txt"


def run(*args, cwd=ROOT):
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_markdown_lint():
    result = run(BIN / "pymarkdown", "--config", ROOT / ".pymarkdown.json", "scan", "-r", "docs")
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_lint_catches_a_fault(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text("---\ntitle: A\n---\n\nText\n## Heading\nMore   \n\n\n")
    assert run(BIN / "pymarkdown", "--config", ROOT / ".pymarkdown.json", "scan",
               page).returncode != 0


def test_spelling_of_docs_data_and_readme():
    result = run(BIN / "codespell", "--ignore-words", WORDLIST, "docs", "data", "README.md")
    assert result.returncode == 0, result.stdout + result.stderr


def test_spelling_check_catches_a_typo(tmp_path):
    page = tmp_path / "typo.md"
    page.write_text("The Bolsheviks recieved the news.\n")
    assert run(BIN / "codespell", "--ignore-words", WORDLIST, page).returncode != 0
