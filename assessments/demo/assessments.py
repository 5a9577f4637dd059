"""What the demo's assessments say: a completed baseline over the
Public-sector digital maturity framework, answered by three members who do not
always agree, and a follow-up half answered.

Levels are given per dimension as each question's (current, target) for the
lead; the other respondents differ by the offsets below, so the spread shows.
"""

from datetime import date

FRAMEWORK_CODE = "public-sector-digital-maturity"

# A third member who answers (an analyst, editor role).
EXTRA_RESPONDENT = ("analyst", ("Sam", "Reyes"))

BASELINE = {
    "title": "Baseline 2026",
    "assessed_on": date(2026, 2, 16),
    "scope": (
        "The whole department: its six public-facing services, the corporate "
        "functions that support them, and the shared infrastructure."
    ),
}
FOLLOW_UP = {
    "title": "Follow-up, autumn 2026",
    "assessed_on": date(2026, 10, 12),
    "scope": "The same scope as the baseline, to see the first year's change.",
}

# Dimension name -> each question's (current, target), as the lead answered.
BASELINE_LEVELS = {
    "Strategy and leadership": [(3, 4), (2, 4), (2, 3), (2, 4)],
    "Citizen-centric service delivery": [(2, 4), (2, 4), (2, 3)],
    "Technology and infrastructure": [(1, 4), (2, 4), (2, 4)],
    "Data management and analytics": [(1, 4), (2, 4), (1, 3)],
    "Cybersecurity and privacy": [(3, 4), (3, 4), (2, 4)],
    "Workforce skills and culture": [(2, 4), (1, 3), (2, 4)],
    "Processes and agile ways of working": [(2, 4), (1, 4), (2, 4)],
    "Partnerships and ecosystem": [(2, 3), (2, 3), (3, 3)],
}

# How each respondent's answers differ from the lead's, question by question
# (cycled): the editor sees things a little worse, the analyst a little better
# on technology and worse on data.
OFFSETS = {
    "lead": [0],
    "editor": [0, -1, 0, 0, 1, 0, -1],
    "analyst": [1, 0, 0, -1, 0, 1, 0, 0],
}

CONFIDENCE = {"lead": "high", "editor": "medium", "analyst": "medium"}

EVIDENCE = {
    ("Technology and infrastructure", 0): (
        "The benefits system runs on a 1987 mainframe; two contractors can still maintain it."
    ),
    ("Data management and analytics", 0): (
        "The 2025 data audit found no named owner for 31 of 40 key datasets."
    ),
    ("Processes and agile ways of working", 1): (
        "Only the licensing team reviews its processes; the rest were last mapped in 2019."
    ),
    ("Strategy and leadership", 1): (
        "Digital reached the executive board twice last year, both times after outages."
    ),
    ("Workforce skills and culture", 1): (
        "All product managers and user researchers are contractors."
    ),
}

# The follow-up: how many dimensions each respondent has answered so far, and
# the improvement on the baseline they report.
FOLLOW_UP_PROGRESS = {"lead": 5, "editor": 2}
FOLLOW_UP_IMPROVEMENT = {
    "Strategy and leadership": 1,
    "Data management and analytics": 1,
    "Technology and infrastructure": 0,
}
