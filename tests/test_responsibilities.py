"""RACI matrix, responsibility findings, authority decisions and career paths."""

import itertools
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csroles import (
    Action,
    Authority,
    AuthorityDecision,
    Catalog,
    Duty,
    FindingCode,
    Focus,
    InvalidEntityError,
    Language,
    Level,
    Raci,
    Request,
    Responsibility,
    ResponsibilityFinding,
    Role,
    UnknownRoleError,
    career_path,
    career_paths_from,
    career_paths_to,
    check_responsibilities,
    default_catalog,
    may_decide,
    raci_matrix,
)
from csroles.strategies import catalogs, requests, roles

R, A, C, I_ = Raci.RESPONSIBLE, Raci.ACCOUNTABLE, Raci.CONSULTED, Raci.INFORMED


def role(key: str, *duties: tuple[Duty, Raci], **changes: Any) -> Role:
    fields: dict[str, Any] = {
        "key": key,
        "level": Level.INDIVIDUAL,
        "focus": Focus.SERVICE,
        "titles": {Language.EN: key.replace("_", " ").title()},
        "responsibilities": [Responsibility(duty=d, raci=r) for d, r in duties],
    }
    fields.update(changes)
    return Role(**fields)


# ---------------------------------------------------------------- RACI matrix


def test_default_matrix_pins_the_seeds() -> None:
    matrix = raci_matrix(default_catalog())
    assert matrix.roles == default_catalog().keys
    # Seed 000: the support manager owns the knowledge base and the support quality.
    assert matrix.accountable(Duty.MAINTAIN_KNOWLEDGE_BASE) == ("customer_support_manager",)
    assert matrix.accountable(Duty.ENSURE_SERVICE_QUALITY) == ("customer_support_manager",)
    # Seed 000: the service manager handles conflicts; the supervisor takes part in hiring.
    assert matrix.accountable(Duty.RESOLVE_CONFLICTS) == ("customer_service_manager",)
    assert matrix.get(Duty.HIRE, "customer_service_supervisor") is R
    # Seed 003: the success manager distributes portfolios.
    assert matrix.accountable(Duty.DISTRIBUTE_PORTFOLIOS) == ("customer_success_manager",)
    # Seed 000: the advocate represents customers; the CCO designs the strategy.
    assert matrix.accountable(Duty.REPRESENT_CUSTOMERS_INTERNALLY) == ("customer_advocate",)
    assert matrix.accountable(Duty.DESIGN_CX_STRATEGY) == ("chief_customer_officer",)
    assert matrix.get(Duty.HIRE, "telemarketer") is None
    assert matrix.get(Duty.TRAIN_AND_COACH, "nobody") is None


def test_every_duty_of_the_default_catalog_has_one_accountable_role() -> None:
    matrix = raci_matrix(default_catalog())
    assert set(matrix.duties) == set(Duty)
    for duty in Duty:
        assert len(matrix.accountable(duty)) == 1, duty


def test_matrix_of_plain_roles_and_unused_duties() -> None:
    matrix = raci_matrix([role("a", (Duty.HIRE, A)), role("b", (Duty.HIRE, C))])
    assert matrix.duties == (Duty.HIRE,)
    assert matrix.with_letter(Duty.HIRE, C) == ("b",)
    assert matrix.responsible(Duty.TAKE_ORDERS) == ()
    assert matrix.get(Duty.TAKE_ORDERS, "a") is None


def test_matrix_as_markdown() -> None:
    text = raci_matrix([role("a", (Duty.HIRE, A)), role("b", (Duty.HIRE, R))]).to_markdown()
    assert text == (
        "| duty | responsible | accountable | consulted | informed |\n"
        "|---|---|---|---|---|\n"
        "| `hire` | `b` | `a` |  |  |\n"
    )


