"""Roles: what a customer-service job does, is measured by and may decide alone.

A :class:`Role` is a kind of job (``customer_service_representative``), not a
person: its level and focus, its titles in each language, the duties it
carries (each a :class:`Responsibility` with a RACI letter and the topics it
covers), the channels it works, the metrics it is measured by, its
:class:`Authority`, where its career leads and where it is typical.

>>> from csroles import Authority, Duty, Focus, Language, Level, Raci, Responsibility, Role
>>> agent = Role(
...     key="returns_agent",
...     level=Level.INDIVIDUAL,
...     focus=Focus.SERVICE,
...     titles={Language.EN: "Returns Agent"},
...     responsibilities=[Responsibility(duty=Duty.HANDLE_RETURNS)],
... )
>>> agent.responsibilities[0].raci, sorted(agent.topics)
(<Raci.RESPONSIBLE: 'responsible'>, [<Topic.RETURN: 'return'>])
>>> agent.authority == Authority()  # representatives do not make the rules (*What is a CSR*)
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

import attrs

from csroles._mapping import FrozenMapping, to_frozen_mapping
from csroles._validation import (
    check_amount,
    check_currency,
    check_flag,
    check_identifier,
    check_key,
    check_positive_int,
    enum_check,
    fail,
    frozenset_of,
    member_of,
    optional_validator,
    to_frozenset,
    to_member,
    to_tuple,
    tuple_of,
    validator,
    with_article,
)
from csroles.errors import CsrolesError
from csroles.vocabulary import Channel, Direction, Focus, Language, Level, Metric, Topic

__all__ = [
    "Action",
    "Authority",
    "Duty",
    "Industry",
    "Pay",
    "Raci",
    "Request",
    "Responsibility",
    "Role",
    "Skill",
    "SkillKind",
]


class Duty(enum.StrEnum):
    """A named duty of a customer-service role (the articles of the Sources page).

    Each duty covers the interaction :class:`~csroles.Topic` values listed in
    :attr:`topics` (used for routing); duties about the team or the company,
    such as hiring or writing reports, cover no topic.

    >>> from csroles import Duty, Topic
    >>> Duty.HANDLE_RETURNS.topics
    frozenset({<Topic.RETURN: 'return'>})
    >>> Duty.HIRE.topics
    frozenset()

    .. versionadded:: 0.1.0
    """

    ANSWER_PRODUCT_QUESTIONS = "answer_product_questions"
    TAKE_ORDERS = "take_orders"
    HANDLE_RETURNS = "handle_returns"
    HANDLE_COMPLAINTS = "handle_complaints"
    PROCESS_TRANSACTIONS = "process_transactions"
    ANSWER_BILLING_QUESTIONS = "answer_billing_questions"
    SCHEDULE_APPOINTMENTS = "schedule_appointments"
    PROACTIVE_OUTREACH = "proactive_outreach"
    FOLLOW_UP = "follow_up"
    COLLECT_LEADS = "collect_leads"
    MONITOR_SOCIAL_MEDIA = "monitor_social_media"
    DIAGNOSE_TECHNICAL_PROBLEMS = "diagnose_technical_problems"
    HELP_WITH_INSTALLATION = "help_with_installation"
    ESCALATE_UNRESOLVED_ISSUES = "escalate_unresolved_issues"
    HANDLE_ESCALATIONS = "handle_escalations"
    RESOLVE_CONFLICTS = "resolve_conflicts"
    WRITE_REPORTS = "write_reports"
    MAINTAIN_KNOWLEDGE_BASE = "maintain_knowledge_base"
    TRACK_PERFORMANCE = "track_performance"
    SUPERVISE_TEAM = "supervise_team"
    HIRE = "hire"
    TRAIN_AND_COACH = "train_and_coach"
    SET_BEST_PRACTICES = "set_best_practices"
    ENSURE_SERVICE_QUALITY = "ensure_service_quality"
    ONBOARD_CLIENTS = "onboard_clients"
    MANAGE_PORTFOLIO = "manage_portfolio"
    BUILD_RELATIONSHIPS = "build_relationships"
    DISTRIBUTE_PORTFOLIOS = "distribute_portfolios"
    UPSELL_AND_CROSS_SELL = "upsell_and_cross_sell"
    ANALYSE_CUSTOMER_NEEDS = "analyse_customer_needs"
    DESIGN_CX_STRATEGY = "design_cx_strategy"
    REPRESENT_CUSTOMERS_INTERNALLY = "represent_customers_internally"
    HELP_WITH_MAINTENANCE = "help_with_maintenance"
    HELP_WITH_UPGRADES = "help_with_upgrades"
    LIAISE_WITH_MARKETING = "liaise_with_marketing"
    DRIVE_INTERNAL_CHANGE = "drive_internal_change"
    IMPROVE_TOUCHPOINTS = "improve_touchpoints"
    WORK_WITH_BOARD = "work_with_board"

    @property
    def topics(self) -> frozenset[Topic]:
        """The topics this duty covers by default (a :class:`Responsibility` may override them)."""
        return _DUTY_TOPICS.get(self, frozenset())


_DUTY_TOPICS: dict[Duty, frozenset[Topic]] = {
    Duty.ANSWER_PRODUCT_QUESTIONS: frozenset({Topic.QUESTION}),
    Duty.TAKE_ORDERS: frozenset({Topic.ORDER}),
    Duty.HANDLE_RETURNS: frozenset({Topic.RETURN}),
    Duty.HANDLE_COMPLAINTS: frozenset({Topic.COMPLAINT}),
    Duty.PROCESS_TRANSACTIONS: frozenset({Topic.BILLING, Topic.ORDER}),
    Duty.ANSWER_BILLING_QUESTIONS: frozenset({Topic.BILLING}),
    Duty.SCHEDULE_APPOINTMENTS: frozenset({Topic.APPOINTMENT}),
    Duty.PROACTIVE_OUTREACH: frozenset({Topic.SALES}),
    Duty.FOLLOW_UP: frozenset({Topic.FEEDBACK}),
    Duty.COLLECT_LEADS: frozenset({Topic.SALES}),
    Duty.DIAGNOSE_TECHNICAL_PROBLEMS: frozenset({Topic.TECHNICAL_PROBLEM}),
    Duty.HELP_WITH_INSTALLATION: frozenset({Topic.INSTALLATION}),
    Duty.RESOLVE_CONFLICTS: frozenset({Topic.COMPLAINT}),
    Duty.ONBOARD_CLIENTS: frozenset({Topic.ONBOARDING}),
    Duty.MANAGE_PORTFOLIO: frozenset({Topic.ACCOUNT_REVIEW}),
    Duty.BUILD_RELATIONSHIPS: frozenset({Topic.ACCOUNT_REVIEW}),
    Duty.UPSELL_AND_CROSS_SELL: frozenset({Topic.SALES}),
    Duty.ANALYSE_CUSTOMER_NEEDS: frozenset({Topic.FEEDBACK}),
    Duty.REPRESENT_CUSTOMERS_INTERNALLY: frozenset({Topic.FEEDBACK}),
    # Keeping a product working is a technical problem; an upgrade installs a new version.
    Duty.HELP_WITH_MAINTENANCE: frozenset({Topic.TECHNICAL_PROBLEM}),
    Duty.HELP_WITH_UPGRADES: frozenset({Topic.INSTALLATION}),
    Duty.IMPROVE_TOUCHPOINTS: frozenset({Topic.FEEDBACK}),
}


class Raci(enum.StrEnum):
    """A role's part in a duty: Responsible, Accountable, Consulted or Informed.

    The responsible role does the work; the accountable one answers for it
    (and may do it); both *own* the duty. Consulted roles are asked, informed
    roles are told.

    >>> from csroles import Raci
    >>> Raci.ACCOUNTABLE.letter, Raci.ACCOUNTABLE.owns, Raci.INFORMED.owns
    ('A', True, False)

    .. versionadded:: 0.1.0
    """

    RESPONSIBLE = "responsible"
    ACCOUNTABLE = "accountable"
    CONSULTED = "consulted"
    INFORMED = "informed"

    @property
    def letter(self) -> str:
        """The matrix letter, one of ``R``, ``A``, ``C`` or ``I``."""
        return self.value[0].upper()

    @property
    def owns(self) -> bool:
        """Whether a role with this letter does or answers for the duty (R or A)."""
        return self in (Raci.RESPONSIBLE, Raci.ACCOUNTABLE)


class Industry(enum.StrEnum):
    """An industry where a role is typical (*ServiceNow CSR*, *G2 service philosophy*, *What is a CSR*).

    >>> from csroles import Industry
    >>> Industry("telecom") is Industry.TELECOM
    True

    .. versionadded:: 0.1.0
    """

    RETAIL = "retail"
    TECHNOLOGY = "technology"
    HEALTHCARE = "healthcare"
    FINANCE = "finance"
    INSURANCE = "insurance"
    TELECOM = "telecom"
    UTILITIES = "utilities"
    HOSPITALITY = "hospitality"
    LEGAL = "legal"


class SkillKind(enum.StrEnum):
    """What kind of skill a :class:`Skill` is.

    *ServiceNow CSR* splits a representative's skills into business skills
    (communication, empathy, problem solving ...) and technical ones
    (computer skills, product knowledge, help-desk and CRM tools), and
    counts languages apart; ``other`` holds any label the articles do not
    name (a product, an internal system ...).

    >>> from csroles import SkillKind
    >>> [kind.value for kind in SkillKind]
    ['business', 'technical', 'language', 'other']

    .. versionadded:: 0.1.0
    """

    BUSINESS = "business"
    TECHNICAL = "technical"
    LANGUAGE = "language"
    OTHER = "other"


def _check_skill_name(owner: object, field: str, value: object) -> str:
    if type(value) is not str or not value.strip() or value != value.strip() or ":" in value:
        fail(owner, field, value, "a non-empty skill name without surrounding whitespace or ':'")
    return value


@attrs.frozen(kw_only=True, order=True)
class Skill:
    """A skill: its kind and its name, such as ``technical:product_knowledge``.

    Roles list the skills they need (:attr:`Role.skills`), positions the ones
    their holder has (a position's ``skills``), and
    :func:`~csroles.route` ranks roles by the skills an interaction needs.
    Two skills are the same when kind and name are. :meth:`parse` reads the
    text form ``kind:name``; a bare name is a skill of kind ``other``.

    >>> from csroles import Skill, SkillKind
    >>> Skill(kind=SkillKind.TECHNICAL, name="product_knowledge")
    Skill(kind=<SkillKind.TECHNICAL: 'technical'>, name='product_knowledge')
    >>> Skill.parse("language:italian") == Skill(kind=SkillKind.LANGUAGE, name="italian")
    True
    >>> str(Skill.parse("billing_system"))
    'other:billing_system'
    >>> Skill.parse("tecnical:crm")
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Skill.kind: 'tecnical', expected a SkillKind: one of 'business', 'technical', 'language', 'other'

    .. versionadded:: 0.1.0
    """

    kind: SkillKind = attrs.field(validator=member_of(SkillKind))
    name: str = attrs.field(validator=validator(_check_skill_name))

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.name}"

    @classmethod
    def parse(cls, text: str) -> Skill:
        """The skill ``text`` names: ``kind:name``, or a bare name for a skill of kind ``other``.

        Raises:
            InvalidEntityError: ``text`` is not a string, names no known
                kind before its ``:``, or has an empty or padded name.
        """
        given: object = text
        if type(given) is not str:
            fail("Skill", "text", given, "a skill as text such as 'technical:product_knowledge'")
        kind, colon, name = text.partition(":")
        if not colon:
            return cls(kind=SkillKind.OTHER, name=text)
        if kind not in _SKILL_KINDS:
            fail(
                "Skill",
                "kind",
                kind,
                "a SkillKind: one of " + ", ".join(repr(k.value) for k in SkillKind),
            )
        return cls(kind=SkillKind(kind), name=name)


_SKILL_KINDS = frozenset(kind.value for kind in SkillKind)


_SKILL_TEXT = (
    "a Skill or its text 'kind:name' (kind one of "
    + ", ".join(repr(k.value) for k in SkillKind)
    + "; a bare name is of kind 'other'), the name non-empty without surrounding whitespace"
)


def _check_skill(owner: object, field: str, value: object) -> Skill:
    if not isinstance(value, Skill):
        fail(owner, field, value, _SKILL_TEXT)
    return value


def _parse_or_keep(item: object) -> object:
    """A skill's text as a Skill; anything else, or bad text, as it is (for the validator)."""
    if isinstance(item, str):
        try:
            return Skill.parse(item)
        except CsrolesError:
            return item
    return item


def _to_skills(value: Any) -> Any:
    """An attrs converter: a collection of :class:`Skill` or ``kind:name`` texts to a frozenset.

    Text is read by :meth:`Skill.parse`; bad text and anything else are
    passed on for the validator to refuse, naming the owner's field.
    """
    if not isinstance(value, list | tuple | set | frozenset):
        return value
    items = tuple(_parse_or_keep(item) for item in value)
    try:
        return frozenset(items)
    except TypeError:  # an unhashable item: the validator names it
        return items


_skills_validator = frozenset_of(_check_skill)


class Action(enum.StrEnum):
    """Something a role may or may not decide alone (see :class:`Request`).

    >>> from csroles import Action
    >>> Action.REFUND.is_monetary, Action.HIRE.is_monetary
    (True, False)

    .. versionadded:: 0.1.0
    """

    REFUND = "refund"
    CREDIT = "credit"
    POLICY_EXCEPTION = "policy_exception"
    PRIORITY_CHANGE = "priority_change"
    HIRE = "hire"

    @property
    def is_monetary(self) -> bool:
        """Whether the action moves money (refunds and credits carry an amount)."""
        return self in (Action.REFUND, Action.CREDIT)


# ---------------------------------------------------------------- helpers


def _to_decimal(value: Any) -> Any:
    """An attrs converter: an int becomes a Decimal; anything else is left for the validator."""
    if type(value) is int:
        return Decimal(value)
    return value


def _check_title(owner: object, field: str, value: object) -> str:
    if type(value) is not str or not value.strip() or value != value.strip():
        fail(owner, field, value, "a non-empty title without surrounding whitespace")
    return value


_check_language = enum_check(Language)


def _titles_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, FrozenMapping) or not value:
        fail(instance, attribute.name, value, "a non-empty mapping of Language to title")
    for language, title in value.items():
        _check_language(instance, f"{attribute.name} key", language)
        _check_title(instance, f"{attribute.name}[{language.value}]", title)


