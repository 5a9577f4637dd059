"""RACI, pure: one accountable per initiative, and that is its sponsor.

Responsible, consulted and informed are chosen among the register's entries;
"accountable" is never chosen here: it is the initiative's sponsor, so the
product never names two accountable people.
"""

CHOSEN_ROLES = ("responsible", "consulted", "informed")
ACCOUNTABLE_REFUSED = (
    "The initiative's sponsor is accountable: change the sponsor on the initiative."
)
TWO_ROLES = "Give each stakeholder one role: {names} {verb} chosen for more than one."


def raci_problems(chosen: dict[str, list[tuple[object, str]]]) -> dict[str, str]:
    """`chosen`: for each role asked for, the (key, name) of each stakeholder.
    The role each problem belongs to, and its message: "accountable" is refused
    (the sponsor is), and a stakeholder has one role at most."""
    problems: dict[str, str] = {}
    if chosen.get("accountable"):
        problems["accountable"] = ACCOUNTABLE_REFUSED
    for role in chosen:
        if role not in CHOSEN_ROLES and role != "accountable":
            problems[role] = f"There is no RACI role “{role}”."
    seen: dict[object, str] = {}
    twice: list[str] = []
    for role in CHOSEN_ROLES:
        for key, name in chosen.get(role, []):
            if key in seen and name not in twice:
                twice.append(name)
            seen[key] = role
    if twice:
        verb = "is" if len(twice) == 1 else "are"
        problems["__all__"] = TWO_ROLES.format(names=", ".join(twice), verb=verb)
    return problems
