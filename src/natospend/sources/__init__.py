"""Importers: one module per source format, each a ``parse(...) -> list[Observation]``.

An importer raises :class:`SourceFormatError` on anything it does not recognise rather than
guessing; the build (``natospend.sources.build``) turns their output into the shipped dataset.
"""

from natospend.sources.records import INDICATORS, Indicator, Observation, SourceFormatError

__all__ = ["INDICATORS", "Indicator", "Observation", "SourceFormatError"]