def _alternative_titles_validator(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, FrozenMapping):
        fail(instance, attribute.name, value, "a mapping of Language to a list of titles")
    for language, titles in value.items():
        _check_language(instance, f"{attribute.name} key", language)
        field = f"{attribute.name}[{language.value}]"
        if not isinstance(titles, tuple):
            fail(instance, field, titles, "a list or tuple of titles")
        for index, title in enumerate(titles):
            _check_title(instance, f"{field}[{index}]", title)


def _by_language(value: Any) -> Any:
    """Sort a Language-keyed mapping in the enum's order, so equal roles serialize alike."""
    if isinstance(value, Mapping):
        # A language's plain value ("it") stands for the Language member.
        value = {_member_or_key(key): item for key, item in value.items()}
        if all(isinstance(k, Language) for k in value):
            order = list(Language)
            return FrozenMapping(dict(sorted(value.items(), key=lambda kv: order.index(kv[0]))))
    return to_frozen_mapping(value)


def _member_or_key(key: object) -> object:
    member = to_member(Language, key)
    return key if member is None else member


def _alternatives(value: Any) -> Any:
    """Like :func:`_by_language`, with each language's titles as a tuple."""
    if isinstance(value, Mapping):
        converted = {k: tuple(v) if isinstance(v, list | tuple) else v for k, v in value.items()}
        return _by_language(converted)
    return value