@settings(max_examples=50)
@given(catalogs(max_roles=5))
def test_matrix_agrees_with_the_roles(catalog: Catalog) -> None:
    matrix = raci_matrix(catalog)
    for duty in Duty:
        for member in catalog:
            held = [r.raci for r in member.responsibilities if r.duty is duty]
            assert matrix.get(duty, member.key) is (held[0] if held else None)
        letters = [matrix.get(duty, k) for k in catalog.keys]
        assert (duty in matrix.duties) is any(letters)


@pytest.mark.parametrize("bad", [5, "roles", {"a": 1}, None])
def test_matrix_refuses_what_is_not_roles(bad: object) -> None:
    with pytest.raises(
        InvalidEntityError, match=r"raci_matrix.roles: .*expected a Catalog or an iterable of Role"
    ):
        raci_matrix(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"check_responsibilities.roles"):
        check_responsibilities(bad)  # type: ignore[arg-type]


def test_matrix_queries_refuse_bad_arguments() -> None:
    matrix = raci_matrix(default_catalog())
    with pytest.raises(InvalidEntityError, match=r"RaciMatrix.get.duty: \[\], expected a Duty"):
        matrix.get([], "telemarketer")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"RaciMatrix.get.role: 3, expected a role key"):
        matrix.get(Duty.HIRE, 3)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"RaciMatrix.with_letter.duty: 'juggle'"):
        matrix.responsible("juggle")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidEntityError, match=r"RaciMatrix.with_letter.raci: 'R', expected a Raci: one of"
    ):
        matrix.with_letter(Duty.HIRE, "R")  # type: ignore[arg-type]


def test_matrix_queries_take_plain_values_for_members() -> None:
    matrix = raci_matrix(default_catalog())
    for duty in Duty:
        assert matrix.responsible(duty.value) == matrix.responsible(duty)  # type: ignore[arg-type]
        for raci in Raci:
            assert matrix.with_letter(duty.value, raci.value) == matrix.with_letter(duty, raci)  # type: ignore[arg-type]
        assert matrix.get(duty.value, "telemarketer") == matrix.get(duty, "telemarketer")  # type: ignore[arg-type]


def test_matrix_refuses_a_non_role_item_and_repeated_keys() -> None:
    with pytest.raises(InvalidEntityError, match=r"raci_matrix.roles\[1\]: 'b', expected a Role"):
        raci_matrix([role("a"), "b"])  # type: ignore[list-item]
    with pytest.raises(InvalidEntityError, match=r"check_responsibilities.roles\[1\].key: 'a'"):
        check_responsibilities([role("a"), role("a", (Duty.HIRE, A))])


# ---------------------------------------------------------------- findings


def test_the_default_catalog_has_no_findings() -> None:
    assert check_responsibilities(default_catalog()) == ()


def test_each_finding() -> None:
    roles_ = [
        role("picker", (Duty.TAKE_ORDERS, R), (Duty.HANDLE_RETURNS, R)),
        role("lead", (Duty.HANDLE_RETURNS, A), (Duty.HIRE, A)),
        role("boss", (Duty.HIRE, A), level=Level.MANAGER),
        role("greeter"),
        role("packer", (Duty.TAKE_ORDERS, R), (Duty.HANDLE_RETURNS, R)),
    ]
    findings = check_responsibilities(roles_)
    assert findings == (
        ResponsibilityFinding(
            code=FindingCode.NO_ACCOUNTABLE,
            subject="take_orders",
            related=("picker", "packer"),
            message="no role is accountable for duty 'take_orders' (responsible: picker, packer)",
        ),
        ResponsibilityFinding(
            code=FindingCode.SEVERAL_ACCOUNTABLE,
            subject="hire",
            related=("lead", "boss"),
            message="2 roles are accountable for duty 'hire': lead, boss; one should be",
        ),
        ResponsibilityFinding(
            code=FindingCode.ROLE_WITHOUT_DUTIES,
            subject="greeter",
            message="role 'greeter' has no duties",
        ),
        ResponsibilityFinding(
            code=FindingCode.INDISTINCT_ROLES,
            subject="packer",
            related=("picker",),
            message="roles 'picker' and 'packer' have different titles but the same level "
            "(individual) and the same duties: their titles do not say who is responsible for what",
        ),
    )


