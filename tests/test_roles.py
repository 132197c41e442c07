"""Roles, responsibilities, authority and requests: the entities and their rules."""

import contextlib
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import (
    Action,
    Authority,
    Channel,
    Direction,
    Duty,
    Focus,
    InvalidEntityError,
    Language,
    Level,
    Pay,
    Raci,
    Request,
    Responsibility,
    Role,
    Skill,
    SkillKind,
    Topic,
    _validation,
    default_catalog,
    make_converter,
)
from csroles.strategies import authorities, catalogs, requests, responsibilities, roles, skills

EN, IT, RU = Language.EN, Language.IT, Language.RU


def make_role(**changes: Any) -> Role:
    fields: dict[str, Any] = {
        "key": "returns_agent",
        "level": Level.INDIVIDUAL,
        "focus": Focus.SERVICE,
        "titles": {EN: "Returns Agent"},
    }
    fields.update(changes)
    return Role(**fields)


# ---------------------------------------------------------------- vocabularies


def test_every_topic_is_covered_by_some_duty() -> None:
    covered = set().union(*(duty.topics for duty in Duty))
    assert covered == set(Topic)


@pytest.mark.parametrize(
    ("duty", "topics"),
    [
        (Duty.ANSWER_PRODUCT_QUESTIONS, {Topic.QUESTION}),
        (Duty.TAKE_ORDERS, {Topic.ORDER}),
        (Duty.HANDLE_RETURNS, {Topic.RETURN}),
        (Duty.HANDLE_COMPLAINTS, {Topic.COMPLAINT}),
        (Duty.DIAGNOSE_TECHNICAL_PROBLEMS, {Topic.TECHNICAL_PROBLEM}),
        (Duty.ONBOARD_CLIENTS, {Topic.ONBOARDING}),
        (Duty.MANAGE_PORTFOLIO, {Topic.ACCOUNT_REVIEW}),
        (Duty.PROACTIVE_OUTREACH, {Topic.SALES}),
        (Duty.FOLLOW_UP, {Topic.FEEDBACK}),
        (Duty.HIRE, set()),
        (Duty.WRITE_REPORTS, set()),
        (Duty.MAINTAIN_KNOWLEDGE_BASE, set()),
        (Duty.DESIGN_CX_STRATEGY, set()),
    ],
)
def test_duty_topics(duty: Duty, topics: set[Topic]) -> None:
    assert duty.topics == topics


def test_the_issue_names_these_duties() -> None:
    named = {
        "answer_product_questions",
        "take_orders",
        "handle_returns",
        "handle_complaints",
        "proactive_outreach",
        "follow_up",
        "diagnose_technical_problems",
        "write_reports",
        "maintain_knowledge_base",
        "hire",
        "train_and_coach",
        "onboard_clients",
        "manage_portfolio",
        "design_cx_strategy",
        "represent_customers_internally",
        "handle_escalations",
    }
    assert named <= {duty.value for duty in Duty}


def test_raci_letters_and_ownership() -> None:
    assert [r.letter for r in Raci] == ["R", "A", "C", "I"]
    assert [r for r in Raci if r.owns] == [Raci.RESPONSIBLE, Raci.ACCOUNTABLE]


def test_monetary_actions() -> None:
    assert {a for a in Action if a.is_monetary} == {Action.REFUND, Action.CREDIT}


# ---------------------------------------------------------------- responsibility


def test_responsibility_defaults_to_responsible_and_the_duty_topics() -> None:
    r = Responsibility(duty=Duty.TAKE_ORDERS)
    assert r.raci is Raci.RESPONSIBLE
    assert r.topics == frozenset({Topic.ORDER})