# ---------------------------------------------------------------- authority


@attrs.frozen(kw_only=True)
class Request:
    """An action someone asks a role to decide: a refund or credit of an amount, a policy exception ...

    Refunds and credits carry a positive, finite ``amount`` (a ``Decimal``; an
    ``int`` is accepted) and an ISO 4217 ``currency``; the other actions carry
    neither. The class methods build each kind.

    >>> from decimal import Decimal
    >>> from csroles import Action, Request
    >>> Request.refund(Decimal("25.50"), "EUR")
    Request(action=<Action.REFUND: 'refund'>, amount=Decimal('25.50'), currency='EUR')
    >>> Request.policy_exception().action
    <Action.POLICY_EXCEPTION: 'policy_exception'>

    .. versionadded:: 0.1.0
    """

    action: Action = attrs.field(validator=member_of(Action))
    amount: Decimal | None = attrs.field(
        default=None, converter=_to_decimal, validator=optional_validator(check_amount)
    )
    currency: str | None = attrs.field(default=None, validator=optional_validator(check_currency))

    def __attrs_post_init__(self) -> None:
        if self.action.is_monetary:
            if self.amount is None or self.amount == 0:
                fail(self, "amount", self.amount, f"a positive amount for a {self.action.value}")
            if self.currency is None:
                fail(self, "currency", None, f"an ISO 4217 currency code for a {self.action.value}")
        else:
            if self.amount is not None:
                fail(self, "amount", self.amount, f"None for a {self.action.value}")
            if self.currency is not None:
                fail(self, "currency", self.currency, f"None for a {self.action.value}")

    @classmethod
    def refund(cls, amount: Decimal | int, currency: str) -> Request:
        """A refund of ``amount`` in ``currency``."""
        return cls(action=Action.REFUND, amount=amount, currency=currency)

    @classmethod
    def credit(cls, amount: Decimal | int, currency: str) -> Request:
        """A credit (goodwill gesture, voucher) of ``amount`` in ``currency``."""
        return cls(action=Action.CREDIT, amount=amount, currency=currency)

    @classmethod
    def policy_exception(cls) -> Request:
        """An exception to a company policy."""
        return cls(action=Action.POLICY_EXCEPTION)

    @classmethod
    def priority_change(cls) -> Request:
        """A change of an interaction's priority."""
        return cls(action=Action.PRIORITY_CHANGE)

    @classmethod
    def hire(cls) -> Request:
        """The approval of a hire."""
        return cls(action=Action.HIRE)

    def describe(self) -> str:
        """The request in words.

        >>> from csroles import Request
        >>> Request.credit(10, "USD").describe()
        'a credit of 10 USD'
        """
        if self.action.is_monetary:
            return f"a {self.action.value} of {self.amount} {self.currency}"
        return _ACTION_WORDS[self.action]


