"""Workload, retention and lifetime value per group, grouped as the service metrics are."""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from csroles import _validation as v
from csroles.customers import Account
from csroles.interactions import Interaction
from csroles.metrics._base import BusinessTime, Period, Ratio, _interactions
from csroles.metrics._grouping import Grouping
from csroles.metrics._value import customer_lifetime_value, retention_rate
from csroles.metrics._workload import DailyWorkload, workload
from csroles.roles import Role

__all__ = [
    "group_accounts",
    "group_customer_lifetime_value",
    "group_retention_rate",
    "group_workload",
]


def _groups_of(owner: str, interactions: list[Interaction], by: Grouping) -> list[list[str]]:
    """Each interaction's group keys, in order, checked as ``group_metrics`` checks them."""
    if not callable(by):
        v.fail(owner, "by", by, "a function from an Interaction to its group keys")
    groups: list[list[str]] = []
    for interaction in interactions:
        keys = by(interaction)
        if type(keys) is not tuple and not v.is_collection(keys):
            v.fail(owner, f"by({interaction.id!r})", keys, f"{v.COLLECTION} of group keys")
        for key in keys:
            v.check_identifier(owner, f"by({interaction.id!r})", key)
        groups.append(list(keys))
    return groups


def _accounts(owner: str, field: str, accounts: object) -> list[Account]:
    if not v.is_collection(accounts):
        v.fail(owner, field, accounts, f"{v.COLLECTION} of Accounts")
    found = list(typing.cast("Iterable[object]", accounts))
    for index, account in enumerate(found):
        if type(account) is not Account:
            v.fail(owner, f"{field}[{index}]", account, "an Account")
    return typing.cast("list[Account]", found)


def _customer_groups(
    owner: str, interactions: Iterable[Interaction], by: Grouping
) -> dict[str, set[str]]:
    """The group keys of each customer: those of every interaction with the customer."""
    selected = _interactions(owner, interactions)
    keys = _groups_of(owner, selected, by)
    groups: dict[str, set[str]] = {}
    for interaction, found in zip(selected, keys, strict=True):
        groups.setdefault(interaction.customer_id, set()).update(found)
    return groups


def _split(
    accounts: list[Account], customer_groups: Mapping[str, set[str]]
) -> dict[str, list[Account]]:
    grouped: dict[str, list[Account]] = {}
    for account in accounts:
        for key in customer_groups.get(account.customer_id, ()):
            grouped.setdefault(key, []).append(account)
    return grouped


def group_accounts(
    accounts: Iterable[Account], interactions: Iterable[Interaction], by: Grouping
) -> Mapping[str, tuple[Account, ...]]:
    """The accounts of each group: an account is in the groups of its customer's interactions.

    An account has no channel, position or team of its own; it belongs to
    those of the interactions with its customer (matched by
    ``customer_id``). So the groupings of the service metrics
    (:func:`by_position`, :func:`by_role`, :func:`by_team`,
    :func:`by_channel` or any function) group accounts too: the account of
    a customer a relationship manager served is in that manager's group.
    Accounts of customers without interactions are in no group.

    Returns:
        A read-only mapping from group key to its accounts (in the order
        given), keys sorted; a group appears once it has an account.

    Raises:
        InvalidEntityError: an argument is invalid, or ``by`` returns
            something other than a collection of non-empty strings.

    >>> from datetime import datetime, UTC
    >>> from csroles import Account, Channel, Direction, Event, EventKind, Interaction
    >>> from csroles import Priority, Topic, by_channel, group_accounts
    >>> call = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.PHONE,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.ACCOUNT_REVIEW,
    ...     priority=Priority.NORMAL,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
    ... )
    >>> accounts = [Account(id="A-1", customer_id="C-1"), Account(id="A-2", customer_id="C-2")]
    >>> {
    ...     key: [a.id for a in found]
    ...     for key, found in group_accounts(accounts, [call], by_channel).items()
    ... }
    {'phone': ['A-1']}

    .. versionadded:: 0.1.0
    """
    owner = "group_accounts"
    listed = _accounts(owner, "accounts", accounts)
    grouped = _split(listed, _customer_groups(owner, interactions, by))
    return MappingProxyType({key: tuple(grouped[key]) for key in sorted(grouped)})