def test_responsibility_topics_can_be_given() -> None:
    r = Responsibility(duty=Duty.TAKE_ORDERS, topics=[Topic.BILLING, Topic.ORDER])
    assert r.topics == frozenset({Topic.BILLING, Topic.ORDER})
    assert Responsibility(duty=Duty.HIRE, topics=()).topics == frozenset()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"duty": "juggle"}, "Responsibility.duty: 'juggle', expected a Duty"),
        ({"duty": ["x"]}, r"Responsibility.duty: \['x'\], expected a Duty"),
        ({"raci": "R"}, "Responsibility.raci: 'R', expected a Raci"),
        ({"topics": "order"}, "Responsibility.topics: 'order', expected a set, list or tuple"),
        ({"topics": 3}, "Responsibility.topics: 3, expected a set, list or tuple"),
        ({"topics": ["weather"]}, "Responsibility.topics: 'weather', expected a Topic"),
        ({"topics": [[1]]}, r"Responsibility.topics\[0\]: \[1\], expected a Topic"),
    ],
)
def test_responsibility_refuses_bad_fields(changes: dict[str, Any], message: str) -> None:
    fields: dict[str, Any] = {"duty": Duty.TAKE_ORDERS, **changes}
    with pytest.raises(InvalidEntityError, match=message):
        Responsibility(**fields)


# ---------------------------------------------------------------- request


def test_request_builders() -> None:
    assert Request.refund(25, "EUR") == Request(
        action=Action.REFUND, amount=Decimal(25), currency="EUR"
    )
    assert Request.credit(Decimal("9.99"), "USD").amount == Decimal("9.99")
    assert Request.policy_exception().action is Action.POLICY_EXCEPTION
    assert Request.priority_change().action is Action.PRIORITY_CHANGE
    assert Request.hire().action is Action.HIRE
    assert Request.hire().amount is None


