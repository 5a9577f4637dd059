"""Demo agency and its users, one per role. Idempotent."""

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


def seed_agency(*, password: str) -> tuple[Organisation, dict[str, object]]:
    # get_or_create: the agency's settings page may have changed its marking or
    # currency since, and a second run keeps what the admin chose.
    agency, _ = Organisation.objects.get_or_create(
        slug=DEMO_AGENCY_SLUG,
        defaults={"name": DEMO_AGENCY_NAME, "classification_marking": "OFFICIAL"},
    )
    users = {}
    user_model = get_user_model()
    for username, (first, last), role, platform_admin in DEMO_USERS:
        user, _ = user_model.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@digital-services.example.gov",
                "is_staff": platform_admin,
                "is_superuser": platform_admin,
                "is_active": True,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        Membership.objects.update_or_create(user=user, organisation=agency, defaults={"role": role})
        users[username] = user
    return agency, users
