"""The labelled rounds as bench/rounds.py has them, for the tests that pin what the learned
layers were trained on and that keep the blind round unread: one round table, so that a new
round is added in one place (tests import it by path: bench/ is not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "natospend_bench_rounds", Path(__file__).resolve().parents[1] / "bench" / "rounds.py")
assert _spec is not None and _spec.loader is not None
_rounds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_rounds)

BLIND_ROUND: int = _rounds.BLIND_ROUND
BLIND_FILES: tuple[str, ...] = _rounds.BLIND_FILES
TRAINING_FILES: frozenset[str] = frozenset(f for files in _rounds.ROUNDS.values() for f in files)
"""The files every layer's weights are trained on (rounds 1 to the one before the blind)."""
TYPING_TRAINING_FILES: frozenset[str] = TRAINING_FILES | frozenset(_rounds.NEGATIVE_FILES)
"""The typing layer's: the rounds and the off-topic passages, figures of no type."""
