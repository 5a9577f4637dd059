"""Who may read and write the stakeholders app's pages: every member reads,
editors and above write and see personal data, leads and above anonymise."""

from agencies.access import get_membership
from agencies.models import Membership, Role
from roadmap.models import Roadmap
from roadmap.selectors.roadmaps import roadmap_for


def member_and_roadmap(request, agency: str, slug: str, *, minimum: Role = Role.VIEWER):
    """(membership, roadmap): 404 for another agency's, 403 below `minimum`."""
    membership: Membership = get_membership(request.user, agency, minimum=minimum)
    roadmap: Roadmap = roadmap_for(membership, slug)
    return membership, roadmap
