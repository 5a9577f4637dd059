"""Real simultaneous requests against PostgreSQL: many people moving items of one
list at once, and several adding the same title at the same moment.

Probing found 500s from deadlocks (120 concurrent moves) and from IntegrityError
(four identical creates). These run the same kind of load through the services,
each thread on its own database connection, as separate requests would be.
"""

import random
import threading

import pytest
from django.db import connection, connections

from roadmap.models import Objective
from roadmap.services.objectives import objective_create, objective_move
from ui.concurrency import Refused
from ui.ordering import Move, MoveTo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL's row locks: set DATABASE_URL (CI always does).")


def run_at_once(work, count: int) -> list[BaseException]:
    """Start `count` threads on `work(n)` together; return what they raised."""
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_many_simultaneous_moves_never_fail_and_leave_a_consistent_order(roadmap):
    Objective.objects.filter(roadmap=roadmap).delete()
    objectives = [objective_create(roadmap=roadmap, title=f"Objective {n}") for n in range(6)]
    moves = [Move.UP, Move.DOWN, MoveTo(1), MoveTo(6), MoveTo(3)]
    chooser = random.Random(7)  # noqa: S311 - a fixed, repeatable shuffle
    plan = [(chooser.choice(objectives), chooser.choice(moves)) for _ in range(60)]

    errors = run_at_once(lambda n: objective_move(objective=plan[n][0], move=plan[n][1]), 60)

    assert errors == []
    positions = sorted(Objective.objects.filter(roadmap=roadmap).values_list("position", flat=True))
    assert positions == list(range(6))


def test_simultaneous_identical_creates_add_one_and_refuse_the_rest_in_words(roadmap):
    def add(n: int) -> None:
        objective_create(roadmap=roadmap, title="Open data by default")

    errors = run_at_once(add, 6)

    assert Objective.objects.filter(roadmap=roadmap, title="Open data by default").count() == 1
    assert len(errors) == 5
    assert all(isinstance(error, Refused) and error.field == "title" for error in errors)
    positions = list(Objective.objects.filter(roadmap=roadmap).values_list("position", flat=True))
    assert len(positions) == len(set(positions))
