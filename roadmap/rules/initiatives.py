"""What an initiative's fields must say together, written once for the form,
the admin and the service:

- it ends in its start month or after it;
- a RAG status other than green says why, in one line;
- it has one sponsor: a member, or a named person outside the service, not
  both (rules/sponsors.py, shared with objectives).

Pure: no Django.
"""

from __future__ import annotations

from datetime import date

from .sponsors import sponsor_problems


def initiative_problems(
    *,
    start: date | None,
    end: date | None,
    rag: str,
    rag_reason: str,
    has_member_sponsor: bool,
    sponsor_name: str,
    sponsor_role: str = "",
    sponsor_organisation: str = "",
) -> dict[str, str]:
    """The field each problem belongs to, and its message, in the order they are
    checked; empty when the fields agree. A date not given is not judged."""
    problems = {}
    if start and end and end < start:
        problems["end_month"] = "The end month must be the start month or after it."
    if rag and rag != "green" and not rag_reason.strip():
        problems["rag_reason"] = f"Say why it is {rag}. Say what is wrong, in one line."
    problems.update(
        sponsor_problems(
            has_member_sponsor=has_member_sponsor,
            sponsor_name=sponsor_name,
            sponsor_role=sponsor_role,
            sponsor_organisation=sponsor_organisation,
        )
    )
    return problems
