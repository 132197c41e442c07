"""Choosing the SLA for an interaction: ordered policies, first match wins.

A :class:`PolicySet` holds :class:`SLAPolicy` entries in order, each an SLA
with the :class:`PolicyCondition` s an interaction (and its customer) must meet;
:func:`choose_sla` returns the first policy whose conditions all hold, with the
reason, or the set's default.

>>> from datetime import datetime, timedelta, UTC
>>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction, Metric
>>> from csroles import Priority, Topic
>>> from csroles.sla.selection import PolicyCondition, PolicySet, SLAPolicy, choose_sla
>>> fast = SLA(name="Fast", targets={Metric.FIRST_RESPONSE_TIME: timedelta(minutes=5)})
>>> slow = SLA(name="Slow", targets={Metric.FIRST_RESPONSE_TIME: timedelta(hours=8)})
>>> policies = PolicySet(
...     policies=[
...         SLAPolicy(
...             name="urgent chats",
...             sla=fast,
...             conditions=[
...                 PolicyCondition(field="channel", values=["chat"]),
...                 PolicyCondition(field="priority", values=["urgent", "high"]),
...             ],
...         ),
...     ],
...     default=slow,
... )
>>> chat = Interaction(
...     id="chat-1",
...     customer_id="C-1",
...     channel=Channel.CHAT,
...     direction=Direction.INBOUND,
...     topic=Topic.QUESTION,
...     priority=Priority.HIGH,
...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
... )
>>> choice = choose_sla(policies, chat)
>>> choice.sla.name, choice.position, choice.reason
('Fast', 0, "policy 0 'urgent chats': channel in ['chat'] and priority in ['high', 'urgent']")

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from csroles import _validation as v
from csroles.customers import Customer
from csroles.interactions import Interaction
from csroles.sla.policy import SLA
from csroles.vocabulary import Channel, Direction, Priority, Topic

__all__ = ["PolicyChoice", "PolicyCondition", "PolicySet", "SLAPolicy", "choose_sla"]

# The fields a condition can test, and the vocabulary of each (None: free text).
_FIELDS: dict[str, Any] = {
    "channel": Channel,
    "direction": Direction,
    "topic": Topic,
    "priority": Priority,
    "segment": None,
    "group": None,
    "tag": None,
}
_FIELD_NAMES = ", ".join(repr(name) for name in _FIELDS)


def _check_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or value not in _FIELDS:
        v.fail(instance, attribute.name, value, f"one of {_FIELD_NAMES}")


def _to_values(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset((value,))
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True, cache_hash=True)
class PolicyCondition:
    """One condition of an SLA policy: a field of the interaction or customer is one of ``values``.

    Fields: ``channel``, ``direction``, ``topic`` and ``priority`` (the
    interaction's, the priority at opening), ``segment`` (the customer's
    segment; no customer or no segment never matches), ``group`` (the
    interaction's group) and ``tag`` (any of the interaction's tags).

    Args:
        field: the field tested.
        values: the accepted values (at least one); for the first four, values
            of their vocabulary (:class:`~csroles.Channel` ...).

    Raises:
        InvalidEntityError: an unknown field, no values, or a value outside
            the field's vocabulary.

    >>> from csroles import Topic
    >>> from csroles.sla.selection import PolicyCondition
    >>> Topic.RETURN in PolicyCondition(field="topic", values=["billing", "return"]).values
    True
    >>> PolicyCondition(field="channel", values=["pigeon"])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: PolicyCondition.values: 'pigeon', expected a Channel: one of 'phone', 'email', 'chat', 'social', 'face_to_face', 'fax', 'mail', 'video', 'messaging'

    .. versionadded:: 0.1.0
    """

    field: str = attrs.field(validator=_check_field)
    values: frozenset[str] = attrs.field(converter=_to_values)

    def __attrs_post_init__(self) -> None:
        values = self.values
        if type(values) is not frozenset or not values:
            v.fail(self, "values", values, "a non-empty collection of strings")
        vocabulary = _FIELDS[self.field]
        normal = set()
        for value in sorted(values, key=repr):
            if vocabulary is None:
                normal.add(v.check_identifier(self, "values", value))
                continue
            try:
                normal.add(vocabulary(value))
            except ValueError:
                choices = ", ".join(repr(m.value) for m in vocabulary)
                v.fail(
                    self,
                    "values",
                    value,
                    f"{v.with_article(vocabulary.__name__)}: one of {choices}",
                )
        object.__setattr__(self, "values", frozenset(normal))

    def describe(self) -> str:
        """The condition in words, as reasons quote it.

        >>> from csroles.sla.selection import PolicyCondition
        >>> PolicyCondition(field="tag", values=["vip"]).describe()
        "tag in ['vip']"

        .. versionadded:: 0.1.0
        """
        return f"{self.field} in {sorted(str(value) for value in self.values)!r}"


def _check_name(owner: object, field: str, value: object) -> str:
    return v.check_identifier(owner, field, value)


def _check_sla(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, SLA):
        v.fail(instance, attribute.name, value, "an SLA")


def _check_condition(owner: object, field: str, value: object) -> object:
    if not isinstance(value, PolicyCondition):
        v.fail(owner, field, value, "a PolicyCondition")
    return value


@attrs.frozen(kw_only=True, cache_hash=True)
class SLAPolicy:
    """An SLA and the conditions an interaction must meet for it to apply (all of them).

    Args:
        name: the policy's name, unique in its set.
        sla: the SLA it applies.
        conditions: the conditions, all of which must hold; none matches
            every interaction.

    >>> from datetime import timedelta
    >>> from csroles import SLA, Metric
    >>> from csroles.sla.selection import PolicyCondition, SLAPolicy
    >>> sla = SLA(name="VIP", targets={Metric.RESOLUTION_TIME: timedelta(hours=4)})
    >>> SLAPolicy(name="vip", sla=sla, conditions=[PolicyCondition(field="segment", values="vip")])
    ... # doctest: +ELLIPSIS
    SLAPolicy(name='vip', sla=SLA(name='VIP', ...), conditions=(PolicyCondition(field='segment', values=frozenset({'vip'})),))

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=v.validator(_check_name))
    sla: SLA = attrs.field(validator=_check_sla)
    conditions: tuple[PolicyCondition, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(_check_condition)
    )