def test_no_accountable_without_responsible_either() -> None:
    (finding,) = check_responsibilities([role("a", (Duty.HIRE, C))])
    assert finding.message == "no role is accountable for duty 'hire'"
    assert finding.related == ()


def test_same_duties_but_other_level_or_letters_are_distinct() -> None:
    assert check_responsibilities(
        [
            role("a", (Duty.HIRE, A)),
            role("b", (Duty.HIRE, A), level=Level.MANAGER),
        ]
    ) == (
        ResponsibilityFinding(
            code=FindingCode.SEVERAL_ACCOUNTABLE,
            subject="hire",
            related=("a", "b"),
            message="2 roles are accountable for duty 'hire': a, b; one should be",
        ),
    )
    assert check_responsibilities([role("a", (Duty.HIRE, A)), role("b", (Duty.HIRE, R))]) == ()


def test_an_indistinct_role_is_found_behind_a_copy() -> None:
    first = role("a", (Duty.HIRE, A))
    other = attrs.evolve(first, key="b", titles={Language.EN: "Other"})
    copy = attrs.evolve(first, key="c")
    found = [(f.subject, f.related) for f in check_responsibilities([first, other, copy])]
    assert ("c", ("b",)) in found


def test_same_titles_are_not_an_indistinct_pair() -> None:
    # Two copies of one role under two keys: a catalog would refuse the titles.
    one = role("a", (Duty.HIRE, A))
    two = attrs.evolve(one, key="b")
    codes = [f.code for f in check_responsibilities([one, two])]
    assert FindingCode.INDISTINCT_ROLES not in codes


def findings_oracle(members: list[Role]) -> set[tuple[str, str]]:
    """The four rules, written out independently."""
    found: set[tuple[str, str]] = set()
    for duty in Duty:
        letters = [r.raci for m in members for r in m.responsibilities if r.duty is duty]
        if letters and letters.count(A) == 0:
            found.add(("no_accountable", duty.value))
        if letters.count(A) > 1:
            found.add(("several_accountable", duty.value))
    for index, member in enumerate(members):
        if not member.responsibilities:
            found.add(("role_without_duties", member.key))
            continue
        shape = {(r.duty, r.raci) for r in member.responsibilities}
        for earlier in members[:index]:
            if (
                earlier.level == member.level
                and {(r.duty, r.raci) for r in earlier.responsibilities} == shape
                and earlier.titles != member.titles
            ):
                found.add(("indistinct_roles", member.key))
    return found


@given(st.lists(roles(max_responsibilities=3), max_size=5, unique_by=lambda r: r.key))
def test_findings_agree_with_the_oracle(members: list[Role]) -> None:
    found = {(f.code.value, f.subject) for f in check_responsibilities(members)}
    assert found == findings_oracle(members)


PLANTS = ["no_accountable", "several_accountable", "role_without_duties", "indistinct_roles"]


def plant(catalog: Catalog, defect: str, data: st.DataObject) -> tuple[list[Role], str]:
    """Plant ``defect`` in the roles of ``catalog``; return the roles and the finding's subject."""
    members = list(catalog)
    if defect == "no_accountable":
        duty = data.draw(st.sampled_from(list(Duty)))
        members = [
            attrs.evolve(m, responsibilities=[r for r in m.responsibilities if r.duty is not duty])
            for m in members
        ]
        members.append(role("planted_worker", (duty, R)))
        return members, duty.value
    if defect == "several_accountable":
        duty = data.draw(st.sampled_from(list(Duty)))
        members.append(role("planted_boss_one", (duty, A)))
        members.append(role("planted_boss_two", (duty, A)))
        return members, duty.value
    if defect == "role_without_duties":
        members.insert(data.draw(st.integers(0, len(members))), role("planted_idle"))
        return members, "planted_idle"
    model = role("planted_model", (Duty.FOLLOW_UP, I_), (Duty.WRITE_REPORTS, C))
    twin = attrs.evolve(model, key="planted_twin", titles={Language.IT: "Gemello"})
    members += [model, twin]
    return members, "planted_twin"


