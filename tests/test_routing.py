"""Routing: which roles take an interaction first, ranked, with reasons."""

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csroles import (
    Catalog,
    Channel,
    Direction,
    Duty,
    EventKind,
    Focus,
    Interaction,
    InvalidEntityError,
    Language,
    Level,
    Priority,
    Raci,
    Responsibility,
    Role,
    RoutingCandidate,
    RoutingError,
    Skill,
    SkillKind,
    Topic,
    default_catalog,
    levels_for,
    route,
)
from csroles.interactions import Event
from csroles.strategies import catalogs, interactions, skills

OPENED = datetime(2026, 5, 4, 9, tzinfo=UTC)


def contact(
    channel: Channel = Channel.PHONE,
    topic: Topic = Topic.QUESTION,
    priority: Priority = Priority.NORMAL,
    direction: Direction = Direction.INBOUND,
    *,
    raised_to: Priority | None = None,
) -> Interaction:
    events = [Event(kind=EventKind.OPENED, at=OPENED)]
    if raised_to is not None:
        events.append(
            Event(
                kind=EventKind.PRIORITY_CHANGED,
                at=OPENED + timedelta(minutes=5),
                priority=raised_to,
            )
        )
    return Interaction(
        id="T-1",
        customer_id="C-1",
        channel=channel,
        direction=direction,
        topic=topic,
        priority=priority,
        events=events,
    )


def keys(candidates: tuple[RoutingCandidate, ...]) -> list[str]:
    return [c.role.key for c in candidates]


# ---------------------------------------------------------------- examples


def test_a_chat_question_goes_to_the_live_chat_agent() -> None:
    best = route(contact(Channel.CHAT))[0]
    assert best.role.key == "live_chat_agent"
    assert best.rank == 1
    assert (best.duty, best.raci) == (Duty.ANSWER_PRODUCT_QUESTIONS, Raci.RESPONSIBLE)
    assert best.reasons == (
        "works chat",
        "takes inbound contacts",
        "question is within its duty answer_product_questions (responsible)",
        "individual level suits normal priority",
        "first line (tier 1)",
    )


def test_a_phone_question_goes_to_the_call_center_agent() -> None:
    assert keys(route(contact(Channel.PHONE)))[0] == "call_center_agent"


def test_a_technical_problem_goes_to_first_line_before_second() -> None:
    ranked = keys(route(contact(Channel.EMAIL, Topic.TECHNICAL_PROBLEM)))
    assert ranked.index("customer_support_representative") < ranked.index(
        "customer_support_engineer"
    )
    engineer = next(
        c
        for c in route(contact(Channel.EMAIL, Topic.TECHNICAL_PROBLEM))
        if c.role.key == "customer_support_engineer"
    )
    assert engineer.reasons[-1] == "second line (tier 2)"


def test_an_urgent_return_goes_to_the_manager_first() -> None:
    ranked = route(contact(Channel.PHONE, Topic.RETURN, Priority.URGENT))
    assert [(c.rank, c.role.key, c.level_fits) for c in ranked] == [
        (1, "customer_service_manager", True),
        (2, "customer_service_representative", False),
    ]
    assert ranked[0].raci is Raci.ACCOUNTABLE
    assert ranked[1].reasons[3] == (
        "individual level, while urgent priority calls for supervisor or manager"
    )


def test_the_current_priority_counts() -> None:
    raised = route(contact(Channel.PHONE, Topic.RETURN, Priority.LOW, raised_to=Priority.URGENT))
    assert raised[0].role.key == "customer_service_manager"
    assert route(contact(Channel.PHONE, Topic.RETURN, Priority.LOW))[0].role.key == (
        "customer_service_representative"
    )


def test_outbound_sales_call_goes_to_the_telemarketer() -> None:
    best = route(contact(Channel.PHONE, Topic.SALES, direction=Direction.OUTBOUND))[0]
    assert best.role.key == "telemarketer"
    assert best.reasons[1] == "makes outbound contacts"
    inbound = route(contact(Channel.PHONE, Topic.SALES))
    telemarketer = next(c for c in inbound if c.role.key == "telemarketer")
    assert not telemarketer.works_direction
    assert telemarketer.reasons[1] == "does not take inbound contacts"


def test_success_topics_go_to_the_success_team() -> None:
    assert keys(route(contact(Channel.VIDEO, Topic.ONBOARDING))) == [
        "implementation_specialist",
        "customer_success_manager",
    ]
    assert keys(route(contact(Channel.EMAIL, Topic.ACCOUNT_REVIEW)))[0] == "relationship_manager"


def test_a_channel_nobody_specialises_in() -> None:
    # Only the representative works fax (*What is a CSR*); the others still may, via another channel.
    ranked = route(contact(Channel.FAX, Topic.TECHNICAL_PROBLEM))
    assert ranked[0].role.key == "customer_service_representative"
    assert all(not c.works_channel for c in ranked[1:])
    assert ranked[1].reasons[0] == "does not work fax"


