"""Scorecards: a role's metrics against their targets."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

import attrs

from csroles import _validation as v
from csroles.hierarchy import OrgChart
from csroles.metrics._base import Figure
from csroles.roles import Role
from csroles.vocabulary import Metric

__all__ = ["Scorecard", "ScorecardLine"]

# Lower is better for these; higher for every other metric.
_LOWER_IS_BETTER = frozenset(
    {
        Metric.FIRST_RESPONSE_TIME,
        Metric.NEXT_RESPONSE_TIME,
        Metric.RESOLUTION_TIME,
        Metric.CUSTOMER_EFFORT_SCORE,
    }
)
_DURATIONS = frozenset(
    {Metric.FIRST_RESPONSE_TIME, Metric.NEXT_RESPONSE_TIME, Metric.RESOLUTION_TIME}
)


def _check_figure(owner: str, field: str, metric: Metric, value: object) -> Figure:
    if metric in _DURATIONS:
        if type(value) is not timedelta:
            v.fail(owner, field, value, f"a timedelta for {metric.value}")
        return value
    if type(value) not in {int, float} or not v.is_finite_number(value):
        v.fail(owner, field, value, f"a finite number for {metric.value}")
    return value


@attrs.frozen(kw_only=True)
class ScorecardLine:
    """One metric on a :class:`Scorecard`: its value, its target and whether it is on target.

    ``on_target`` is ``None`` when there is no target or nothing was
    measured; otherwise the value must be at most the target for the times
    and the effort score (lower is better), at least the target for every
    other metric.

    >>> from csroles import Metric, Scorecard, default_catalog
    >>> card = Scorecard.build(
    ...     subject="csm-1",
    ...     role=default_catalog().get("customer_success_manager"),
    ...     figures={Metric.NPS: 12},
    ...     targets={Metric.NPS: 20},
    ... )
    >>> card.lines[0]
    ScorecardLine(metric=<Metric.NPS: 'nps'>, value=12, target=20, on_target=False)

    .. versionadded:: 0.1.0
    """

    metric: Metric = attrs.field(validator=v.member_of(Metric))
    value: Figure | None
    target: Figure | None
    on_target: bool | None = attrs.field(validator=v.optional_validator(v.check_flag))


@attrs.frozen(kw_only=True)
class Scorecard:
    """How a position or a team is doing on the metrics its role is measured by.

    Build it with :meth:`build`.

    Attributes:
        subject: the position or team it is about.
        role: the key of the role whose metrics it lists.
        lines: one line per metric of the role, in :class:`~csroles.Metric` order.

    .. versionadded:: 0.1.0
    """

    subject: str = attrs.field(validator=v.validator(v.check_identifier))
    role: str = attrs.field(validator=v.validator(v.check_key))
    lines: tuple[ScorecardLine, ...] = attrs.field(converter=v.to_tuple)

    @classmethod
    def build(
        cls,
        *,
        subject: str,
        role: Role,
        figures: Mapping[Metric, Figure | None],
        targets: Mapping[Metric, Figure] | None = None,
    ) -> Scorecard:
        """The scorecard of ``subject`` for the metrics ``role`` is measured by.

        Args:
            subject: the position or team id.
            role: its role (from the catalog); its ``metrics`` make the lines.
            figures: the measured values by metric (see
                :meth:`ServiceMetrics.figures`; add retention, lifetime value,
                quota attainment ... as needed); metrics missing or ``None``
                are shown unmeasured.
            targets: the user's targets by metric, for metrics of the role.

        Raises:
            InvalidEntityError: a target for a metric the role is not measured
                by, or a value or target of the wrong kind (a timedelta for
                the times, a number otherwise).

        >>> from datetime import timedelta
        >>> from csroles import Metric, Scorecard, default_catalog
        >>> card = Scorecard.build(
        ...     subject="rep-1",
        ...     role=default_catalog().get("customer_support_representative"),
        ...     figures={Metric.CSAT: 91.0, Metric.FIRST_RESPONSE_TIME: timedelta(hours=2)},
        ...     targets={Metric.CSAT: 85, Metric.FIRST_RESPONSE_TIME: timedelta(hours=1)},
        ... )
        >>> [(line.metric.value, line.on_target) for line in card.lines]
        [('first_response_time', False), ('resolution_time', None), ('csat', True)]
        >>> card.off_target
        (<Metric.FIRST_RESPONSE_TIME: 'first_response_time'>,)
        """
        owner = "Scorecard"
        if not isinstance(role, Role):
            v.fail(owner, "role", role, "a Role")
        if not isinstance(figures, Mapping):
            v.fail(owner, "figures", figures, "a mapping from Metric to value")
        wanted = targets if targets is not None else {}
        if not isinstance(wanted, Mapping):
            v.fail(owner, "targets", targets, "a mapping from Metric to target")
        for metric in wanted:
            if metric not in role.metrics:
                v.fail(owner, "targets", metric, f"a metric that {role.key!r} is measured by")
        lines = []
        for metric in Metric:
            if metric not in role.metrics:
                continue
            value = figures.get(metric)
            if value is not None:
                value = _check_figure(owner, f"figures[{metric.value!r}]", metric, value)
            target = wanted.get(metric)
            if target is not None:
                target = _check_figure(owner, f"targets[{metric.value!r}]", metric, target)
            on_target = None
            if value is not None and target is not None:
                on_target = (
                    value <= target  # type: ignore[operator]
                    if metric in _LOWER_IS_BETTER
                    else value >= target  # type: ignore[operator]
                )
            lines.append(
                ScorecardLine(metric=metric, value=value, target=target, on_target=on_target)
            )
        return cls(subject=subject, role=role.key, lines=lines)

    @classmethod
    def for_position(
        cls,
        chart: OrgChart,
        position: str,
        *,
        figures: Mapping[Metric, Figure | None],
        targets: Mapping[Metric, Figure] | None = None,
    ) -> Scorecard:
        """The scorecard of a position (or of the team it heads) in ``chart``, by its role.

        Raises:
            InvalidEntityError: ``chart`` is not an OrgChart, or as :meth:`build`.
            UnknownPositionError: ``position`` is not in the chart.

        >>> from csroles import Metric, OrgChart, Position, Scorecard
        >>> chart = OrgChart(positions=[Position(id="csm-1", role="customer_success_manager")])
        >>> card = Scorecard.for_position(
        ...     chart,
        ...     "csm-1",
        ...     figures={Metric.RETENTION_RATE: 96.0},
        ...     targets={Metric.RETENTION_RATE: 95},
        ... )
        >>> card.role, card.on_target
        ('customer_success_manager', (<Metric.RETENTION_RATE: 'retention_rate'>,))
        """
        if not isinstance(chart, OrgChart):
            v.fail("Scorecard", "chart", chart, "an OrgChart")
        return cls.build(
            subject=position, role=chart.role_of(position), figures=figures, targets=targets
        )

    @property
    def on_target(self) -> tuple[Metric, ...]:
        """The metrics on target."""
        return tuple(line.metric for line in self.lines if line.on_target is True)

    @property
    def off_target(self) -> tuple[Metric, ...]:
        """The metrics off target."""
        return tuple(line.metric for line in self.lines if line.on_target is False)

    def to_text(self) -> str:
        """The scorecard as aligned plain text, one line per metric.

        >>> from csroles import Metric, Scorecard, default_catalog
        >>> card = Scorecard.build(
        ...     subject="team-north",
        ...     role=default_catalog().get("customer_success_manager"),
        ...     figures={Metric.NPS: 41, Metric.RETENTION_RATE: 92.5},
        ...     targets={Metric.NPS: 30, Metric.RETENTION_RATE: 95},
        ... )
        >>> print(card.to_text())
        team-north (customer_success_manager)
          nps                      41  target 30  on target
          retention_rate           92.5  target 95  off target
          customer_lifetime_value  -
        """
        width = max((len(line.metric.value) for line in self.lines), default=0)
        out = [f"{self.subject} ({self.role})"]
        for line in self.lines:
            text = f"  {line.metric.value:<{width}}  {'-' if line.value is None else line.value}"
            if line.target is not None:
                text += f"  target {line.target}"
            if line.on_target is not None:
                text += "  on target" if line.on_target else "  off target"
            out.append(text)
        return "\n".join(out)
