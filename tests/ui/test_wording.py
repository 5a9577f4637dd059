"""One verb per action, one style per kind of button, across every template."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# "Edit" as a word a person reads (not in a URL name, a variable or a comment).
EDIT_WORD = re.compile(r"(?:>|\"|^|\s)Edit(?:\s|<|\"|$)")


def readable_lines(path: Path):
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", path.read_text(), flags=re.S)
    for number, line in enumerate(text.splitlines(), start=1):
        yield number, re.sub(r"{%.*?%}|{{.*?}}", " ", line)


def test_change_is_the_one_word_for_edit():
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()[:80]}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in readable_lines(path)
        if EDIT_WORD.search(line)
    ]

    assert not found, "say Change, not Edit:\n" + "\n".join(found)


@pytest.mark.django_db
def test_create_a_roadmap_is_the_same_primary_button_everywhere(client, editor, agency):
    client.force_login(editor)

    for address in (reverse("home"), reverse("roadmap:agency", kwargs={"agency": agency.slug})):
        buttons = re.findall(
            r'<a class="([^"]+)" href="[^"]+">Create a roadmap</a>', client.get(address).text
        )
        assert buttons == ["button"], address
