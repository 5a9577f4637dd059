import os

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import describe, seed_second_factor
from agencies.demo import DEMO_USERS, seed_agency
from assessments.demo import seed_demo_assessments
from assessments.demo.inventory import seed_inventory
from roadmap.demo import demo_contents, remove_demo, seed_demo_roadmap
from stakeholders.demo.engagements import seed_engagement
from stakeholders.demo.stakeholders import seed_stakeholders

DEFAULT_DEMO_PASSWORD = "roadmap-demo"  # noqa: S105 - documented demo password


class Command(BaseCommand):
    help = (
        "Create the demo agency, its users (one per role) and its roadmap, adding only "
        "the parts that are missing; --reset replaces them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo roadmap and the demo agency's goals and seed them afresh; "
            "put back the demo users' names, roles and password.",
        )

    def handle(self, *args, reset: bool = False, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        with transaction.atomic():
            agency, users = seed_agency(password=password, reset=reset)
            if reset:
                replaced = demo_contents(agency)
                self.stdout.write("Replacing " + ", ".join(replaced) + ".")
                self.stdout.write("Putting back the demo users' names, roles and password.")
                remove_demo(agency)
            roadmap, added = seed_demo_roadmap(agency=agency, created_by=users["lead"], users=users)
            added += seed_stakeholders(roadmap, users=users, by=users["lead"])
            added += seed_engagement(roadmap, users=users)
            added += seed_inventory(roadmap, by=users["lead"])
            added += seed_demo_assessments(roadmap=roadmap, users=users)
            second_factor = seed_second_factor(user=users["admin"])
        self.stdout.write(f"Demo agency: {agency.name}")
        self.stdout.write(f"Demo roadmap: {roadmap.title} ({roadmap.get_absolute_url()})")
        if added:
            self.stdout.write("Added: " + ", ".join(added) + ".")
        else:
            self.stdout.write("Nothing was missing: the demo is as you left it.")
        self.stdout.write("Users (all with the same password):")
        for username, _, role, platform_admin in DEMO_USERS:
            extra = ", platform admin (Django admin at /admin/)" if platform_admin else ""
            self.stdout.write(f"  {username:<8} {role.label}{extra}")
        self.stdout.write(f"Password: {password}")
        if not reset:
            self.stdout.write(
                "(Demo users that already existed keep their password; "
                "seed_demo --reset sets it again.)"
            )
        for line in describe(second_factor):
            self.stdout.write(line)
