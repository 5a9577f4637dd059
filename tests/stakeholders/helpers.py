"""Addresses of the stakeholders app's pages, and the form a person fills in."""

from django.urls import reverse


def address(name: str, roadmap, **kwargs) -> str:
    return reverse(
        f"stakeholders:{name}",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, **kwargs},
    )


def form_data(**changes) -> dict:
    data = {
        "kind": "person",
        "name": "Priya Natarajan",
        "role": "Head of parking",
        "organisation": "Parking",
        "level": "senior",
        "influence": "4",
        "interest": "5",
        "attitude": "supporter",
        "current_engagement": "neutral",
        "desired_engagement": "leading",
        "relationship_owner": "",
        "tags": "parking, casework",
        "notes": "",
        "email": "priya@example.gov",
        "phone": "01632 960 222",
        "lawful_basis": "public_task",
        "review_on_day": "1",
        "review_on_month": "6",
        "review_on_year": "2028",
    }
    data.update(changes)
    return data
