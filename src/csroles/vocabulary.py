"""The closed vocabularies of csroles, as string enums.

Every member's value is its lowercase name, which is also how it travels as
plain data. Members compare equal to their value, so ``Channel.PHONE ==
"phone"``. The ranked enums (:class:`Priority` and :class:`Level`) are ordered
by rank, not alphabetically:

>>> from csroles import Level, Priority
>>> Priority.URGENT > Priority.HIGH > Priority.NORMAL > Priority.LOW
True
>>> max([Level.MANAGER, Level.EXECUTIVE, Level.INDIVIDUAL])
<Level.EXECUTIVE: 'executive'>
>>> Priority("high")
<Priority.HIGH: 'high'>

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import Self

__all__ = [
    "Channel",
    "Direction",
    "EscalationKind",
    "EscalationReason",
    "EventKind",
    "Focus",
    "Language",
    "Level",
    "Metric",
    "Priority",
    "Topic",
]


class _RankedEnum(enum.StrEnum):
    """A string enum whose members are ordered by their position in the class body."""

    @property
    def rank(self) -> int:
        """The member's position, from 0 for the lowest."""
        return type(self)._member_names_.index(self.name)

    def __lt__(self, other: str) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: str) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: str) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: str) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.rank >= other.rank

    __hash__ = enum.StrEnum.__hash__

    @classmethod
    def ranked(cls) -> tuple[Self, ...]:
        """All members from the lowest rank to the highest."""
        return tuple(cls)


class Channel(enum.StrEnum):
    """A way a customer and the company reach each other.

    >>> from csroles import Channel
    >>> Channel("face_to_face").name
    'FACE_TO_FACE'

    .. versionadded:: 0.1.0
    """

    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    SOCIAL = "social"
    FACE_TO_FACE = "face_to_face"
    FAX = "fax"
    MAIL = "mail"
    VIDEO = "video"
    MESSAGING = "messaging"


class Direction(enum.StrEnum):
    """Who started a contact: the customer (inbound) or the company (outbound).

    >>> from csroles import Direction
    >>> [d.value for d in Direction]
    ['inbound', 'outbound']

    .. versionadded:: 0.1.0
    """

    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Priority(_RankedEnum):
    """The urgency of an interaction, ordered ``LOW < NORMAL < HIGH < URGENT``.

    >>> from csroles import Priority
    >>> sorted([Priority.URGENT, Priority.LOW, Priority.HIGH])
    [<Priority.LOW: 'low'>, <Priority.HIGH: 'high'>, <Priority.URGENT: 'urgent'>]

    .. versionadded:: 0.1.0
    """

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Level(_RankedEnum):
    """A role's place in the hierarchy, ordered from individual contributor to executive.

    >>> from csroles import Level
    >>> Level.SUPERVISOR < Level.MANAGER < Level.DIRECTOR
    True
    >>> Level.MANAGER.rank
    2

    .. versionadded:: 0.1.0
    """

    INDIVIDUAL = "individual"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    DIRECTOR = "director"
    EXECUTIVE = "executive"


class Focus(enum.StrEnum):
    """What a role's work is about (*LiveAgent roles*, *ServiceNow CSR*).

    ``SERVICE`` is tactical help with orders, questions and complaints;
    ``SUPPORT`` is help with a (technical) product; ``SUCCESS`` is the long-term
    value a customer gets; ``EXPERIENCE`` is the design of every touchpoint;
    ``ADVOCACY`` represents customers inside the company; ``LEADERSHIP`` is the
    executive ownership of all of them.

    >>> from csroles import Focus
    >>> Focus.SUCCESS.value
    'success'

    .. versionadded:: 0.1.0
    """

    SERVICE = "service"
    SUPPORT = "support"
    SUCCESS = "success"
    EXPERIENCE = "experience"
    ADVOCACY = "advocacy"
    LEADERSHIP = "leadership"