def group_retention_rate(
    interactions: Iterable[Interaction],
    by: Grouping,
    *,
    start: Iterable[Account],
    end: Iterable[Account],
    new: Iterable[Account] = (),
) -> Mapping[str, Ratio]:
    """The retention rate (:func:`retention_rate`) of each group's accounts.

    Accounts are grouped as :func:`group_accounts` groups them: by the
    groups of their customers' interactions. Each group's rate is
    ``(E - N) / S`` over its own start, end and new accounts.

    Returns:
        A read-only mapping from group key to its rate, keys sorted; a group
        appears once it has an account at the start, at the end or new.

    Raises:
        InvalidEntityError: an argument is invalid, or the accounts are not
            consistent (see :func:`retention_rate`).

    >>> from datetime import datetime, UTC
    >>> from csroles import Account, Channel, Direction, Event, EventKind, Interaction
    >>> from csroles import Priority, Topic, by_position, group_retention_rate
    >>> def review(n, customer, manager):
    ...     at = datetime(2026, 5, 4, 9, tzinfo=UTC)
    ...     return Interaction(
    ...         id=f"R-{n}",
    ...         customer_id=customer,
    ...         channel=Channel.VIDEO,
    ...         direction=Direction.OUTBOUND,
    ...         topic=Topic.ACCOUNT_REVIEW,
    ...         priority=Priority.NORMAL,
    ...         events=[
    ...             Event(kind=EventKind.OPENED, at=at),
    ...             Event(kind=EventKind.ASSIGNED, at=at, assignee=manager),
    ...         ],
    ...     )
    >>> a, b, c = (Account(id=f"A-{n}", customer_id=f"C-{n}") for n in (1, 2, 3))
    >>> rates = group_retention_rate(
    ...     [review(1, "C-1", "rm-1"), review(2, "C-2", "rm-1"), review(3, "C-3", "rm-2")],
    ...     by_position,
    ...     start=[a, b, c],
    ...     end=[a, c],
    ... )
    >>> {key: rate.percent for key, rate in rates.items()}
    {'rm-1': 50.0, 'rm-2': 100.0}

    .. versionadded:: 0.1.0
    """
    owner = "group_retention_rate"
    lists = {
        field: _accounts(owner, field, value)
        for field, value in (("start", start), ("end", end), ("new", new))
    }
    retention_rate(start=lists["start"], end=lists["end"], new=lists["new"])  # checks them all
    customer_groups = _customer_groups(owner, interactions, by)
    split = {field: _split(found, customer_groups) for field, found in lists.items()}
    keys = sorted(set().union(*split.values()))
    return MappingProxyType(
        {
            key: retention_rate(
                start=split["start"].get(key, ()),
                end=split["end"].get(key, ()),
                new=split["new"].get(key, ()),
            )
            for key in keys
        }
    )


def group_customer_lifetime_value(
    interactions: Iterable[Interaction],
    by: Grouping,
    *,
    accounts: Iterable[Account],
    gross_margin: float,
    lifetime: float | None = None,
    churn_rate: float | None = None,
) -> Mapping[str, float | None]:
    """The customer lifetime value (:func:`customer_lifetime_value`) of each group's accounts.

    Each group's average value is the mean ``annual_revenue`` of its
    accounts that have one (grouped as :func:`group_accounts` groups them);
    the margin and the expected lifetime (``lifetime`` or ``churn_rate``,
    exactly one) are the same for every group. A group none of whose
    accounts has a revenue has ``None``. Revenues in different currencies
    are not averaged: csroles does not convert currencies.

    Returns:
        A read-only mapping from group key to its lifetime value, keys
        sorted; a group appears once it has an account.

    Raises:
        InvalidEntityError: an argument is invalid (see
            :func:`customer_lifetime_value`), or a group's revenues are in
            more than one currency.

    >>> from datetime import datetime, UTC
    >>> from csroles import Account, Channel, Direction, Event, EventKind, Interaction
    >>> from csroles import Priority, Topic, by_channel, group_customer_lifetime_value
    >>> def contact(customer, channel):
    ...     return Interaction(
    ...         id=f"{channel.value}-{customer}",
    ...         customer_id=customer,
    ...         channel=channel,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.QUESTION,
    ...         priority=Priority.NORMAL,
    ...         events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
    ...     )
    >>> accounts = [
    ...     Account(id="A-1", customer_id="C-1", annual_revenue=1000.0, currency="EUR"),
    ...     Account(id="A-2", customer_id="C-2", annual_revenue=3000.0, currency="EUR"),
    ... ]
    >>> values = group_customer_lifetime_value(
    ...     [
    ...         contact("C-1", Channel.CHAT),
    ...         contact("C-2", Channel.CHAT),
    ...         contact("C-2", Channel.PHONE),
    ...     ],
    ...     by_channel,
    ...     accounts=accounts,
    ...     gross_margin=0.5,
    ...     lifetime=3,
    ... )
    >>> dict(values)
    {'chat': 3000.0, 'phone': 4500.0}

    .. versionadded:: 0.1.0
    """
    owner = "group_customer_lifetime_value"
    listed = _accounts(owner, "accounts", accounts)
    # Check the shared figures once, even when no group has a revenue.
    customer_lifetime_value(
        average_value=0.0, gross_margin=gross_margin, lifetime=lifetime, churn_rate=churn_rate
    )
    grouped = _split(listed, _customer_groups(owner, interactions, by))
    values: dict[str, float | None] = {}
    for key in sorted(grouped):
        earning = [a for a in grouped[key] if a.annual_revenue is not None]
        currencies = sorted({a.currency for a in earning if a.currency is not None})
        if len(currencies) > 1:
            v.fail(owner, f"accounts of group {key!r}", currencies, "revenues in one currency")
        if not earning:
            values[key] = None
            continue
        revenues = [typing.cast("float", a.annual_revenue) for a in earning]
        values[key] = customer_lifetime_value(
            average_value=sum(revenues) / len(revenues),
            gross_margin=gross_margin,
            lifetime=lifetime,
            churn_rate=churn_rate,
        )
    return MappingProxyType(values)