@settings(max_examples=60)
@given(catalogs(max_roles=4), st.sampled_from(PLANTS), st.data())
def test_every_planted_defect_is_found(catalog: Catalog, defect: str, data: st.DataObject) -> None:
    members, subject = plant(catalog, defect, data)
    found = {(f.code.value, f.subject) for f in check_responsibilities(members)}
    assert (defect, subject) in found


# ---------------------------------------------------------------- authority


def test_representatives_may_decide_nothing_alone() -> None:
    # Seed 004: representatives do not make the rules; beyond their authority, a manager.
    for key in ("customer_service_representative", "call_center_agent", "telemarketer"):
        for request in (Request.refund(1, "EUR"), Request.policy_exception(), Request.hire()):
            decision = may_decide(key, request)
            assert not decision.allowed
            assert decision.lowest_level is Level.MANAGER
            assert decision.deciders[0] == "customer_service_manager"


def test_a_refusal_names_the_lowest_level() -> None:
    decision = may_decide("customer_service_representative", Request.policy_exception())
    assert decision == AuthorityDecision(
        role="customer_service_representative",
        request=Request.policy_exception(),
        allowed=False,
        reason="customer_service_representative may not make policy exceptions; the lowest "
        "level that may is manager (customer_service_manager, customer_support_manager, ...)",
        lowest_level=Level.MANAGER,
        deciders=(
            "customer_service_manager",
            "customer_support_manager",
            "customer_success_manager",
            "customer_experience_manager",
            "call_center_manager",
        ),
    )


def test_supervisors_may_change_priorities() -> None:
    decision = may_decide("customer_service_supervisor", Request.priority_change())
    assert decision.allowed
    assert decision.reason == "customer_service_supervisor may change priorities"
    assert decision.lowest_level is Level.SUPERVISOR
    assert decision.deciders == ("customer_service_supervisor",)
    agent = may_decide("call_center_agent", Request.priority_change())
    assert not agent.allowed
    assert agent.reason.endswith(
        "the lowest level that may is supervisor (customer_service_supervisor)"
    )


def test_managers_may_decide_everything() -> None:
    for request in (
        Request.refund(Decimal("999.99"), "EUR"),
        Request.credit(5, "JPY"),
        Request.policy_exception(),
        Request.hire(),
        Request.priority_change(),
    ):
        assert may_decide("call_center_manager", request).allowed


def limited_catalog() -> Catalog:
    base = default_catalog()
    return base.replace(
        attrs.evolve(
            base.get("customer_service_supervisor"),
            authority=Authority(refund_limit=Decimal(50), currency="EUR"),
        ),
        attrs.evolve(
            base.get("customer_service_manager"),
            authority=Authority(refund_limit=Decimal(500), currency="EUR"),
        ),
    )


def test_configured_limits() -> None:
    catalog = limited_catalog()
    small = may_decide(
        "customer_service_representative", Request.refund(30, "EUR"), catalog=catalog
    )
    assert small.lowest_level is Level.SUPERVISOR
    assert small.deciders == ("customer_service_supervisor",)
    assert may_decide(
        "customer_service_supervisor", Request.refund(30, "EUR"), catalog=catalog
    ).reason == ("customer_service_supervisor 30 EUR is within its limit of 50 EUR")
    large = may_decide("customer_service_supervisor", Request.refund(300, "EUR"), catalog=catalog)
    assert not large.allowed
    assert large.reason.startswith(
        "customer_service_supervisor 300 EUR exceeds its limit of 50 EUR"
    )
    assert large.lowest_level is Level.MANAGER
    assert "customer_service_manager" in large.deciders
    dollars = may_decide("customer_service_supervisor", Request.refund(30, "USD"), catalog=catalog)
    assert "its refund limit is in EUR, the request is in USD" in dollars.reason
    assert dollars.lowest_level is Level.MANAGER
    assert "customer_service_manager" not in dollars.deciders


