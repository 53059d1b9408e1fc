"""What every ``natospend`` command group shares: library input errors become one clear line."""

from __future__ import annotations

from typing import Any

import click

from natospend import countries, dataset
from natospend.analysis import compliance as compliance_mod
from natospend.export import ExportError
from natospend.sources.records import SourceFormatError

USER_ERRORS = (countries.UnknownCountryError, dataset.DataNotFoundError,
               compliance_mod.AnalysisInputError, SourceFormatError, ExportError)


class Group(click.Group):
    """Turns the library's input errors into one clear line and exit status 1, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            raise click.ClickException(str(exc).strip("'\"")) from None
