"""natospend: NATO allies' official defence spending, the targets, and checks on the news.

    >>> import natospend
    >>> natospend.expenditure(edition="2024-06")        # a pandas DataFrame
    >>> natospend.compliance(target=2, year=2024, edition="2024-06").attrs["count"]
    23
"""

from natospend.analysis.compliance import AnalysisInputError, compliance
from natospend.analysis.profile import profile
from natospend.countries import UnknownCountryError, resolve
from natospend.dataset import (
    DataNotFoundError,
    allies,
    editions,
    expenditure,
    latest_edition,
    observations,
    pledges,
    targets,
)

__all__ = [
    "AnalysisInputError", "DataNotFoundError", "UnknownCountryError", "allies", "compliance",
    "editions", "expenditure", "latest_edition", "observations", "pledges", "profile",
    "resolve", "targets",
]