def test_levels_for() -> None:
    assert levels_for(Priority.LOW) == (Level.INDIVIDUAL,)
    assert levels_for(Priority.NORMAL) == (Level.INDIVIDUAL,)
    assert levels_for(Priority.HIGH) == (Level.INDIVIDUAL, Level.SUPERVISOR)
    assert levels_for(Priority.URGENT) == (Level.SUPERVISOR, Level.MANAGER)
    # A member's plain value stands for the member; anything else is refused.
    assert levels_for("urgent") == levels_for(Priority.URGENT)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError,
        match=r"levels_for.priority: 'critical', expected a Priority: one of 'low', ",
    ):
        levels_for("critical")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"levels_for.priority: 3, expected a Priority"):
        levels_for(3)  # type: ignore[arg-type]


def test_what_is_a_csr_calls_reach_a_representative_first() -> None:
    # What is a CSR: calls to service companies "sono generalmente instradate per la prima
    # volta a un rappresentante del servizio clienti", who may be "chiamati a gestire i
    # disaccordi o risolvere le controversie tra i clienti e la società madre"; only what is
    # beyond them goes to a manager (test_responsibilities). An ordinary call, whatever it is
    # about, is offered to the individual roles that take inbound calls before any manager.
    catalog = default_catalog()
    service_topics = {Topic.QUESTION, Topic.ORDER, Topic.RETURN, Topic.COMPLAINT, Topic.BILLING}
    for topic in Topic:
        call = contact(Channel.PHONE, topic)
        ranked = [c for c in route(call) if c.works_channel and c.works_direction]
        levels = [c.role.level for c in ranked]
        assert levels[0] is Level.INDIVIDUAL, topic
        assert levels == sorted(levels, key=list(Level).index), topic
        if topic in service_topics:
            assert "customer_service_representative" in keys(tuple(ranked)), topic
    csr = catalog.get("customer_service_representative")
    complaints = csr.responsibility(Duty.HANDLE_COMPLAINTS)
    assert complaints is not None
    assert complaints.raci is Raci.RESPONSIBLE


# ---------------------------------------------------------------- the rules


def rule_key(
    candidate: RoutingCandidate,
    interaction: Interaction,
    catalog: Catalog,
    needed: frozenset[Skill] = frozenset(),
) -> tuple[Any, ...]:
    """The ranking rules of the routing module's documentation, written out again."""
    role = candidate.role
    band = {
        Priority.LOW: [0],
        Priority.NORMAL: [0],
        Priority.HIGH: [0, 1],
        Priority.URGENT: [1, 2],
    }[interaction.current_priority]
    rank = list(Level).index(role.level)
    owned_topics = {
        t
        for r in role.responsibilities
        if r.raci in (Raci.RESPONSIBLE, Raci.ACCOUNTABLE)
        for t in r.topics
    }
    return (
        interaction.channel not in role.channels,
        interaction.direction not in role.directions,
        sum(1 for skill in needed if skill not in role.skills),
        min(abs(rank - b) for b in band),
        candidate.raci is not Raci.RESPONSIBLE,
        role.tier if role.tier is not None else 1,
        len(role.channels),
        len(owned_topics),
        catalog.keys.index(role.key),
    )


def check_routing(
    interaction: Interaction, catalog: Catalog, needed: frozenset[Skill] = frozenset()
) -> None:
    ranked = route(interaction, catalog, skills=needed)
    owners = [m for m in catalog if interaction.topic in m.topics]
    assert sorted(keys(ranked)) == sorted(m.key for m in owners)
    assert [c.rank for c in ranked] == list(range(1, len(ranked) + 1))
    key_of = [rule_key(c, interaction, catalog, needed) for c in ranked]
    assert key_of == sorted(key_of)
    for candidate in ranked:
        role = candidate.role
        responsibility = role.responsibility(candidate.duty)
        assert responsibility is not None
        assert responsibility.raci is candidate.raci
        assert candidate.raci.owns
        assert interaction.topic in responsibility.topics
        if candidate.raci is Raci.ACCOUNTABLE:  # it is responsible for no duty covering the topic
            assert not any(
                r.raci is Raci.RESPONSIBLE and interaction.topic in r.topics
                for r in role.responsibilities
            )
        assert candidate.works_channel is (interaction.channel in role.channels)
        assert candidate.works_direction is (interaction.direction in role.directions)
        assert candidate.level_fits is (role.level in levels_for(interaction.current_priority))
        assert candidate.missing_skills == {s for s in needed if s not in role.skills}
        assert candidate.reasons[2 + bool(needed)] == (
            f"{interaction.topic.value} is within its duty {candidate.duty.value} "
            f"({candidate.raci.value})"
        )
        assert len(candidate.reasons) == 4 + (role.tier is not None) + bool(needed)