class Metric(enum.StrEnum):
    """A measure that customer-service work is judged by (*LiveAgent roles*, *ServiceNow CSR*).

    Service roles are measured by first response time, resolution time and
    CSAT; success roles by retention rate, customer lifetime value and NPS.

    >>> from csroles import Metric
    >>> Metric("csat") is Metric.CSAT
    True

    .. versionadded:: 0.1.0
    """

    FIRST_RESPONSE_TIME = "first_response_time"
    NEXT_RESPONSE_TIME = "next_response_time"
    RESOLUTION_TIME = "resolution_time"
    CSAT = "csat"
    NPS = "nps"
    CUSTOMER_EFFORT_SCORE = "customer_effort_score"
    FIRST_CONTACT_RESOLUTION = "first_contact_resolution"
    SLA_COMPLIANCE = "sla_compliance"
    DAILY_QUOTA = "daily_quota"
    RETENTION_RATE = "retention_rate"
    CUSTOMER_LIFETIME_VALUE = "customer_lifetime_value"


class Language(enum.StrEnum):
    """A language csroles understands job titles in.

    >>> from csroles import Language
    >>> [language.value for language in Language]
    ['en', 'it', 'ru']

    .. versionadded:: 0.1.0
    """

    EN = "en"
    IT = "it"
    RU = "ru"


class Topic(enum.StrEnum):
    """What a contact is about (*LiveAgent roles*, *ServiceNow CSR*, *What is a CSR*).

    >>> from csroles import Topic
    >>> Topic.TECHNICAL_PROBLEM.value
    'technical_problem'

    .. versionadded:: 0.1.0
    """

    QUESTION = "question"
    ORDER = "order"
    RETURN = "return"
    COMPLAINT = "complaint"
    BILLING = "billing"
    TECHNICAL_PROBLEM = "technical_problem"
    INSTALLATION = "installation"
    ONBOARDING = "onboarding"
    ACCOUNT_REVIEW = "account_review"
    FEEDBACK = "feedback"
    APPOINTMENT = "appointment"
    SALES = "sales"


class EventKind(enum.StrEnum):
    """What happened on an interaction's timeline.

    The last three kinds record what the escalation rules ask about
    (:func:`~csroles.decide_escalation` reads them); they change neither the
    status nor any SLA clock.

    >>> from csroles import EventKind
    >>> EventKind("waiting_on_customer")
    <EventKind.WAITING_ON_CUSTOMER: 'waiting_on_customer'>

    .. versionadded:: 0.1.0
    """

    OPENED = "opened"
    AGENT_REPLIED = "agent_replied"
    CUSTOMER_REPLIED = "customer_replied"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    WAITING_ON_THIRD_PARTY = "waiting_on_third_party"
    RESUMED = "resumed"
    PRIORITY_CHANGED = "priority_changed"
    ASSIGNED = "assigned"
    TRANSFERRED = "transferred"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    CLOSED = "closed"
    SURVEY_ANSWERED = "survey_answered"
    MANAGER_REQUESTED = "manager_requested"
    """The customer asked to speak to a manager."""
    COMPLAINED = "complained"
    """The customer complained (about the service, the product or the handling)."""
    RESOLUTION_FAILED = "resolution_failed"
    """An attempt to resolve the interaction did not work (the fix failed, the answer did not help)."""


class EscalationKind(enum.StrEnum):
    """The direction of an escalation (*ServiceNow CSR*, *What is a CSR*).

    ``FUNCTIONAL`` goes to more expertise (a support engineer, a product team);
    ``HIERARCHICAL`` goes up the chain of command (a supervisor or manager);
    ``DELEGATION`` is a move down the chart (to more expertise that sits
    lower), which :func:`~csroles.decide_escalation` reports apart.

    >>> from csroles import EscalationKind
    >>> EscalationKind.HIERARCHICAL.value
    'hierarchical'

    .. versionadded:: 0.1.0
    """

    FUNCTIONAL = "functional"
    HIERARCHICAL = "hierarchical"
    DELEGATION = "delegation"
    """A move down the chart, to a report or a lower level; not an escalation, reported apart."""


class EscalationReason(enum.StrEnum):
    """Why an interaction is passed on (*LiveAgent roles*, *What is a CSR*).

    >>> from csroles import EscalationReason
    >>> EscalationReason("sla_risk")
    <EscalationReason.SLA_RISK: 'sla_risk'>

    .. versionadded:: 0.1.0
    """

    AUTHORITY = "authority"
    EXPERTISE = "expertise"
    SLA_RISK = "sla_risk"
    CONFLICT = "conflict"
    CUSTOMER_REQUEST = "customer_request"
    COMPLAINT = "complaint"