def test_request_describe() -> None:
    assert Request.refund(Decimal("25.50"), "EUR").describe() == "a refund of 25.50 EUR"
    assert Request.policy_exception().describe() == "a policy exception"
    assert Request.priority_change().describe() == "a priority change"
    assert Request.hire().describe() == "a hire"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action": "embezzle"}, "Request.action: 'embezzle', expected an Action"),
        ({"action": Action.REFUND, "currency": "EUR"}, "Request.amount: None, expected a positive"),
        (
            {"action": Action.REFUND, "amount": 0, "currency": "EUR"},
            r"Request.amount: Decimal\('0'\), expected a positive amount for a refund",
        ),
        (
            {"action": Action.CREDIT, "amount": -5, "currency": "EUR"},
            r"Request.amount: Decimal\('-5'\), expected a Decimal of zero or more",
        ),
        (
            {"action": Action.CREDIT, "amount": 2.5, "currency": "EUR"},
            "Request.amount: 2.5, expected a Decimal of zero or more .floats are inexact.",
        ),
        (
            {"action": Action.CREDIT, "amount": Decimal("Infinity"), "currency": "EUR"},
            "expected a finite Decimal",
        ),
        (
            {"action": Action.CREDIT, "amount": Decimal("NaN"), "currency": "EUR"},
            "Request.amount: Decimal",
        ),
        ({"action": Action.CREDIT, "amount": True, "currency": "EUR"}, "Request.amount: True"),
        ({"action": Action.REFUND, "amount": 5}, "Request.currency: None, expected an ISO 4217"),
        (
            {"action": Action.REFUND, "amount": 5, "currency": "eur"},
            "Request.currency: 'eur', expected an ISO 4217 currency code",
        ),
        ({"action": Action.HIRE, "amount": 5}, "Request.amount: Decimal.'5'., expected None"),
        ({"action": Action.HIRE, "currency": "EUR"}, "Request.currency: 'EUR', expected None"),
    ],
)
def test_request_refuses_bad_fields(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        Request(**fields)


# ---------------------------------------------------------------- authority


def test_default_authority_is_none_at_all() -> None:
    # Seed 004: representatives do not make the rules.
    nothing = Authority()
    assert nothing.refund_limit == 0
    assert nothing.currency is None
    assert not nothing.policy_exceptions
    assert not nothing.approve_hires
    assert not nothing.change_priorities
    for request in (
        Request.refund(1, "EUR"),
        Request.credit(1, "USD"),
        Request.policy_exception(),
        Request.hire(),
        Request.priority_change(),
    ):
        assert not nothing.permits(request)


def test_unlimited_authority_permits_everything() -> None:
    everything = Authority.unlimited()
    assert everything.permits(Request.refund(Decimal("1e12"), "JPY"))
    assert everything.explain(Request.refund(3, "EUR")) == (
        "may grant refunds and credits of any amount in any currency"
    )
    for request, words in [
        (Request.policy_exception(), "may make policy exceptions"),
        (Request.hire(), "may approve hires"),
        (Request.priority_change(), "may change priorities"),
    ]:
        assert everything.explain(request) == words


def test_a_limit_in_a_currency() -> None:
    lead = Authority(refund_limit=Decimal("50.00"), currency="EUR")
    assert lead.permits(Request.refund(Decimal("50.00"), "EUR"))
    assert not lead.permits(Request.refund(Decimal("50.01"), "EUR"))
    assert lead.explain(Request.credit(20, "EUR")) == "20 EUR is within its limit of 50.00 EUR"
    assert lead.explain(Request.credit(80, "EUR")) == "80 EUR exceeds its limit of 50.00 EUR"
    assert lead.explain(Request.refund(1, "USD")) == (
        "its refund limit is in EUR, the request is in USD (currencies are not converted)"
    )
    unlimited_eur = Authority(refund_limit=None, currency="EUR")
    assert unlimited_eur.permits(Request.refund(Decimal(10**9), "EUR"))
    assert not unlimited_eur.permits(Request.refund(1, "USD"))
    assert unlimited_eur.explain(Request.refund(1, "EUR")) == (
        "may grant refunds and credits of any amount in EUR"
    )


def test_the_refusals_in_words() -> None:
    nothing = Authority()
    assert nothing.explain(Request.refund(1, "EUR")) == "may not grant refunds or credits"
    assert nothing.explain(Request.policy_exception()) == "may not make policy exceptions"
    assert nothing.explain(Request.hire()) == "may not approve hires"
    assert nothing.explain(Request.priority_change()) == "may not change priorities"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"refund_limit": 5},
            "Authority.currency: None, expected an ISO 4217 code for a refund_limit above zero",
        ),
        ({"refund_limit": -1}, "Authority.refund_limit: Decimal.'-1'., expected a Decimal"),
        ({"refund_limit": 1.5, "currency": "EUR"}, "Authority.refund_limit: 1.5"),
        ({"refund_limit": "10", "currency": "EUR"}, "Authority.refund_limit: '10'"),
        ({"refund_limit": Decimal("NaN")}, "Authority.refund_limit: Decimal.'NaN'."),
        (
            {"refund_limit": Decimal("Infinity")},
            "Authority.refund_limit: Decimal.'Infinity'., expected a finite Decimal",
        ),
        ({"currency": "EURO"}, "Authority.currency: 'EURO', expected an ISO 4217"),
        ({"policy_exceptions": 1}, "Authority.policy_exceptions: 1, expected True or False"),
        ({"approve_hires": "yes"}, "Authority.approve_hires: 'yes', expected True or False"),
        ({"change_priorities": None}, "Authority.change_priorities: None, expected True"),
    ],
)
def test_authority_refuses_bad_fields(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        Authority(**fields)


def test_authority_refuses_what_is_not_a_request() -> None:
    with pytest.raises(InvalidEntityError, match=r"Authority.permits.request: 'refund'"):
        Authority().permits("refund")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match="expected a Request"):
        Authority().explain(None)  # type: ignore[arg-type]


