"""Shared fixtures: where the raw source files are, and a skip when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[2] / "shared" / "data"

needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason=f"raw source files not present at {RAW} "
                               "(they live outside the repository; see README, 'Data')")


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data directory, so imports never leak between tests."""
    from natospend import dataset

    home = tmp_path / "natospend-home"
    monkeypatch.setenv("NATOSPEND_HOME", str(home))
    dataset.reload()
    yield home
    dataset.reload()