def group_workload(
    interactions: Iterable[Interaction],
    by: Grouping,
    *,
    period: Period,
    timezone: str,
    quota: int | Role,
    calendar: BusinessTime | None = None,
) -> Mapping[str, tuple[DailyWorkload, ...]]:
    """:func:`workload` per group: each group's interactions, per position per day.

    Each group's rows are :func:`workload` over the interactions ``by``
    puts in it: for :func:`by_channel`, what each position handled on
    that channel each day; for :func:`by_team` or :func:`by_role`, the
    daily rows of the positions of that team or role. The quota is a
    position's daily quota, the same in every group.

    Returns:
        A read-only mapping from group key to its rows (sorted by position,
        then day), keys sorted; a group appears once it has an interaction.

    Raises:
        InvalidEntityError: an argument is invalid (see :func:`workload`),
            or ``by`` returns something other than a collection of
            non-empty strings.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import Channel, Direction, Event, EventKind, Interaction, Period
    >>> from csroles import Priority, Topic, by_channel, group_workload
    >>> t0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    >>> def handled(n, channel):
    ...     return Interaction(
    ...         id=f"I-{n}",
    ...         customer_id="C-1",
    ...         channel=channel,
    ...         direction=Direction.INBOUND,
    ...         topic=Topic.ORDER,
    ...         priority=Priority.NORMAL,
    ...         events=[
    ...             Event(kind=EventKind.OPENED, at=t0),
    ...             Event(kind=EventKind.ASSIGNED, at=t0, assignee="rep-1"),
    ...             Event(kind=EventKind.RESOLVED, at=t0 + timedelta(hours=1)),
    ...         ],
    ...     )
    >>> day = Period(start=t0.replace(hour=0), end=t0.replace(hour=0) + timedelta(days=1))
    >>> rows = group_workload(
    ...     [handled(1, Channel.CHAT), handled(2, Channel.CHAT), handled(3, Channel.EMAIL)],
    ...     by_channel,
    ...     period=day,
    ...     timezone="UTC",
    ...     quota=2,
    ... )
    >>> {
    ...     key: [(r.position, r.handled, r.meets_quota) for r in found]
    ...     for key, found in rows.items()
    ... }
    {'chat': [('rep-1', 2, True)], 'email': [('rep-1', 1, False)]}

    .. versionadded:: 0.1.0
    """
    owner = "group_workload"
    selected = _interactions(owner, interactions)
    keys = _groups_of(owner, selected, by)
    # The arguments are checked even when there is no group.
    workload((), period=period, timezone=timezone, quota=quota, calendar=calendar)
    grouped: dict[str, list[Interaction]] = {}
    for interaction, found in zip(selected, keys, strict=True):
        for key in found:
            grouped.setdefault(key, []).append(interaction)
    return MappingProxyType(
        {
            key: workload(
                grouped[key], period=period, timezone=timezone, quota=quota, calendar=calendar
            )
            for key in sorted(grouped)
        }
    )