def permits_oracle(authority: Authority, request: Request) -> bool:
    """What the Authority docstring promises, written out case by case."""
    flags = {
        Action.POLICY_EXCEPTION: authority.policy_exceptions,
        Action.HIRE: authority.approve_hires,
        Action.PRIORITY_CHANGE: authority.change_priorities,
    }
    if request.action in flags:
        return flags[request.action]
    assert request.amount is not None
    if authority.refund_limit == 0:
        return False
    if authority.currency is None:  # zero or unlimited, in every currency
        return authority.refund_limit is None
    if authority.currency != request.currency:
        return False
    return authority.refund_limit is None or request.amount <= authority.refund_limit


@given(authorities(), requests())
def test_permits_agrees_with_the_oracle(authority: Authority, request: Request) -> None:
    assert authority.permits(request) is permits_oracle(authority, request)
    words = authority.explain(request)
    refused = words.startswith(("may not", "its refund limit")) or " exceeds " in words
    assert refused is not authority.permits(request)


# ---------------------------------------------------------------- pay


def test_pay_holds_the_seed_002_figures() -> None:
    pay = default_catalog().get("customer_service_representative").pay
    assert pay == Pay(
        currency="USD",
        country="US",
        source="Glassdoor",
        average=Decimal(44_000),
        total=(Decimal(36_000), Decimal(54_000)),
        base=(Decimal(33_000), Decimal(48_000)),
        extra=(Decimal(3_000), Decimal(6_000)),
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"total": (54_000, 36_000)}, r"Pay.total: .*expected a \(low, high\) pair"),
        ({"base": (1,)}, r"Pay.base: \(Decimal\('1'\),\), expected a \(low, high\) pair"),
        ({"extra": 5}, r"Pay.extra: 5, expected a \(low, high\) pair"),
        ({"extra": (1.0, 2.0)}, r"Pay.extra: \(1.0, 2.0\)"),
        ({"country": "USA"}, "Pay.country: 'USA', expected an ISO 3166 country code"),
        ({"currency": "$"}, r"Pay.currency: '\$', expected an ISO 4217"),
        ({"source": " Glassdoor"}, "Pay.source: ' Glassdoor', expected a non-empty string"),
        ({"average": -1}, r"Pay.average: Decimal\('-1'\)"),
    ],
)
def test_pay_refuses_bad_fields(changes: dict[str, Any], message: str) -> None:
    fields: dict[str, Any] = {
        "currency": "USD",
        "country": "US",
        "source": "Glassdoor",
        "average": 44_000,
        "total": (36_000, 54_000),
        "base": (33_000, 48_000),
        "extra": (3_000, 6_000),
        **changes,
    }
    with pytest.raises(InvalidEntityError, match=message):
        Pay(**fields)


# ---------------------------------------------------------------- role


def test_role_defaults() -> None:
    role = make_role()
    assert role.alternative_titles == {}
    assert role.responsibilities == ()
    assert role.channels == frozenset()
    assert role.directions == frozenset(Direction)
    assert role.metrics == frozenset()
    assert role.authority == Authority()
    assert role.career_paths == ()
    assert role.reports_to is None
    assert role.industries == frozenset()
    assert role.tier is None
    assert role.daily_quota is None
    assert role.skills == frozenset()
    assert role.certifications == ()
    assert (role.entry_level, role.remote_possible, role.pay) == (False, False, None)


def test_role_collections_are_immutable_and_hashable() -> None:
    role = make_role(
        titles={RU: "Агент", EN: "Agent"},
        alternative_titles={EN: ["Rep"]},
        responsibilities=[Responsibility(duty=Duty.HANDLE_RETURNS)],
        channels=[Channel.CHAT, Channel.CHAT],
        career_paths=["customer_service_manager"],
    )
    assert isinstance(role.responsibilities, tuple)
    assert role.channels == frozenset({Channel.CHAT})
    assert role.alternative_titles[EN] == ("Rep",)
    assert isinstance(role.titles, Mapping)
    with pytest.raises(TypeError):
        role.titles[IT] = "Agente"  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        role.key = "other"  # type: ignore[misc]
    assert hash(role) == hash(attrs.evolve(role))


