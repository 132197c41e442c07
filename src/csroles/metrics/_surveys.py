"""Survey metrics: CSAT, NPS and customer effort."""

from __future__ import annotations

import typing
from collections.abc import Iterable

from csroles import _validation as v
from csroles.interactions import Interaction, SurveyScale
from csroles.metrics._base import NetPromoterScore, Ratio, _interactions
from csroles.vocabulary import EventKind

__all__ = ["csat", "customer_effort_score", "net_promoter_score", "survey_scores"]


def _check_scale(owner: str, scale: object) -> tuple[int, int]:
    if (
        type(scale) is not tuple
        or len(scale) != 2
        or any(type(end) is not int for end in scale)
        or scale[0] >= scale[1]
    ):
        v.fail(owner, "scale", scale, "a (lowest, highest) pair of integers, lowest first")
    return scale


def _scores(owner: str, scores: object, low: int, high: int) -> list[int]:
    if not v.is_collection(scores):
        v.fail(owner, "scores", scores, f"{v.COLLECTION} of integer scores")
    found = list(typing.cast("Iterable[int]", scores))
    for index, score in enumerate(found):
        if type(score) is not int or not low <= score <= high:
            v.fail(owner, f"scores[{index}]", score, f"an integer from {low} to {high}")
    return found


def survey_scores(interactions: Iterable[Interaction], scale: SurveyScale) -> tuple[int, ...]:
    """Every score of ``scale`` answered on ``interactions``, in order.

    Every answer counts: an interaction answered twice contributes two scores.

    >>> from datetime import datetime, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Priority, Topic
    >>> from csroles import SurveyScale
    >>> from csroles.metrics import survey_scores
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> chat = Interaction(
    ...     id="chat-1",
    ...     customer_id="C-1",
    ...     channel=Channel.CHAT,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.QUESTION,
    ...     priority=Priority.NORMAL,
    ...     events=[
    ...         Event(kind=EventKind.OPENED, at=t0),
    ...         Event(kind=EventKind.CLOSED, at=t0),
    ...         Event(kind=EventKind.SURVEY_ANSWERED, at=t0, scale=SurveyScale.NPS, score=9),
    ...     ],
    ... )
    >>> survey_scores([chat], SurveyScale.NPS), survey_scores([chat], SurveyScale.CSAT)
    ((9,), ())

    .. versionadded:: 0.1.0
    """
    owner = "survey_scores"
    if type(scale) is not SurveyScale:
        v.fail(owner, "scale", scale, "a SurveyScale")
    return tuple(
        event.score  # type: ignore[misc]
        for interaction in _interactions(owner, interactions)
        for event in interaction.events
        if event.kind is EventKind.SURVEY_ANSWERED and event.scale is scale
    )


def csat(scores: Iterable[int], *, scale: tuple[int, int] = (1, 5), satisfied_at: int = 4) -> Ratio:
    """Customer satisfaction: the share of satisfied answers.

    ``CSAT = 100 * satisfied answers / answers``, where an answer is satisfied
    when it is ``satisfied_at`` or more (default: 4 or 5 on a 1-5 scale).
    Its ``percent`` is in [0, 100], ``None`` without answers.

    Args:
        scores: the answers (see :func:`survey_scores`).
        scale: the lowest and the highest score.
        satisfied_at: the lowest satisfied score, within the scale.

    Raises:
        InvalidEntityError: a score outside the scale, or an invalid scale or threshold.

    >>> from csroles import csat
    >>> csat([5, 4, 3, 5]).percent
    75.0
    >>> csat([9, 10, 6], scale=(0, 10), satisfied_at=9)
    Ratio(part=2, whole=3)
    >>> csat([6])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: csat.scores[0]: 6, expected an integer from 1 to 5

    .. versionadded:: 0.1.0
    """
    low, high = _check_scale("csat", scale)
    if type(satisfied_at) is not int or not low <= satisfied_at <= high:
        v.fail("csat", "satisfied_at", satisfied_at, f"an integer from {low} to {high}")
    found = _scores("csat", scores, low, high)
    return Ratio(part=sum(score >= satisfied_at for score in found), whole=len(found))


def net_promoter_score(scores: Iterable[int]) -> NetPromoterScore:
    """Net promoter score from 0-10 answers (see :class:`NetPromoterScore` for the rounding).

    Raises:
        InvalidEntityError: a score outside 0-10.

    >>> from csroles import net_promoter_score
    >>> nps = net_promoter_score([10, 9, 8, 6, 3])
    >>> nps.promoters, nps.detractors, nps.score
    (2, 2, 0)

    .. versionadded:: 0.1.0
    """
    promoters = passives = detractors = 0
    for score in _scores("net_promoter_score", scores, 0, 10):
        if score >= 9:
            promoters += 1
        elif score >= 7:
            passives += 1
        else:
            detractors += 1
    return NetPromoterScore(promoters=promoters, passives=passives, detractors=detractors)


def customer_effort_score(
    scores: Iterable[int], *, scale: tuple[int, int] = (1, 7)
) -> float | None:
    """Customer effort score: the mean answer (1 very easy to 7 very hard by default).

    Lower is better. ``None`` without answers.

    Raises:
        InvalidEntityError: a score outside the scale, or an invalid scale.

    >>> from csroles import customer_effort_score
    >>> customer_effort_score([2, 3, 1, 2])
    2.0
    >>> customer_effort_score([]) is None
    True

    .. versionadded:: 0.1.0
    """
    low, high = _check_scale("customer_effort_score", scale)
    found = _scores("customer_effort_score", scores, low, high)
    return sum(found) / len(found) if found else None