def test_when_nobody_may() -> None:
    catalog = Catalog(roles=[role("solo", (Duty.HIRE, A))])
    decision = may_decide("solo", Request.hire(), catalog=catalog)
    assert not decision.allowed
    assert decision.lowest_level is None
    assert decision.deciders == ()
    assert (
        decision.reason
        == "solo may not approve hires; no role of the catalog may decide a hire alone"
    )


def test_a_role_outside_the_catalog() -> None:
    outsider = role("auditor", authority=Authority.unlimited())
    decision = may_decide(outsider, Request.refund(10, "EUR"))
    assert decision.allowed
    assert decision.role == "auditor"
    assert decision.lowest_level is Level.MANAGER


def test_may_decide_refuses_bad_arguments() -> None:
    with pytest.raises(UnknownRoleError, match="'ceo'"):
        may_decide("ceo", Request.hire())
    with pytest.raises(
        InvalidEntityError, match=r"may_decide.role: 5, expected a Role or a role key"
    ):
        may_decide(5, Request.hire())  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"may_decide.request: 'hire', expected a Request"):
        may_decide("telemarketer", "hire")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"may_decide.catalog: 1, expected a Catalog"):
        may_decide("telemarketer", Request.hire(), catalog=1)  # type: ignore[arg-type]


@settings(max_examples=80)
@given(catalogs(max_roles=5), requests(), st.data())
def test_may_decide_agrees_with_a_brute_force_oracle(
    catalog: Catalog, request: Request, data: st.DataObject
) -> None:
    asked = data.draw(st.sampled_from(catalog.roles))
    decision = may_decide(asked.key, request, catalog=catalog)
    assert decision.allowed is asked.authority.permits(request)
    able = [m for m in catalog if m.authority.permits(request)]
    if not able:
        assert (decision.lowest_level, decision.deciders) == (None, ())
    else:
        lowest = min(m.level for m in able)
        assert decision.lowest_level is lowest
        assert decision.deciders == tuple(m.key for m in able if m.level is lowest)
    # Asking again gives the same decision (cached answers included).
    assert may_decide(asked, request, catalog=catalog) == decision


def test_actions_cover_the_issue() -> None:
    assert {a.value for a in Action} == {
        "refund",
        "credit",
        "policy_exception",
        "priority_change",
        "hire",
    }


# ---------------------------------------------------------------- careers


def keys(found: tuple[Role, ...]) -> list[str]:
    return [r.key for r in found]


def test_careers_of_seed_002() -> None:
    assert keys(career_paths_from("call_center_agent")) == [
        "customer_service_representative",
        "customer_service_manager",
        "customer_service_supervisor",
        "customer_support_engineer",
    ]
    assert keys(career_paths_from("customer_service_representative")) == [
        "customer_service_manager",
        "customer_service_supervisor",
        "customer_support_engineer",
    ]
    assert career_paths_from("chief_customer_officer") == ()
    assert keys(career_path("call_center_agent", "customer_support_engineer")) == [
        "call_center_agent",
        "customer_service_representative",
        "customer_support_engineer",
    ]
    assert keys(career_path("customer_support_engineer", "customer_service_supervisor")) == [
        "customer_support_engineer",
        "customer_service_representative",
        "customer_service_supervisor",
    ]
    assert career_path("customer_service_manager", "call_center_agent") == ()
    # The representative and the engineer lead to each other: the walk does not loop.
    assert career_path("customer_service_representative", "call_center_agent") == ()
    csr = default_catalog().get("customer_service_representative")
    assert career_path(csr, csr) == (csr,)


def test_career_functions_refuse_bad_arguments() -> None:
    with pytest.raises(UnknownRoleError, match="'ceo'"):
        career_paths_from("ceo")
    with pytest.raises(UnknownRoleError, match="'ceo'"):
        career_path("call_center_agent", "ceo")
    with pytest.raises(InvalidEntityError, match=r"career_paths_from.role: 3, expected a Role"):
        career_paths_from(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"career_path.catalog: 'x', expected a Catalog"):
        career_path("a", "b", catalog="x")  # type: ignore[arg-type]


