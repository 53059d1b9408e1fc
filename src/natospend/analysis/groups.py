"""Which allies a question is about: a named group, or any list a user gives."""

from __future__ import annotations

from natospend import countries
from natospend.analysis.compliance import AnalysisInputError

GROUP_NAMES = {"all": "NATO", "nato": "NATO", "europe-canada": "NATO_EUROPE_CANADA",
               "eu": "EU", "europe": "EUROPE"}


def resolve_group(group: str | list[str] | None) -> tuple[str, list[str]]:
    """A label and the member ISO codes for ``group``.

    ``group`` is a group name (all, europe-canada, eu, europe), a group code, a comma-separated
    list of allies (``"POL,DEU,France"``) or a list; None means all allies.
    """
    if group is None:
        group = "all"
    if isinstance(group, str):
        key = group.strip().lower()
        code = GROUP_NAMES.get(key) or (group.strip() if group.strip() in countries.groups()
                                        else None)
        if code:
            return code, list(countries.groups()[code].members)
        if "," not in group:
            try:
                one = countries.resolve(group)
            except countries.UnknownCountryError:
                raise AnalysisInputError(
                    f"unknown group {group!r}; use one of {', '.join(GROUP_NAMES)}, or a "
                    "comma-separated list of allies such as POL,DEU") from None
            if one in countries.groups():
                return one, list(countries.groups()[one].members)
            return one, [one]
        group = [g for g in group.split(",") if g.strip()]
    members = [countries.resolve_ally(g) for g in group]
    if not members:
        raise AnalysisInputError("an empty list of allies")
    return "+".join(members), list(dict.fromkeys(members))