def test_titles_compare_as_mappings_whatever_the_order() -> None:
    one = make_role(titles={EN: "Agent", RU: "Агент"})
    two = make_role(titles={RU: "Агент", EN: "Agent"})
    assert one == two
    assert hash(one) == hash(two)
    assert list(one.titles) == [EN, RU] == list(two.titles)
    assert one.titles == {EN: "Agent", RU: "Агент"}
    assert one.titles != {EN: "Agent"}
    not_a_mapping: object = [EN, RU]
    assert one.titles != not_a_mapping
    assert repr(one.titles) == "{<Language.EN: 'en'>: 'Agent', <Language.RU: 'ru'>: 'Агент'}"
    assert EN in one.titles
    assert IT not in one.titles
    unhashable: object = []
    assert unhashable not in one.titles  # an unhashable key is simply absent


def test_role_topics_and_duties() -> None:
    role = make_role(
        responsibilities=[
            Responsibility(duty=Duty.HANDLE_RETURNS),
            Responsibility(duty=Duty.TAKE_ORDERS, raci=Raci.ACCOUNTABLE),
            Responsibility(duty=Duty.HANDLE_COMPLAINTS, raci=Raci.CONSULTED),
            Responsibility(duty=Duty.FOLLOW_UP, raci=Raci.INFORMED),
        ]
    )
    assert role.duties == {
        Duty.HANDLE_RETURNS,
        Duty.TAKE_ORDERS,
        Duty.HANDLE_COMPLAINTS,
        Duty.FOLLOW_UP,
    }
    # What it may handle: only what it owns.
    assert role.topics == {Topic.RETURN, Topic.ORDER}
    responsibility = role.responsibility(Duty.TAKE_ORDERS)
    assert responsibility is not None
    assert responsibility.raci is Raci.ACCOUNTABLE
    assert role.responsibility(Duty.HIRE) is None