def distances(catalog: Catalog, start: str) -> dict[str, int]:
    """Shortest career distances by repeated relaxation (Bellman-Ford on unit edges)."""
    dist = {start: 0}
    for _ in range(len(catalog)):
        for member in catalog:
            if member.key in dist:
                for target in member.career_paths:
                    if dist.get(target, 10**9) > dist[member.key] + 1:
                        dist[target] = dist[member.key] + 1
    return dist


@settings(max_examples=60)
@given(catalogs(max_roles=6), st.data())
def test_careers_agree_with_shortest_distances(catalog: Catalog, data: st.DataObject) -> None:
    start = data.draw(st.sampled_from(catalog.keys))
    end = data.draw(st.sampled_from(catalog.keys))
    dist = distances(catalog, start)
    reached = career_paths_from(start, catalog=catalog)
    assert set(keys(reached)) == set(dist) - {start}
    assert [dist[r.key] for r in reached] == sorted(dist[r.key] for r in reached)
    path = career_path(start, end, catalog=catalog)
    if end not in dist:
        assert path == ()
    else:
        assert len(path) == dist[end] + 1
        assert (path[0].key, path[-1].key) == (start, end)
        for here, there in itertools.pairwise(path):
            assert there.key in here.career_paths


# ---------------------------------------------------------------- the articles' careers and limits


def test_servicenow_csr_positions_that_lead_to_the_representative() -> None:
    # ServiceNow CSR: "Le posizioni che possono portare a un ruolo CSR includono
    # rappresentanti del call center, rappresentanti del supporto vendite e specialisti
    # dell'assistenza tecnica."
    assert set(keys(career_paths_to("customer_service_representative"))) == {
        "call_center_agent",
        "sales_support_representative",
        "customer_support_engineer",  # the technical support specialist
    }
    for start in ("call_center_agent", "sales_support_representative", "customer_support_engineer"):
        assert keys(career_path(start, "customer_service_representative")) == [
            start,
            "customer_service_representative",
        ]


def test_servicenow_csr_where_the_representative_advances() -> None:
    # ServiceNow CSR: "i CSR possono avanzare ulteriormente in ruoli come responsabile del
    # servizio clienti, supervisore del contact center o ruoli più specializzati che
    # richiedono competenze tecniche avanzate."
    catalog = default_catalog()
    csr = catalog.get("customer_service_representative")
    assert set(csr.career_paths) == {
        "customer_service_manager",
        catalog.role_for_title("Contact Center Supervisor").key,
        catalog.role_for_title("Technical Support Specialist").key,
    }
    # A sales-support representative can grow into a manager through the representative.
    assert keys(career_path("sales_support_representative", "customer_service_manager")) == [
        "sales_support_representative",
        "customer_service_representative",
        "customer_service_manager",
    ]


def reverse_oracle(catalog: Catalog, end: str) -> set[str]:
    """The roles from which ``end`` is reachable: every start whose forward walk meets it."""
    return {
        role.key
        for role in catalog
        if role.key != end and end in keys(career_paths_from(role, catalog=catalog))
    }


@settings(max_examples=60)
@given(catalogs(max_roles=6), st.data())
def test_career_paths_to_is_the_reverse_of_career_paths_from(
    catalog: Catalog, data: st.DataObject
) -> None:
    end = data.draw(st.sampled_from(catalog.keys))
    found = keys(career_paths_to(end, catalog=catalog))
    assert len(found) == len(set(found))
    assert set(found) == reverse_oracle(catalog, end)
    # Nearest first: each role's distance (the length of its shortest path) never decreases.
    distances = [len(career_path(key, end, catalog=catalog)) for key in found]
    assert distances == sorted(distances)