_ACTION_WORDS = {
    Action.POLICY_EXCEPTION: "a policy exception",
    Action.PRIORITY_CHANGE: "a priority change",
    Action.HIRE: "a hire",
}

_REFUSALS = {
    Action.POLICY_EXCEPTION: "may not make policy exceptions",
    Action.HIRE: "may not approve hires",
    Action.PRIORITY_CHANGE: "may not change priorities",
}


@attrs.frozen(kw_only=True)
class Authority:
    """What a role may decide alone, without passing the matter to someone else.

    ``refund_limit`` is the largest refund or credit the role may grant, in
    ``currency``; ``None`` means no limit. Without a currency the limit must be
    zero or ``None`` (it then holds in every currency); a limit in a currency
    refuses requests in any other, since csroles does not convert currencies.
    The default is no authority at all: representatives do not make the rules
    (*What is a CSR*).

    >>> from decimal import Decimal
    >>> from csroles import Authority, Request
    >>> lead = Authority(refund_limit=Decimal("50"), currency="EUR", change_priorities=True)
    >>> lead.permits(Request.refund(20, "EUR")), lead.permits(Request.refund(80, "EUR"))
    (True, False)
    >>> lead.explain(Request.refund(20, "USD"))
    'its refund limit is in EUR, the request is in USD (currencies are not converted)'

    .. versionadded:: 0.1.0
    """

    refund_limit: Decimal | None = attrs.field(
        default=Decimal(0), converter=_to_decimal, validator=optional_validator(check_amount)
    )
    currency: str | None = attrs.field(default=None, validator=optional_validator(check_currency))
    policy_exceptions: bool = attrs.field(default=False, validator=validator(check_flag))
    approve_hires: bool = attrs.field(default=False, validator=validator(check_flag))
    change_priorities: bool = attrs.field(default=False, validator=validator(check_flag))

    def __attrs_post_init__(self) -> None:
        if self.currency is None and self.refund_limit:
            fail(self, "currency", None, "an ISO 4217 code for a refund_limit above zero")

    @classmethod
    def unlimited(cls) -> Authority:
        """Every power: unlimited refunds and credits in any currency, exceptions, hires, priorities.

        >>> from csroles import Authority
        >>> Authority.unlimited().refund_limit is None
        True
        """
        return cls(
            refund_limit=None,
            policy_exceptions=True,
            approve_hires=True,
            change_priorities=True,
        )

    def permits(self, request: Request) -> bool:
        """Whether this authority covers ``request``."""
        return self._refusal(request) is None

    def explain(self, request: Request) -> str:
        """Why this authority does or does not cover ``request``, in words."""
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        return self._grant(request)

    def _refusal(self, request: Request) -> str | None:
        if not isinstance(request, Request):
            fail("Authority.permits", "request", request, "a Request")
        action = request.action
        if not action.is_monetary:
            allowed = {
                Action.POLICY_EXCEPTION: self.policy_exceptions,
                Action.HIRE: self.approve_hires,
                Action.PRIORITY_CHANGE: self.change_priorities,
            }[action]
            return None if allowed else _REFUSALS[action]
        amount = cast("Decimal", request.amount)  # a monetary Request always has one
        limit = self.refund_limit
        if limit == 0:
            refusal: str | None = "may not grant refunds or credits"
        elif self.currency is not None and self.currency != request.currency:
            refusal = (
                f"its refund limit is in {self.currency}, the request is in "
                f"{request.currency} (currencies are not converted)"
            )
        elif limit is not None and amount > limit:
            refusal = (
                f"{amount} {request.currency} exceeds its limit of "
                f"{self.refund_limit} {self.currency}"
            )
        else:
            refusal = None
        return refusal

    def _grant(self, request: Request) -> str:
        if request.action.is_monetary:
            if self.refund_limit is None:
                return f"may grant refunds and credits of any amount in {self.currency or 'any currency'}"
            return f"{request.amount} {request.currency} is within its limit of {self.refund_limit} {self.currency}"
        return {
            Action.POLICY_EXCEPTION: "may make policy exceptions",
            Action.HIRE: "may approve hires",
            Action.PRIORITY_CHANGE: "may change priorities",
        }[request.action]