BAD_ROLE_FIELDS: list[tuple[dict[str, Any], str]] = [
    ({"key": "Returns Agent"}, "Role.key: 'Returns Agent', expected a snake_case key"),
    ({"key": "returns__agent"}, "Role.key: 'returns__agent'"),
    ({"key": "_agent"}, "Role.key: '_agent'"),
    ({"key": "agent_"}, "Role.key: 'agent_'"),
    ({"key": "2nd_line"}, "Role.key: '2nd_line'"),
    ({"key": ""}, "Role.key: ''"),
    ({"key": None}, "Role.key: None"),
    ({"level": "emperor"}, "Role.level: 'emperor', expected a Level"),
    ({"focus": 1}, "Role.focus: 1, expected a Focus"),
    ({"titles": {}}, r"Role.titles: \{\}, expected a non-empty mapping of Language to title"),
    ({"titles": ["Agent"]}, r"Role.titles: \['Agent'\], expected a non-empty mapping"),
    ({"titles": {"fr": "Agent"}}, "Role.titles key: 'fr', expected a Language"),
    ({"titles": {EN: " Agent"}}, r"Role.titles\[en\]: ' Agent', expected a non-empty title"),
    ({"titles": {EN: ""}}, r"Role.titles\[en\]: '', expected a non-empty title"),
    ({"titles": {EN: 5}}, r"Role.titles\[en\]: 5"),
    ({"alternative_titles": None}, "Role.alternative_titles: None, expected a mapping"),
    ({"alternative_titles": {EN: "Rep"}}, r"Role.alternative_titles\[en\]: 'Rep', expected a list"),
    ({"alternative_titles": {EN: [""]}}, r"Role.alternative_titles\[en\]\[0\]: ''"),
    ({"alternative_titles": {1: ["x"]}}, "Role.alternative_titles key: 1, expected a Language"),
    ({"responsibilities": "returns"}, "Role.responsibilities: 'returns', expected a list"),
    (
        {"responsibilities": [Duty.HANDLE_RETURNS]},
        r"Role.responsibilities\[0\]: .*a Responsibility",
    ),
    (
        {
            "responsibilities": [
                Responsibility(duty=Duty.HIRE),
                Responsibility(duty=Duty.HIRE, raci=Raci.ACCOUNTABLE),
            ]
        },
        r"Role.responsibilities\[1\].duty: 'hire', expected each duty at most once per role",
    ),
    ({"channels": "phone"}, "Role.channels: 'phone', expected a set, list or tuple"),
    ({"channels": ["pigeon"]}, "Role.channels: 'pigeon', expected a Channel"),
    ({"directions": [None]}, "Role.directions: None, expected a Direction"),
    ({"metrics": [{}]}, r"Role.metrics\[0\]: \{\}, expected a Metric"),
    ({"authority": None}, "Role.authority: None, expected an Authority"),
    ({"career_paths": "manager"}, "Role.career_paths: 'manager', expected a list or tuple"),
    ({"career_paths": ["Manager"]}, r"Role.career_paths\[0\]: 'Manager', expected a snake_case"),
    ({"career_paths": ["returns_agent"]}, r"Role.career_paths\[0\]: .*not its own"),
    ({"career_paths": ["boss", "boss"]}, r"Role.career_paths\[1\]: 'boss', expected each role"),
    ({"reports_to": "returns_agent"}, "Role.reports_to: 'returns_agent', expected another"),
    ({"reports_to": "The Boss"}, "Role.reports_to: 'The Boss', expected a snake_case key"),
    ({"industries": ["piracy"]}, "Role.industries: 'piracy', expected an Industry"),
    ({"tier": 0}, "Role.tier: 0, expected an int of 1 or more"),
    ({"tier": True}, "Role.tier: True, expected an int of 1 or more"),
    ({"daily_quota": 2.5}, "Role.daily_quota: 2.5, expected an int of 1 or more"),
    ({"skills": ["tecnical:crm"]}, r"Role.skills: 'tecnical:crm', expected a Skill or its text"),
    ({"skills": ["business:"]}, r"Role.skills: 'business:', expected a Skill"),
    ({"skills": [" crm"]}, r"Role.skills: ' crm', expected a Skill"),
    ({"skills": [3]}, r"Role.skills: 3, expected a Skill"),
    ({"skills": [["crm"]]}, r"Role.skills\[0\]: \['crm'\], expected a Skill"),
    ({"skills": "crm"}, r"Role.skills: 'crm'"),
    ({"certifications": [""]}, r"Role.certifications\[0\]: '', expected a non-empty string"),
    ({"entry_level": "yes"}, "Role.entry_level: 'yes', expected True or False"),
    ({"remote_possible": 0}, "Role.remote_possible: 0, expected True or False"),
    ({"pay": 44_000}, "Role.pay: 44000, expected a Pay or None"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_ROLE_FIELDS)
def test_role_refuses_bad_fields(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        make_role(**changes)


def test_every_role_field_has_a_bad_input_test() -> None:
    tested = {name for changes, _ in BAD_ROLE_FIELDS for name in changes}
    assert tested == {a.name for a in attrs.fields(Role)}


# ---------------------------------------------------------------- generated roles


@given(roles())
def test_generated_roles_are_valid_and_rebuild_equal(role: Role) -> None:
    rebuilt = Role(**{a.name: getattr(role, a.name) for a in attrs.fields(Role)})
    assert rebuilt == role
    assert hash(rebuilt) == hash(role)
    assert role.topics <= set().union(*(r.topics for r in role.responsibilities))


@given(roles())
def test_roles_round_trip_through_json(role: Role) -> None:
    conv = make_converter()
    document = json.loads(json.dumps(conv.unstructure(role)))
    assert conv.structure(document, Role) == role


@given(st.one_of(authorities(), requests(), responsibilities()))
def test_small_values_round_trip_through_json(value: Authority | Request | Responsibility) -> None:
    conv = make_converter()
    document = json.loads(json.dumps(conv.unstructure(value)))
    assert conv.structure(document, type(value)) == value


def test_frozenset_validator_checks_a_leftover_tuple() -> None:
    # to_frozenset leaves a tuple when an item is unhashable; the validator names
    # the bad item, and refuses the tuple even when its items pass.
    validate = _validation.frozenset_of(_validation.enum_check(Channel))
    field = attrs.fields(Role).channels
    with pytest.raises(InvalidEntityError, match=r"Role.channels\[1\]: \[\]"):
        validate(Role, field, (Channel.CHAT, []))
    with pytest.raises(InvalidEntityError, match="expected a set, list or tuple"):
        validate(Role, field, (Channel.CHAT,))


def test_amounts_travel_as_exact_text() -> None:
    conv = make_converter()
    assert conv.unstructure(Request.refund(Decimal("0.10"), "EUR")) == {
        "action": "refund",
        "amount": "0.10",
        "currency": "EUR",
    }
    assert conv.unstructure(Authority.unlimited())["refund_limit"] is None
    assert conv.structure({"refund_limit": None}, Authority) == Authority(refund_limit=None)
    assert conv.structure({"action": "credit", "amount": 3, "currency": "EUR"}, Request) == (
        Request.credit(3, "EUR")
    )
    assert conv.structure(Decimal("2.50"), Decimal) == Decimal("2.50")
    # A JSON number is taken as the decimal it is written as.
    assert conv.structure({"action": "refund", "amount": 2.5, "currency": "EUR"}, Request) == (
        Request.refund(Decimal("2.5"), "EUR")
    )


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"action": "refund", "amount": "Infinity", "currency": "EUR"}, "amount: 'Infinity'"),
        ({"action": "refund", "amount": " 2", "currency": "EUR"}, "amount: ' 2', expected"),
        ({"action": "refund", "amount": "two", "currency": "EUR"}, "amount: 'two', expected"),
        ({"action": "refund", "amount": "NaN", "currency": "EUR"}, "amount: 'NaN', expected"),
        ({"action": "refund", "amount": -5, "currency": "EUR"}, r"amount: Decimal\('-5'\)"),
        ({"action": "refund", "amount": "1" * 200, "currency": "EUR"}, "amount: '111"),
        ({"action": "refund", "amount": "1e99999999999999999999", "currency": "EUR"}, "amount:"),
    ],
)
def test_bad_amounts_are_refused_when_structuring(document: dict[str, Any], problem: str) -> None:
    with pytest.raises(InvalidEntityError, match=problem):
        make_converter().structure(document, Request)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


