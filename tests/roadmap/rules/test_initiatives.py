"""What an initiative's fields must say together (roadmap/rules/initiatives.py)."""

from datetime import date

from roadmap.rules.initiatives import initiative_problems

AGREEING = {
    "start": date(2026, 4, 1),
    "end": date(2026, 4, 1),  # the same month is fine
    "rag": "green",
    "rag_reason": "",
    "has_member_sponsor": True,
    "sponsor_name": "",
}


def test_fields_that_agree_have_no_problem():
    assert initiative_problems(**AGREEING) == {}
    assert initiative_problems(**{**AGREEING, "start": None}) == {}  # not judged


def test_each_problem_is_named_by_its_field():
    problems = initiative_problems(
        **{
            **AGREEING,
            "end": date(2026, 3, 1),
            "rag": "amber",
            "rag_reason": "  ",
            "sponsor_name": "Ana Ruiz",
        }
    )
    assert list(problems) == ["end_month", "rag_reason", "sponsor_name"]
    assert problems["rag_reason"] == "Say why it is amber. Say what is wrong, in one line."
    assert "not both" in problems["sponsor_name"]
    assert initiative_problems(**{**AGREEING, "rag": "red", "rag_reason": "Late"}) == {}
