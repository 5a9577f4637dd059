"""Demo agency and its users, one per role. A rerun adds only what is missing."""

from django.contrib.auth import get_user_model

from .models import Membership, Organisation, Role

DEMO_AGENCY_NAME = "Demo Department of Digital Services"
DEMO_AGENCY_SLUG = "demo-digital-services"

DEMO_USERS = [
    # user name, full name, role, platform admin?
    ("admin", ("Amira", "Haddad"), Role.ADMIN, True),
    ("lead", ("Lena", "Okafor"), Role.LEAD, False),
    ("editor", ("Eddie", "Marsh"), Role.EDITOR, False),
    ("viewer", ("Vik", "Patel"), Role.VIEWER, False),
]


def seed_agency(*, password: str, reset: bool = False) -> tuple[Organisation, dict[str, object]]:
    """The demo agency and its users, created when missing. What exists is left as it
    is (a renamed agency, its settings, a changed password or role), unless `reset`
    asks to put the demo's names, password and roles back."""
    agency, _ = Organisation.objects.get_or_create(
        slug=DEMO_AGENCY_SLUG,
        defaults={"name": DEMO_AGENCY_NAME, "classification_marking": "OFFICIAL"},
    )
    if reset:
        agency.name, agency.classification_marking = DEMO_AGENCY_NAME, "OFFICIAL"
        agency.save(update_fields=["name", "classification_marking"])
    users = {}
    user_model = get_user_model()
    for username, (first, last), role, platform_admin in DEMO_USERS:
        user, created = user_model.objects.get_or_create(username=username)
        if created or reset:
            user.first_name, user.last_name = first, last
            user.email = f"{username}@digital-services.example.gov"
            user.is_staff = user.is_superuser = platform_admin
            user.is_active = True
            user.set_password(password)
            user.save()
            Membership.objects.update_or_create(
                user=user, organisation=agency, defaults={"role": role}
            )
        users[username] = user
    return agency, users