def test_routing_is_total_and_sound_on_the_default_catalog() -> None:
    catalog = default_catalog()
    for channel, direction, topic, priority in itertools.product(
        Channel, Direction, Topic, Priority
    ):
        interaction = contact(channel, topic, priority, direction)
        assert route(interaction), (channel, direction, topic, priority)
        check_routing(interaction, catalog)


@settings(max_examples=60)
@given(interactions(max_events=6))
def test_generated_interactions_route_on_the_default_catalog(interaction: Interaction) -> None:
    check_routing(interaction, default_catalog())


@settings(max_examples=80)
@given(catalogs(max_roles=6), interactions(max_events=4))
def test_routing_on_generated_catalogs(catalog: Catalog, interaction: Interaction) -> None:
    if any(interaction.topic in m.topics for m in catalog):
        check_routing(interaction, catalog)
    else:
        with pytest.raises(RoutingError, match=f"topic '{interaction.topic.value}'"):
            route(interaction, catalog)


def test_routing_is_deterministic_and_cached() -> None:
    interaction = contact(Channel.EMAIL, Topic.COMPLAINT, Priority.HIGH)
    first = route(interaction)
    again = route(attrs.evolve(interaction, id="T-2"))
    assert first is again  # same channel, direction, topic and priority: the same answer
    fresh = Catalog(roles=default_catalog().roles)
    assert route(interaction, fresh) == first
    assert route(interaction, fresh) is not first


def test_a_catalog_where_nobody_owns_the_topic() -> None:
    lonely = Role(
        key="recruiter",
        level=Level.MANAGER,
        focus=Focus.LEADERSHIP,
        titles={Language.EN: "Recruiter"},
        responsibilities=[Responsibility(duty=Duty.HIRE, raci=Raci.ACCOUNTABLE)],
    )
    with pytest.raises(RoutingError) as error:
        route(contact(topic=Topic.INSTALLATION), Catalog(roles=[lonely]))
    assert str(error.value) == (
        "no role of the catalog can take a 'installation' interaction: none is responsible "
        "or accountable for a duty covering topic 'installation'"
    )
    assert isinstance(error.value, LookupError)


def test_route_refuses_bad_arguments() -> None:
    with pytest.raises(
        InvalidEntityError, match=r"route.interaction: 'T-1', expected an Interaction"
    ):
        route("T-1")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"route.catalog: \[\], expected a Catalog or None"
    ):
        route(contact(), [])  # type: ignore[arg-type]


@given(st.sampled_from(list(Topic)))
def test_every_topic_has_an_individual_first_at_normal_priority(topic: Topic) -> None:
    # Low and normal priorities go to individual contributors first, on any channel
    # the representative works (all of them).
    best = route(contact(Channel.PHONE, topic))[0]
    assert best.role.level is Level.INDIVIDUAL
    assert best.level_fits


# ---------------------------------------------------------------- skills


@settings(max_examples=80)
@given(catalogs(max_roles=6), interactions(max_events=4), st.frozensets(skills(), max_size=3))
def test_routing_with_skills_on_generated_catalogs(
    catalog: Catalog, interaction: Interaction, needed: frozenset[Skill]
) -> None:
    if any(interaction.topic in m.topics for m in catalog):
        check_routing(interaction, catalog, needed)


def test_skills_put_the_role_that_has_them_first() -> None:
    fault = contact(Channel.PHONE, Topic.TECHNICAL_PROBLEM)
    assert keys(route(fault))[:2] == [
        "customer_support_representative",
        "customer_service_representative",
    ]
    # ServiceNow CSR: empathy is one of the representative's business skills.
    ranked = route(fault, skills=["business:empathy"])
    assert keys(ranked)[:2] == [
        "customer_service_representative",
        "customer_support_representative",
    ]
    assert ranked[0].reasons[2] == "has the skills business:empathy"
    assert ranked[1].reasons[2] == "lacks the skills business:empathy"
    assert ranked[1].missing_skills == {Skill(kind=SkillKind.BUSINESS, name="empathy")}
    # Text and Skill values ask for the same thing; no skills is the plain ranking.
    assert route(fault, skills=[Skill(kind=SkillKind.BUSINESS, name="empathy")]) == ranked
    assert route(fault, skills=[]) == route(fault)


def test_route_refuses_bad_skills() -> None:
    fault = contact(Channel.PHONE, Topic.TECHNICAL_PROBLEM)
    with pytest.raises(
        InvalidEntityError, match=r"route.skills: 'business:empathy', expected a list"
    ):
        route(fault, skills="business:empathy")
    with pytest.raises(InvalidEntityError, match=r"route.skills: 'tecnical:crm', expected a Skill"):
        route(fault, skills=["tecnical:crm"])
    with pytest.raises(InvalidEntityError, match=r"route.skills: 3, expected a Skill"):
        route(fault, skills=[3])  # type: ignore[list-item]
