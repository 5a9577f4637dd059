"""What every service checks before it saves: the same field rules a form applies.

`check_fields` runs the model fields' own validation (`Model.clean_fields`:
length, choices, blank, decimal digits, and the ranges of
`roadmap.rules.bounds` that the fields name as validators) on the fields a
service sets, and refuses text holding NUL characters, which PostgreSQL
cannot store and a Django form also refuses. So an import or an API cannot
store what a form would refuse, and bad input is a `Refused` naming the
field, never a database error.
"""

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models

from ui.concurrency import Refused

_no_nul = ProhibitNullCharactersValidator()


def check_fields(instance: models.Model, fields: list[str] | tuple[str, ...]) -> None:
    """Refuse `instance` (changed in memory) unless each of `fields` is valid.
    Cleaned values are set back on the instance (Model.clean_fields does)."""
    for name in fields:
        value = getattr(instance, instance._meta.get_field(name).attname)
        if isinstance(value, str):
            try:
                _no_nul(value)
            except ValidationError as error:
                raise Refused(name, error.messages[0]) from error
    others = [f.name for f in instance._meta.concrete_fields if f.name not in fields]
    try:
        instance.clean_fields(exclude=others)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise Refused(name, messages[0]) from error
