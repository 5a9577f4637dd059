"""One accountable: the sponsor, never chosen; one role per stakeholder."""

from stakeholders.rules.raci import ACCOUNTABLE_REFUSED, raci_problems


def test_choosing_an_accountable_is_refused_with_where_to_change_it():
    problems = raci_problems({"accountable": [(1, "Dana")], "responsible": [(2, "Sam")]})
    assert problems == {"accountable": ACCOUNTABLE_REFUSED}
    assert "change the sponsor on the initiative" in ACCOUNTABLE_REFUSED


def test_responsible_consulted_and_informed_are_fine():
    assert (
        raci_problems(
            {"responsible": [(1, "Dana")], "consulted": [(2, "Sam")], "informed": [(3, "Ali")]}
        )
        == {}
    )


def test_one_stakeholder_in_two_roles_is_refused_by_name():
    problems = raci_problems({"responsible": [(1, "Dana")], "informed": [(1, "Dana")]})
    assert problems == {
        "__all__": "Give each stakeholder one role: Dana is chosen for more than one."
    }


def test_an_unknown_role_is_refused():
    assert "approver" in raci_problems({"approver": [(1, "Dana")]})