def _corrupt_role_documents() -> st.SearchStrategy[dict[str, Any]]:
    base = make_converter().unstructure(default_catalog().get("customer_service_representative"))
    return st.builds(
        lambda key, value: {**base, key: value},
        st.sampled_from([*base, "unknown"]),
        JSON,
    )


@given(st.one_of(JSON, _corrupt_role_documents()))
def test_structuring_junk_raises_only_invalid_entity_error(document: object) -> None:
    conv = make_converter()
    for cls in (Role, Authority, Request, Responsibility, Pay):
        with contextlib.suppress(InvalidEntityError):
            conv.structure(document, cls)


def test_individual_roles_of_the_default_catalog_decide_nothing_alone() -> None:
    # Seed 004: representatives do not make the rules; the company limits what they may do.
    for role in default_catalog():
        if role.level is Level.INDIVIDUAL:
            assert role.authority == Authority(), role.key


def test_from_type_builds_roles_and_catalogs() -> None:
    from hypothesis import settings

    from csroles import Catalog

    @settings(max_examples=10)
    @given(st.from_type(Role), st.from_type(Catalog), st.from_type(Request))
    def check(role: Role, catalog: Catalog, request: Request) -> None:
        assert isinstance(role, Role)
        assert isinstance(catalog, Catalog)
        assert isinstance(request, Request)

    check()


