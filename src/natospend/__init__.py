"""natospend: NATO allies' official defence spending, the targets, and checks on the news.

    >>> import natospend
    >>> natospend.expenditure(edition="2024-06")        # a pandas DataFrame
    >>> natospend.compliance(target=2, year=2024, edition="2024-06").attrs["count"]
    23
    >>> natospend.check("Poland spent 4.12% of GDP on defence in 2024.", "2024-07-01")
"""

from natospend.analysis.aid import aid, packages, totals
from natospend.analysis.burden import burden, burden_over_time
from natospend.analysis.compliance import AnalysisInputError, compliance
from natospend.analysis.cost import cost_to_target
from natospend.analysis.gap import gap
from natospend.analysis.profile import profile
from natospend.analysis.revisions import compare_editions, trend
from natospend.claims.check import check_frame as check
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
    "AnalysisInputError", "DataNotFoundError", "UnknownCountryError", "aid", "allies", "burden",
    "burden_over_time", "check", "compare_editions", "compliance", "cost_to_target", "editions",
    "expenditure", "gap", "latest_edition", "observations", "packages", "pledges", "profile",
    "resolve", "targets", "totals", "trend",
]
