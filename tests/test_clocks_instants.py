"""The event instants an interaction keeps for the SLA clocks' replay."""

from __future__ import annotations

import calendar
import pickle
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given
from hypothesis import strategies as st

from csroles.interactions import Interaction
from csroles.sla import _clockwork as cw
from csroles.sla._engine import MAX_US, MAX_YEAR, MIN_US, MIN_YEAR
from csroles.sla.clocks import sla_status
from csroles.sla.policy import SLA
from csroles.strategies import interactions
from tests.test_clocks_oracle import CALENDARS, grid_slas, timelines


def _us(moment: datetime) -> int:
    """Microseconds since the epoch, the slow way: whole UTC seconds, then the microsecond."""
    return calendar.timegm(moment.astimezone(UTC).timetuple()) * 10**6 + moment.microsecond


@given(interactions())
def test_the_kept_instants_are_the_events_instants(interaction: Interaction) -> None:
    assert interaction._event_us == tuple(_us(event.at) for event in interaction.events)
    assert interaction._event_us is interaction._event_us  # computed once, then kept


@given(interactions())
def test_the_kept_instants_change_nothing_else(interaction: Interaction) -> None:
    twin = attrs.evolve(interaction)
    assert interaction._event_us
    assert interaction == twin
    assert hash(interaction) == hash(twin)
    assert "_instants" not in repr(interaction)
    assert pickle.loads(pickle.dumps(interaction)) == twin  # noqa: S301  # our own value


@given(
    sla=grid_slas(max_units=40, calendars=st.sampled_from(CALENDARS)),
    interaction=timelines(max_gap=24),
    hours=st.integers(0, 400),
)
def test_a_status_is_the_same_on_a_fresh_interaction_and_on_one_replayed_before(
    sla: SLA, interaction: Interaction, hours: int
) -> None:

    now = interaction.events[-1].at + timedelta(hours=hours)
    first = sla_status(sla, interaction, now)
    again = sla_status(sla, interaction, now)  # from the kept instants
    fresh = sla_status(sla, attrs.evolve(interaction), now)
    assert first == again == fresh
    for one, other in zip(again, fresh, strict=True):
        for name in ("due_at", "breached_at"):
            mine, theirs = getattr(one, name), getattr(other, name)
            assert (mine is None) is (theirs is None)
            if mine is not None:
                assert mine.tzinfo == theirs.tzinfo
                assert mine.replace(tzinfo=None) == theirs.replace(tzinfo=None)


@given(
    us=st.integers(MIN_US, MAX_US - 1),
    zone=st.sampled_from(["UTC", "Europe/Rome", "America/New_York", "Asia/Kolkata"]),
)
def test_a_zone_s_instants_are_those_the_general_conversion_gives(us: int, zone: str) -> None:
    # The calendar-hours clocks convert through the zone's own function (one
    # addition in UTC); the general from_us, which reads the offset, is the oracle.
    convert = cw.zoned_from_us(ZoneInfo(zone))
    fast, slow = convert(us), cw.from_us(us, ZoneInfo(zone))
    assert fast == slow
    assert fast.tzinfo is slow.tzinfo
    assert (fast.timetuple(), fast.microsecond, fast.fold) == (
        slow.timetuple(),
        slow.microsecond,
        slow.fold,
    )
    assert _us(fast) == us
    assert pickle.loads(pickle.dumps(convert))(us) == fast  # noqa: S301  # our own function


def test_utc_instants_keep_the_fixed_utc_zone() -> None:
    convert = cw.zoned_from_us(ZoneInfo("UTC"))
    assert convert(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert convert(0).tzinfo is UTC
    assert convert(-1) == datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert convert(MIN_US).year == MIN_YEAR
    assert convert(MAX_US - 1) == datetime(MAX_YEAR, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