def _check_policy(owner: object, field: str, value: object) -> object:
    if not isinstance(value, SLAPolicy):
        v.fail(owner, field, value, "an SLAPolicy")
    return value


def _check_default(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, SLA):
        v.fail(instance, attribute.name, value, "an SLA or None")


# Enum values as they come out of an interaction, per field.
_ENUM_FIELDS = ("channel", "direction", "topic", "priority")


@attrs.frozen(kw_only=True, cache_hash=True)
class PolicySet:
    """SLA policies in order: the first whose conditions all hold applies, else the default.

    Args:
        policies: the policies, in the order they are tried; names unique.
        default: the SLA for an interaction no policy matches, or ``None``.

    Raises:
        InvalidEntityError: a bad policy, or two policies with the same name.

    >>> from datetime import timedelta
    >>> from csroles import SLA, Metric
    >>> from csroles.sla.selection import PolicySet, SLAPolicy
    >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)})
    >>> PolicySet(policies=[SLAPolicy(name="a", sla=sla), SLAPolicy(name="a", sla=sla)])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: PolicySet.policies[1].name: 'a', expected a name no earlier policy has

    .. versionadded:: 0.1.0
    """

    policies: tuple[SLAPolicy, ...] = attrs.field(
        converter=v.to_tuple, validator=v.tuple_of(_check_policy)
    )
    default: SLA | None = attrs.field(default=None, validator=_check_default)
    # Per field, the policies (as bits) that accept each value, and those with no condition on it.
    _index: tuple[tuple[Mapping[str, int], int], ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for index, policy in enumerate(self.policies):
            if policy.name in seen:
                v.fail(self, f"policies[{index}].name", policy.name, "a name no earlier policy has")
            seen.add(policy.name)
            fields: set[str] = set()
            for number, condition in enumerate(policy.conditions):
                if condition.field in fields:
                    v.fail(
                        self,
                        f"policies[{index}].conditions[{number}].field",
                        condition.field,
                        "a field no earlier condition of the policy tests",
                    )
                fields.add(condition.field)
        every = (1 << len(self.policies)) - 1
        index_: list[tuple[Mapping[str, int], int]] = []
        for field in _FIELDS:
            accepting: dict[str, int] = {}
            constrained = 0
            for number, policy in enumerate(self.policies):
                bit = 1 << number
                for condition in policy.conditions:
                    if condition.field == field:
                        constrained |= bit
                        for value in condition.values:
                            accepting[value] = accepting.get(value, 0) | bit
            index_.append((accepting, every & ~constrained))
        object.__setattr__(self, "_index", tuple(index_))


@attrs.frozen(kw_only=True)
class PolicyChoice:
    """The SLA :func:`choose_sla` chose, and why.

    Args:
        sla: the chosen SLA, or ``None`` when no policy matched and there is no default.
        policy: the matching policy, or ``None`` (the default, or nothing).
        position: the matching policy's position in the set (from 0), or ``None``.
        reason: the reason in words: the policy and its conditions, the
            default, or that none matched.

    >>> from datetime import timedelta
    >>> from csroles import SLA, Metric
    >>> from csroles.sla import PolicyChoice
    >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)})
    >>> PolicyChoice(sla=sla, policy=None, position=None, reason="the default").conditions
    ()

    .. versionadded:: 0.1.0
    """

    sla: SLA | None
    policy: SLAPolicy | None
    position: int | None
    reason: str

    @property
    def conditions(self) -> tuple[PolicyCondition, ...]:
        """The conditions that matched, the policy's (empty for the default or no match).

        >>> from datetime import datetime, timedelta, UTC
        >>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction, Metric
        >>> from csroles import Priority, Topic
        >>> from csroles.sla import PolicyCondition, PolicySet, SLAPolicy, choose_sla
        >>> sla = SLA(name="S", targets={Metric.RESOLUTION_TIME: timedelta(days=1)})
        >>> email = PolicyCondition(field="channel", values=["email"])
        >>> policies = PolicySet(policies=[SLAPolicy(name="mail", sla=sla, conditions=[email])])
        >>> ticket = Interaction(
        ...     id="T-1",
        ...     customer_id="C-1",
        ...     channel=Channel.EMAIL,
        ...     direction=Direction.INBOUND,
        ...     topic=Topic.BILLING,
        ...     priority=Priority.LOW,
        ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
        ... )
        >>> choose_sla(policies, ticket).conditions == (email,)
        True

        .. versionadded:: 0.1.0
        """
        return () if self.policy is None else self.policy.conditions


def choose_sla(
    policies: PolicySet, interaction: Interaction, customer: Customer | None = None
) -> PolicyChoice:
    """The SLA that applies to ``interaction``: the first policy it meets, or the default.

    Args:
        policies: the policy set.
        interaction: the interaction.
        customer: its customer, for conditions on the ``segment``; without
            one, those conditions do not hold.

    Returns:
        The choice, with the reason; its ``sla`` is ``None`` if no policy
        matched and the set has no default.

    Raises:
        InvalidEntityError: an argument of the wrong type, or a customer that
            is not the interaction's.

    >>> from datetime import datetime, timedelta, UTC
    >>> from csroles import SLA, Channel, Direction, Event, EventKind, Interaction, Metric
    >>> from csroles import Priority, Topic
    >>> from csroles.sla.selection import PolicySet, choose_sla
    >>> ticket = Interaction(
    ...     id="T-1",
    ...     customer_id="C-1",
    ...     channel=Channel.EMAIL,
    ...     direction=Direction.INBOUND,
    ...     topic=Topic.BILLING,
    ...     priority=Priority.LOW,
    ...     events=[Event(kind=EventKind.OPENED, at=datetime(2026, 5, 4, 9, tzinfo=UTC))],
    ... )
    >>> choose_sla(PolicySet(policies=[]), ticket).reason
    'no policy matched and the set has no default'

    .. versionadded:: 0.1.0
    """
    if not isinstance(policies, PolicySet):
        v.fail("choose_sla", "policies", policies, "a PolicySet")
    if not isinstance(interaction, Interaction):
        v.fail("choose_sla", "interaction", interaction, "an Interaction")
    if customer is not None:
        if not isinstance(customer, Customer):
            v.fail("choose_sla", "customer", customer, "a Customer or None")
        if customer.id != interaction.customer_id:
            v.fail(
                "choose_sla",
                "customer",
                customer.id,
                f"the interaction's customer {interaction.customer_id!r}",
            )
    return _choose(policies, interaction, customer)


def _choose(
    policies: PolicySet, interaction: Interaction, customer: Customer | None
) -> PolicyChoice:
    (channel, direction, topic, priority, segment, group, tag) = policies._index
    # Bits of the policies every condition of which holds: one lookup per field.
    mask = channel[0].get(interaction.channel, 0) | channel[1]
    mask &= direction[0].get(interaction.direction, 0) | direction[1]
    mask &= topic[0].get(interaction.topic, 0) | topic[1]
    mask &= priority[0].get(interaction.priority, 0) | priority[1]
    value = None if customer is None else customer.segment
    mask &= (0 if value is None else segment[0].get(value, 0)) | segment[1]
    value = interaction.group
    mask &= (0 if value is None else group[0].get(value, 0)) | group[1]
    if mask:
        tagged = tag[1]
        for label in interaction.tags:
            tagged |= tag[0].get(label, 0)
        mask &= tagged
    if mask:
        position = (mask & -mask).bit_length() - 1
        policy = policies.policies[position]
        described = " and ".join(c.describe() for c in policy.conditions) or "no conditions"
        return PolicyChoice(
            sla=policy.sla,
            policy=policy,
            position=position,
            reason=f"policy {position} {policy.name!r}: {described}",
        )
    if policies.default is not None:
        return PolicyChoice(
            sla=policies.default,
            policy=None,
            position=None,
            reason="no policy matched: the default",
        )
    return PolicyChoice(
        sla=None, policy=None, position=None, reason="no policy matched and the set has no default"
    )
