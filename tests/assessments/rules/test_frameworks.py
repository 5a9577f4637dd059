from assessments.rules.frameworks import frozen_message, next_version


def test_a_framework_no_assessment_uses_is_not_frozen():
    assert frozen_message("Maturity", 1, []) is None


def test_the_message_names_the_assessments_that_use_it():
    message = frozen_message("Maturity", 2, ["Baseline 2026", "Follow-up"])
    assert "Maturity version 2 cannot be changed" in message
    assert "“Baseline 2026”, “Follow-up”" in message
    assert "Make a new version" in message


def test_a_long_list_is_cut_short():
    message = frozen_message("Maturity", 1, [f"Round {n}" for n in range(8)])
    assert "“Round 4” and 3 more" in message and "Round 5" not in message


def test_the_next_version():
    assert next_version([1, 3, 2]) == 4
    assert next_version([]) == 1
