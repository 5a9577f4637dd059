import os

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import describe, seed_second_factor
from agencies.demo import DEMO_USERS, seed_agency
from roadmap.demo import seed_roadmap

DEFAULT_DEMO_PASSWORD = "roadmap-demo"  # noqa: S105 - documented demo password


class Command(BaseCommand):
    help = "Create or refresh the demo agency, its users (one per role) and its roadmap."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        with transaction.atomic():
            agency, users = seed_agency(password=password)
            roadmap = seed_roadmap(agency=agency, created_by=users["lead"], users=users)
            second_factor = seed_second_factor(user=users["admin"])
        self.stdout.write(f"Demo agency: {agency.name}")
        self.stdout.write(f"Demo roadmap: {roadmap.title} ({roadmap.get_absolute_url()})")
        self.stdout.write("Users (all with the same password):")
        for username, _, role, platform_admin in DEMO_USERS:
            extra = ", platform admin (Django admin at /admin/)" if platform_admin else ""
            self.stdout.write(f"  {username:<8} {role.label}{extra}")
        self.stdout.write(f"Password: {password}")
        for line in describe(second_factor):
            self.stdout.write(line)