def test_career_paths_to_refuses_bad_input() -> None:
    with pytest.raises(UnknownRoleError, match="'ghost'"):
        career_paths_to("ghost")
    with pytest.raises(InvalidEntityError, match=r"career_paths_to.role: 3, expected a Role"):
        career_paths_to(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"career_paths_to.catalog: 'x'"):
        career_paths_to("telemarketer", catalog="x")  # type: ignore[arg-type]
    assert career_paths_to("chief_customer_officer") == ()


def test_what_is_a_csr_representatives_do_not_make_the_rules() -> None:
    # What is a CSR: "I rappresentanti non fanno le regole e di solito sono limitati dalla
    # loro azienda in termini di ciò che possono fare."
    for role in default_catalog():
        if role.level is Level.INDIVIDUAL:
            assert role.authority == Authority(), role.key
            for request in (
                Request.refund(1, "EUR"),
                Request.credit(1, "USD"),
                Request.policy_exception(),
                Request.priority_change(),
                Request.hire(),
            ):
                assert not may_decide(role, request).allowed, (role.key, request)


def test_what_is_a_csr_beyond_experience_or_power_the_call_goes_to_a_manager() -> None:
    # What is a CSR: "Se quella persona non è in grado di risolvere il problema o non ha
    # l'esperienza o il potere di elaborare una soluzione, la chiamata viene spesso
    # trasferita a un manager."
    for key in ("customer_service_representative", "sales_support_representative"):
        for request in (Request.refund(500, "EUR"), Request.policy_exception()):
            decision = may_decide(key, request)
            assert not decision.allowed
            assert decision.lowest_level is Level.MANAGER
            assert "customer_service_manager" in decision.deciders


def test_servicenow_csr_unresolved_issues_go_to_the_competent_team() -> None:
    # ServiceNow CSR: "Quando il CSR non riesce a risolvere un dato problema, deve assegnarlo
    # al reparto competente"; LiveAgent roles: engineers "inoltrano le questioni irrisolte
    # ai team interni appropriati".
    matrix = raci_matrix(default_catalog())
    assert set(matrix.responsible(Duty.ESCALATE_UNRESOLVED_ISSUES)) == {
        "customer_service_representative",
        "customer_support_engineer",
    }


def test_liveagent_roles_conflicts_go_to_the_service_manager() -> None:
    # LiveAgent roles: customer service managers "Gestiscono anche eventuali conflitti che
    # coinvolgono clienti o rappresentanti del servizio"; no representative owns them.
    catalog = default_catalog()
    matrix = raci_matrix(catalog)
    assert matrix.accountable(Duty.RESOLVE_CONFLICTS) == ("customer_service_manager",)
    assert matrix.responsible(Duty.RESOLVE_CONFLICTS) == ()
    for role in catalog:
        if role.level is Level.INDIVIDUAL:
            assert Duty.RESOLVE_CONFLICTS not in role.duties, role.key


def test_g2_managers_resolve_escalated_requests() -> None:
    # G2 service philosophy: call-center managers resolve "le richieste di supporto man mano
    # che vengono inoltrate"; a customer support manager "gestisce eventuali escalation".
    matrix = raci_matrix(default_catalog())
    owners = set(matrix.responsible(Duty.HANDLE_ESCALATIONS)) | set(
        matrix.accountable(Duty.HANDLE_ESCALATIONS)
    )
    assert owners == {"call_center_manager", "customer_support_manager"}
    for key in owners:
        assert default_catalog().get(key).level is Level.MANAGER


def test_liveagent_roles_supervisors_take_part_in_hiring_managers_decide() -> None:
    # LiveAgent roles: supervisors "possono anche prendere parte attiva al processo di
    # assunzione" (screening and interviewing); the hire itself is not theirs to approve.
    matrix = raci_matrix(default_catalog())
    assert matrix.responsible(Duty.HIRE) == ("customer_service_supervisor",)
    assert matrix.accountable(Duty.HIRE) == ("customer_service_manager",)
    decision = may_decide("customer_service_supervisor", Request.hire())
    assert not decision.allowed
    assert decision.lowest_level is Level.MANAGER
