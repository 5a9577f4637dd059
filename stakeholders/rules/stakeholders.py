"""The register's own rules, pure: tags typed as one line, what a person's
contact details need, what anonymising erases, whose review date has passed.

Anonymising (on the person's request) erases what identifies them: the name
(replaced by "Anonymised stakeholder N"), role or title, organisation or unit,
email, phone, notes and tags (a tag may name them), and the lawful basis and
review date that only served to hold that data. It keeps what describes their
place in the work, which identifies no one on its own: kind, level, influence,
interest, attitude, engagement, relationship owner, group memberships, RACI
roles, the communications and interactions they were in.
"""

from collections.abc import Iterable
from datetime import date

MAX_TAGS = 20
MAX_TAG_LENGTH = 40

# Erased on anonymisation, and the value each one takes.
ERASED_FIELDS: dict[str, object] = {
    "role": "",
    "organisation": "",
    "email": "",
    "phone": "",
    "notes": "",
    "tags": [],
    "lawful_basis": "",
    "review_on": None,
}
# Kept: they place the entry in the work, and identify no one.
KEPT_FIELDS = (
    "kind",
    "level",
    "influence",
    "interest",
    "attitude",
    "current_engagement",
    "desired_engagement",
    "relationship_owner",
)

NO_LAWFUL_BASIS = (
    "Choose the lawful basis for holding this person's contact details, "
    "or leave the email and phone empty."
)
GROUP_CONTACT = "A group has no contact details: leave the email and phone empty."
NO_REVIEW_DATE = "Enter a review date: when to check the contact details are still needed."


def normalised_tags(text: str) -> list[str]:
    """ "Digital, unions , digital,," -> ["Digital", "unions"]: split on commas,
    spaces tidied, empty ones dropped, repeats (ignoring case) kept once, in order."""
    tags: list[str] = []
    seen: set[str] = set()
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def tags_from(value: object) -> list[str] | None:
    """Tags given as one line of text or as a list of words, normalised; None when
    `value` is neither (the service and the admin each say so in their own words)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        return None
    return normalised_tags(",".join(value))


def tag_problem(tags: list[str]) -> str:
    """What is wrong with a list of tags, or "" when nothing is."""
    if len(tags) > MAX_TAGS:
        return f"Enter at most {MAX_TAGS} tags (there are {len(tags)})."
    long = [tag for tag in tags if len(tag) > MAX_TAG_LENGTH]
    if long:
        return (
            f"Keep each tag to {MAX_TAG_LENGTH} characters or fewer: “{long[0][:40]}…” is longer."
        )
    return ""


def tags_text(tags: list[str]) -> str:
    return ", ".join(tags)


def contact_problems(
    *, is_group: bool, email: str, phone: str, lawful_basis: str, review_on: date | None
) -> dict[str, str]:
    """The field each problem belongs to, and its message: a group holds no
    contact details; a person's contact details need a lawful basis and a review date."""
    problems: dict[str, str] = {}
    has_contact = bool(email.strip() or phone.strip())
    if is_group:
        if email.strip():
            problems["email"] = GROUP_CONTACT
        if phone.strip():
            problems["phone"] = GROUP_CONTACT
        return problems
    if has_contact and not lawful_basis:
        problems["lawful_basis"] = NO_LAWFUL_BASIS
    if has_contact and review_on is None:
        problems["review_on"] = NO_REVIEW_DATE
    return problems


ONLY_GROUPS_HAVE_MEMBERS = "Only a group has members: choose \u201cGroup\u201d, or no members."
MEMBERS_OF_THIS_REGISTER = "Choose people in this roadmap's register."


def members_problem(
    *, is_group: bool, roadmap: object, members: Iterable[tuple[object, bool]]
) -> str:
    """What is wrong with an entry's members, each given as (its roadmap's key,
    whether it is a person), or "" when nothing is: only a group has members,
    and they are people of the same register."""
    members = list(members)
    if members and not is_group:
        return ONLY_GROUPS_HAVE_MEMBERS
    if any(key != roadmap or not is_person for key, is_person in members):
        return MEMBERS_OF_THIS_REGISTER
    return ""


def anonymised_name(number: int) -> str:
    return f"Anonymised stakeholder {number}"


def review_due(review_on: date | None, today: date) -> bool:
    """The person's data is due a review: their review date is today or past."""
    return review_on is not None and review_on <= today
