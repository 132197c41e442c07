"""Account metrics: retention rate and customer lifetime value."""

from __future__ import annotations

import math
import typing
from collections.abc import Iterable

from csroles import _validation as v
from csroles.metrics._base import Ratio

__all__ = ["customer_lifetime_value", "retention_rate"]


def _ids(owner: str, field: str, accounts: object) -> set[str]:
    from csroles.customers import Account

    if not v.is_collection(accounts):
        v.fail(owner, field, accounts, f"{v.COLLECTION} of Accounts or account ids")
    ids: set[str] = set()
    for index, account in enumerate(typing.cast("Iterable[object]", accounts)):
        if type(account) is Account:
            ids.add(account.id)
        else:
            ids.add(v.check_identifier(owner, f"{field}[{index}]", account))
    return ids


def retention_rate(
    *, start: Iterable[object], end: Iterable[object], new: Iterable[object] = ()
) -> Ratio:
    """Customer retention rate over a period: ``(E - N) / S``.

    ``S`` is the accounts at the start of the period, ``E`` those at its end
    and ``N`` those acquired during it. Accounts are matched by id (pass
    :class:`~csroles.Account` values or ids), so ``E - N`` is the start
    accounts still there at the end. ``percent`` is ``None`` when there were
    no accounts at the start.

    Raises:
        InvalidEntityError: an end account that is neither a start account nor
            new, a new account that was there at the start or is missing at
            the end, or an item that is not an account or an id.

    >>> from csroles import retention_rate
    >>> rate = retention_rate(start=["a", "b", "c", "d"], end=["a", "b", "c", "e"], new=["e"])
    >>> rate, rate.percent
    (Ratio(part=3, whole=4), 75.0)

    .. versionadded:: 0.1.0
    """
    owner = "retention_rate"
    at_start, at_end, acquired = (
        _ids(owner, "start", start),
        _ids(owner, "end", end),
        _ids(owner, "new", new),
    )
    for account in sorted(acquired):
        if account in at_start:
            v.fail(owner, "new", account, "an account not there at the start")
        if account not in at_end:
            v.fail(owner, "new", account, "an account there at the end")
    for account in sorted(at_end - at_start - acquired):
        v.fail(owner, "end", account, "an account there at the start or new")
    return Ratio(part=len(at_end) - len(acquired), whole=len(at_start))


def customer_lifetime_value(
    *,
    average_value: float,
    gross_margin: float,
    lifetime: float | None = None,
    churn_rate: float | None = None,
) -> float:
    """Customer lifetime value: ``average value x gross margin x expected lifetime``.

    ``average_value`` is the revenue of an average customer per period (a
    year, say), ``gross_margin`` the share of it that is profit (0 to 1), and
    the expected lifetime is given in periods, either as ``lifetime`` or as
    ``1 / churn_rate`` (the share of customers lost per period). Give exactly
    one of the two.

    Raises:
        InvalidEntityError: a negative or non-finite number, a margin outside
            [0, 1], a churn rate outside (0, 1], or not exactly one of
            ``lifetime`` and ``churn_rate``.

    >>> from csroles import customer_lifetime_value
    >>> customer_lifetime_value(average_value=1200.0, gross_margin=0.6, lifetime=3)
    2160.0
    >>> customer_lifetime_value(average_value=1200.0, gross_margin=0.6, churn_rate=0.25)
    2880.0

    .. versionadded:: 0.1.0
    """
    owner = "customer_lifetime_value"
    value = _number(owner, "average_value", average_value, "a finite number of zero or more")
    margin = _number(owner, "gross_margin", gross_margin, "a number from 0 to 1")
    if margin > 1:
        v.fail(owner, "gross_margin", gross_margin, "a number from 0 to 1")
    if (lifetime is None) == (churn_rate is None):
        v.fail(owner, "lifetime", lifetime, "exactly one of lifetime and churn_rate")
    if lifetime is not None:
        periods = _number(owner, "lifetime", lifetime, "a finite number of zero or more")
    else:
        rate = _number(owner, "churn_rate", churn_rate, "a number above 0, up to 1")
        if not 0 < rate <= 1:
            v.fail(owner, "churn_rate", churn_rate, "a number above 0, up to 1")
        periods = 1 / rate
    result = value * margin * periods
    if not math.isfinite(result):  # each figure is finite, their product need not be
        v.fail(
            owner, "average_value", average_value, "a value whose lifetime value a float can hold"
        )
    return result


def _number(owner: str, field: str, value: object, expected: str) -> float:
    if type(value) not in {int, float} or not v.is_finite_number(value) or value < 0:
        v.fail(owner, field, value, expected)
    return float(value)
