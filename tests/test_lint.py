"""ruff and mypy run as part of the suite, so the README's one test command covers them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff():
    r = _run("ruff", "check", "src", "tests", "bench", "scripts")
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy():
    r = _run("mypy")
    assert r.returncode == 0, r.stdout + r.stderr
