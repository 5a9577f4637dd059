"""The shape of a framework shipped as data: dimensions, their questions and
each question's five level descriptors (1 = initial ... 5 = optimised)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionContent:
    text: str
    levels: tuple[str, str, str, str, str]  # what levels 1 to 5 look like


@dataclass(frozen=True)
class DimensionContent:
    name: str
    description: str
    kinds: tuple[str, ...]  # roadmap.ComponentKind codes whose initiatives improve it
    questions: tuple[QuestionContent, ...]


@dataclass(frozen=True)
class FrameworkContent:
    code: str
    name: str
    description: str
    source: str
    dimensions: tuple[DimensionContent, ...]


def question(text: str, *levels: str) -> QuestionContent:
    if len(levels) != 5:
        raise ValueError(f"{text!r} needs five level descriptors, not {len(levels)}.")
    return QuestionContent(text, levels)  # type: ignore[arg-type]


def dimension(
    name: str, description: str, kinds: tuple[str, ...], *questions: QuestionContent
) -> DimensionContent:
    return DimensionContent(name, description, kinds, questions)