NOT_MEMBERS: list[Any] = ["service"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: roles(levels=[]), "levels=.*expected a non-empty sequence of Level"),
        (lambda: roles(focuses=NOT_MEMBERS), "focuses=.*of Focus members"),
        (lambda: roles(references="boss"), "references='boss', expected a sequence"),
        (lambda: roles(max_responsibilities=-1), "max_responsibilities=-1"),
        (lambda: requests(actions=NOT_MEMBERS), "actions=.*of Action members"),
        (lambda: responsibilities(duties=[]), "duties=.*of Duty members"),
        (lambda: responsibilities(racis=NOT_MEMBERS), "racis=.*of Raci members"),
        (lambda: catalogs(min_roles=3, max_roles=2), "min_roles=3, max_roles=2"),
        (lambda: catalogs(min_roles=-1), "min_roles=-1"),
    ],
)
def test_strategies_refuse_bad_arguments(make: Any, message: str) -> None:
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match=message):
        make()


# ---------------------------------------------------------------- skills


def test_skill_text_form() -> None:
    product = Skill(kind=SkillKind.TECHNICAL, name="product_knowledge")
    assert str(product) == "technical:product_knowledge"
    assert Skill.parse("technical:product_knowledge") == product
    assert Skill.parse("SAP S/4HANA") == Skill(kind=SkillKind.OTHER, name="SAP S/4HANA")
    assert Skill.parse("language:italian") != Skill.parse("italian")
    # Skills sort by kind, then name, so serialized sets come out in one order.
    assert sorted(
        [Skill.parse("other:a"), Skill.parse("business:z"), Skill.parse("business:b")]
    ) == [
        Skill.parse("business:b"),
        Skill.parse("business:z"),
        Skill.parse("other:a"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tecnical:crm", r"Skill.kind: 'tecnical', expected a SkillKind: one of 'business'"),
        ("business:", r"Skill.name: '', expected a non-empty skill name"),
        ("business: empathy", r"Skill.name: ' empathy'"),
        ("", r"Skill.name: ''"),
        ("language:it:formal", r"Skill.name: 'it:formal'"),
        (3, r"Skill.text: 3, expected a skill as text"),
    ],
)
def test_skill_parse_refuses_bad_text(text: Any, message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        Skill.parse(text)


def test_skill_refuses_bad_fields() -> None:
    with pytest.raises(InvalidEntityError, match=r"Skill.kind: 'technician', expected a SkillKind"):
        Skill(kind="technician", name="crm")  # type: ignore[arg-type]
    # A kind's plain value stands for the kind, as for every vocabulary field.
    assert Skill(kind="technical", name="crm").kind is SkillKind.TECHNICAL  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Skill.name: None"):
        Skill(kind=SkillKind.TECHNICAL, name=None)  # type: ignore[arg-type]


@given(skills())
def test_skill_text_and_converter_round_trip(skill: Skill) -> None:
    assert Skill.parse(str(skill)) == skill
    conv = make_converter()
    document = conv.unstructure(skill)
    assert document == {"kind": skill.kind.value, "name": skill.name}
    assert conv.structure(json.loads(json.dumps(document)), Skill) == skill


def test_role_skills_accept_text_and_serialize_as_skills() -> None:
    role = Role(
        key="chat_agent",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={Language.EN: "Chat Agent"},
        skills=["business:empathy", Skill(kind=SkillKind.LANGUAGE, name="italian"), "crm"],
    )
    assert role.skills == {
        Skill(kind=SkillKind.BUSINESS, name="empathy"),
        Skill(kind=SkillKind.LANGUAGE, name="italian"),
        Skill(kind=SkillKind.OTHER, name="crm"),
    }
    conv = make_converter()
    document = conv.unstructure(role)
    assert document["skills"] == [
        {"kind": "business", "name": "empathy"},
        {"kind": "language", "name": "italian"},
        {"kind": "other", "name": "crm"},
    ]
    assert conv.structure(document, Role) == role
    with pytest.raises(InvalidEntityError, match=r"skills"):
        conv.structure({**document, "skills": ["business:empathy"]}, Role)