def _check_pair(owner: object, field: str, value: object) -> tuple[Decimal, Decimal]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, Decimal) and v.is_finite() and v >= 0 for v in value)
        or value[0] > value[1]
    ):
        fail(owner, field, value, "a (low, high) pair of finite Decimals, 0 <= low <= high")
    return value


def _check_country(owner: object, field: str, value: object) -> str:
    if type(value) is not str or len(value) != 2 or not all("A" <= c <= "Z" for c in value):
        fail(owner, field, value, "an ISO 3166 country code such as 'US'")
    return value


def _pair(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_to_decimal(v) for v in value)
    return value


@attrs.frozen(kw_only=True)
class Pay:
    """Annual pay of a role as a salary survey quotes it (*ServiceNow CSR*: Glassdoor, United States).

    ``total`` is base pay plus ``extra`` (bonuses, commissions); each is a
    (low, high) range.

    >>> from decimal import Decimal
    >>> from csroles import Pay
    >>> pay = Pay(
    ...     currency="USD",
    ...     country="US",
    ...     source="Glassdoor",
    ...     average=44_000,
    ...     total=(36_000, 54_000),
    ...     base=(33_000, 48_000),
    ...     extra=(3_000, 6_000),
    ... )
    >>> pay.average
    Decimal('44000')

    .. versionadded:: 0.1.0
    """

    currency: str = attrs.field(validator=validator(check_currency))
    country: str = attrs.field(validator=validator(_check_country))
    source: str = attrs.field(validator=validator(check_identifier))
    average: Decimal = attrs.field(converter=_to_decimal, validator=validator(check_amount))
    total: tuple[Decimal, Decimal] = attrs.field(converter=_pair, validator=validator(_check_pair))
    base: tuple[Decimal, Decimal] = attrs.field(converter=_pair, validator=validator(_check_pair))
    extra: tuple[Decimal, Decimal] = attrs.field(converter=_pair, validator=validator(_check_pair))


