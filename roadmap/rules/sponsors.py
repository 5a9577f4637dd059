"""The one accountable sponsor of an initiative or an objective, written once for
the forms, the admin and the services:

- a member, or a person outside the service, not both;
- a person outside the service has a name: a role or an organisation alone
  names nobody.

Pure: no Django.
"""

from __future__ import annotations

BOTH = "Name one sponsor: a member, or a person outside the service, not both."
NO_NAME = "Enter the sponsor's name, or leave their role and organisation empty."


def sponsor_problems(
    *,
    has_member_sponsor: bool,
    sponsor_name: str,
    sponsor_role: str = "",
    sponsor_organisation: str = "",
) -> dict[str, str]:
    """The field each problem belongs to, and its message; empty when the sponsor
    fields agree."""
    name = sponsor_name.strip()
    if has_member_sponsor and name:
        return {"sponsor_name": BOTH}
    if not name and (sponsor_role.strip() or sponsor_organisation.strip()):
        return {"sponsor_name": NO_NAME}
    return {}


def sponsor_text(*, member_name: str, name: str, role: str, organisation: str) -> str:
    """The sponsor as pages and the PDF print them: "Ada Lovelace, Permanent
    Secretary, Department for Work and Pensions"; "" when nobody is named."""
    if member_name:
        return member_name
    return ", ".join(part for part in (name.strip(), role.strip(), organisation.strip()) if part)