# ---------------------------------------------------------------- responsibilities


def _default_topics(self: Responsibility) -> frozenset[Topic]:
    duty: object = self.duty  # not validated yet: may be anything
    return duty.topics if isinstance(duty, Duty) else frozenset()


@attrs.frozen(kw_only=True)
class Responsibility:
    """A duty of a role, its RACI letter for that role, and the topics it covers.

    ``topics`` defaults to the duty's own (:attr:`Duty.topics`); give them to
    say that in your company the duty covers other topics.

    >>> from csroles import Duty, Raci, Responsibility, Topic
    >>> Responsibility(duty=Duty.PROCESS_TRANSACTIONS).topics == {Topic.BILLING, Topic.ORDER}
    True
    >>> Responsibility(duty=Duty.HIRE, raci=Raci.ACCOUNTABLE).raci.letter
    'A'

    .. versionadded:: 0.1.0
    """

    duty: Duty = attrs.field(validator=member_of(Duty))
    raci: Raci = attrs.field(default=Raci.RESPONSIBLE, validator=member_of(Raci))
    topics: frozenset[Topic] = attrs.field(
        default=attrs.Factory(_default_topics, takes_self=True),
        converter=to_frozenset,
        validator=frozenset_of(enum_check(Topic)),
    )


def _instance_of(cls: type, *, optional: bool = False) -> Any:
    """An attrs validator: the value is an instance of ``cls`` (or None when optional)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls) and not (optional and value is None):
            fail(
                instance,
                attribute.name,
                value,
                with_article(cls.__name__) + (" or None" if optional else ""),
            )

    return validate


def _check_responsibility(owner: object, field: str, value: object) -> Responsibility:
    if not isinstance(value, Responsibility):
        fail(owner, field, value, "a Responsibility")
    return value


def _responsibilities_validator(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    tuple_of(_check_responsibility)(instance, attribute, value)
    seen: set[Duty] = set()
    for index, responsibility in enumerate(cast("tuple[Responsibility, ...]", value)):
        if responsibility.duty in seen:
            fail(
                instance,
                f"{attribute.name}[{index}].duty",
                responsibility.duty.value,
                "each duty at most once per role",
            )
        seen.add(responsibility.duty)


def _career_validator(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(check_key)(instance, attribute, value)
    keys = cast("tuple[str, ...]", value)  # checked just above
    for index, key in enumerate(keys):
        if key == instance.key:
            fail(instance, f"{attribute.name}[{index}]", key, "another role's key (not its own)")
        if key in keys[:index]:
            fail(instance, f"{attribute.name}[{index}]", key, "each role key at most once")


def _reports_to_validator(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    check_key(instance, attribute.name, value)
    if value == instance.key:
        fail(instance, attribute.name, value, "another role's key (not its own)")


@attrs.frozen(kw_only=True)
class Role:
    """A kind of customer-service job: what it does, is measured by and may decide.

    Attributes:
        key: Stable snake_case identifier, e.g. ``"customer_service_manager"``.
        level: Its place in the hierarchy.
        focus: What its work is about.
        titles: The canonical title in each language (at least one). Stored as
            an immutable, hashable mapping that compares equal to a ``dict``.
        alternative_titles: Other titles of the same job, per language.
        responsibilities: Its duties with their RACI letters, each duty once.
        channels: The channels it works.
        directions: Whether it takes inbound contacts, makes outbound ones, or both.
        metrics: The metrics it is measured by.
        authority: What it may decide alone (default: nothing).
        career_paths: Keys of the roles it typically leads to.
        reports_to: Key of the role it typically reports to, if any.
        industries: Industries where it is typical (empty: any).
        tier: Support tier (1 first line, 2 second line ...), if it works one.
        daily_quota: Contacts it must handle a day, if the company sets a number.
        skills: Skills it needs (:class:`Skill`; ``kind:name`` text is accepted).
        certifications: Professional certifications that help, by name.
        entry_level: Whether it is open to newcomers (a high-school diploma).
        remote_possible: Whether it can be done remotely.
        pay: Pay as quoted by a salary survey, if known.

    >>> from csroles import Channel, Focus, Language, Level, Role
    >>> role = Role(
    ...     key="chat_agent",
    ...     level=Level.INDIVIDUAL,
    ...     focus=Focus.SERVICE,
    ...     titles={Language.EN: "Chat Agent"},
    ...     channels=[Channel.CHAT],
    ... )
    >>> role.titles[Language.EN], role.channels
    ('Chat Agent', frozenset({<Channel.CHAT: 'chat'>}))
    >>> Role(key="Chat Agent", level=Level.INDIVIDUAL, focus=Focus.SERVICE, titles={})
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Role.key: 'Chat Agent', expected a snake_case key such as 'customer_service_manager'

    .. versionadded:: 0.1.0
    """

    key: str = attrs.field(validator=validator(check_key))
    level: Level = attrs.field(validator=member_of(Level))
    focus: Focus = attrs.field(validator=member_of(Focus))
    titles: Mapping[Language, str] = attrs.field(
        converter=_by_language, validator=_titles_validator
    )
    alternative_titles: Mapping[Language, tuple[str, ...]] = attrs.field(
        factory=dict, converter=_alternatives, validator=_alternative_titles_validator
    )
    responsibilities: tuple[Responsibility, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_responsibilities_validator
    )
    channels: frozenset[Channel] = attrs.field(
        default=frozenset(), converter=to_frozenset, validator=frozenset_of(enum_check(Channel))
    )
    directions: frozenset[Direction] = attrs.field(
        default=frozenset(Direction),
        converter=to_frozenset,
        validator=frozenset_of(enum_check(Direction)),
    )
    metrics: frozenset[Metric] = attrs.field(
        default=frozenset(), converter=to_frozenset, validator=frozenset_of(enum_check(Metric))
    )
    authority: Authority = attrs.field(factory=Authority, validator=_instance_of(Authority))
    career_paths: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_career_validator
    )
    reports_to: str | None = attrs.field(default=None, validator=_reports_to_validator)
    industries: frozenset[Industry] = attrs.field(
        default=frozenset(), converter=to_frozenset, validator=frozenset_of(enum_check(Industry))
    )
    tier: int | None = attrs.field(default=None, validator=optional_validator(check_positive_int))
    daily_quota: int | None = attrs.field(
        default=None, validator=optional_validator(check_positive_int)
    )
    skills: frozenset[Skill] = attrs.field(
        default=frozenset(), converter=_to_skills, validator=_skills_validator
    )
    certifications: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(check_identifier)
    )
    entry_level: bool = attrs.field(default=False, validator=validator(check_flag))
    remote_possible: bool = attrs.field(default=False, validator=validator(check_flag))
    pay: Pay | None = attrs.field(default=None, validator=_instance_of(Pay, optional=True))

    @property
    def duties(self) -> frozenset[Duty]:
        """Every duty the role has a part in, whatever its letter."""
        return frozenset(r.duty for r in self.responsibilities)

    @property
    def topics(self) -> frozenset[Topic]:
        """The topics of the duties it owns (responsible or accountable), which it may handle."""
        return frozenset(t for r in self.responsibilities if r.raci.owns for t in r.topics)

    def responsibility(self, duty: Duty) -> Responsibility | None:
        """Its responsibility for ``duty``, or None if it has no part in it.

        >>> from csroles import Duty, default_catalog
        >>> csr = default_catalog().get("customer_service_representative")
        >>> csr.responsibility(Duty.HANDLE_RETURNS).raci
        <Raci.RESPONSIBLE: 'responsible'>
        >>> csr.responsibility(Duty.HIRE) is None
        True
        """
        for responsibility in self.responsibilities:
            if responsibility.duty == duty:
                return responsibility
        return None
