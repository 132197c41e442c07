"""The built-in catalog pins the sources' facts; user catalogs validate themselves."""

import json
import subprocess
import sys
from pathlib import Path
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
    Focus,
    Industry,
    InvalidEntityError,
    Language,
    Level,
    Metric,
    Raci,
    Responsibility,
    Role,
    Skill,
    SkillKind,
    Topic,
    UnknownRoleError,
    UnknownTitleError,
    default_catalog,
    make_converter,
    raci_matrix,
)
from csroles.catalog import normalize_title
from csroles.strategies import catalogs

EN, IT, RU = Language.EN, Language.IT, Language.RU
R, A, C, I_ = Raci.RESPONSIBLE, Raci.ACCOUNTABLE, Raci.CONSULTED, Raci.INFORMED

KEYS = [
    # *LiveAgent roles*, in the article's order
    "customer_service_representative",
    "call_center_agent",
    "customer_service_supervisor",
    "customer_service_manager",
    "customer_support_representative",
    "customer_support_engineer",
    "customer_support_manager",
    "customer_success_manager",
    "customer_experience_manager",
    "customer_advocate",
    "chief_customer_officer",
    # *ServiceNow CSR*, *G2 service philosophy*, *What is a CSR*
    "call_center_manager",
    "call_center_director",
    "live_chat_agent",
    "social_media_agent",
    "email_support_agent",
    "relationship_manager",
    "implementation_specialist",
    "telemarketer",
    # ServiceNow CSR: a position that leads to the representative's role
    "sales_support_representative",
]

# Seeds 000 (Italian names, in the singular) and 001 (Russian headings).
SEED_TITLES = {
    "customer_service_representative": (
        "Customer Service Representative",
        "Rappresentante del servizio clienti",
        "Представитель службы по работе с клиентами",
    ),
    "call_center_agent": ("Call Center Agent", "Agente del call center", "Агент колл-центра"),
    "customer_service_supervisor": (
        "Customer Service Supervisor",
        "Supervisore del servizio clienti",
        "Супервайзер службы по работе с клиентами",
    ),
    "customer_service_manager": (
        "Customer Service Manager",
        "Responsabile del servizio clienti",
        "Менеджер службы по работе с клиентами",
    ),
    "customer_support_representative": (
        "Customer Support Representative",
        "Rappresentante dell'assistenza clienti",
        "Представитель службы поддержки клиентов",
    ),
    "customer_support_engineer": (
        "Customer Support Engineer",
        "Ingegnere dell'assistenza clienti",
        "Инженер службы поддержки клиентов",
    ),
    "customer_support_manager": (
        "Customer Support Manager",
        "Responsabile dell'assistenza clienti",
        "Менеджер службы поддержки клиентов",
    ),
    "customer_success_manager": (
        "Customer Success Manager",
        "Responsabile della soddisfazione dei clienti",
        "Менеджер по развитию клиентов",
    ),
    "customer_experience_manager": (
        "Customer Experience Manager",
        "Responsabile dell'esperienza del cliente",
        "Менеджер по работе с клиентским опытом",
    ),
    "customer_advocate": (
        "Customer Advocate",
        "Sostenitore dei clienti",
        "Защитник интересов клиента",
    ),
    "chief_customer_officer": (
        "Chief Customer Officer",
        "Chief Customer Officer",
        "Директор по работе с клиентами",
    ),
}

# Level, focus and the duties each source gives the role.
SEED_ROLES: dict[str, tuple[Level, Focus, dict[Duty, Raci]]] = {
    "customer_service_representative": (
        Level.INDIVIDUAL,
        Focus.SERVICE,
        {
            Duty.ANSWER_PRODUCT_QUESTIONS: R,
            Duty.TAKE_ORDERS: R,
            Duty.HANDLE_RETURNS: R,
            Duty.HANDLE_COMPLAINTS: R,
            Duty.PROACTIVE_OUTREACH: R,  # "proactively informs about offers"
            Duty.FOLLOW_UP: R,  # *ServiceNow CSR*
            Duty.DIAGNOSE_TECHNICAL_PROBLEMS: R,  # *ServiceNow CSR*
            Duty.ESCALATE_UNRESOLVED_ISSUES: R,  # *ServiceNow CSR*
            Duty.MAINTAIN_KNOWLEDGE_BASE: R,  # *ServiceNow CSR*
            Duty.TRACK_PERFORMANCE: R,  # *ServiceNow CSR*: monitors KPIs
        },
    ),
    "call_center_agent": (
        Level.INDIVIDUAL,
        Focus.SERVICE,
        {
            Duty.ANSWER_PRODUCT_QUESTIONS: R,  # answers inbound calls
            Duty.HANDLE_COMPLAINTS: R,
            Duty.PROCESS_TRANSACTIONS: R,
            Duty.PROACTIVE_OUTREACH: R,  # generates interest in products
        },
    ),
    "customer_service_supervisor": (
        Level.SUPERVISOR,
        Focus.SERVICE,
        {Duty.SUPERVISE_TEAM: R, Duty.HIRE: R, Duty.TRAIN_AND_COACH: R},
    ),
    "customer_service_manager": (
        Level.MANAGER,
        Focus.SERVICE,
        {
            Duty.SUPERVISE_TEAM: A,
            Duty.TRAIN_AND_COACH: A,
            Duty.TRACK_PERFORMANCE: A,
            Duty.RESOLVE_CONFLICTS: A,
        },
    ),
    "customer_support_representative": (
        Level.INDIVIDUAL,
        Focus.SUPPORT,
        {
            Duty.ANSWER_PRODUCT_QUESTIONS: R,
            Duty.DIAGNOSE_TECHNICAL_PROBLEMS: R,
            Duty.HELP_WITH_INSTALLATION: R,
            # LiveAgent roles: "installazione, risoluzione dei problemi, manutenzione e
            # aggiornamento del prodotto"
            Duty.HELP_WITH_MAINTENANCE: R,
            Duty.HELP_WITH_UPGRADES: R,
        },
    ),
    "customer_support_engineer": (
        Level.INDIVIDUAL,
        Focus.SUPPORT,
        {
            Duty.DIAGNOSE_TECHNICAL_PROBLEMS: R,
            Duty.WRITE_REPORTS: R,
            Duty.ESCALATE_UNRESOLVED_ISSUES: R,
        },
    ),
    "customer_support_manager": (
        Level.MANAGER,
        Focus.SUPPORT,
        {
            Duty.TRAIN_AND_COACH: R,
            Duty.SET_BEST_PRACTICES: A,
            Duty.MAINTAIN_KNOWLEDGE_BASE: A,
            Duty.ENSURE_SERVICE_QUALITY: A,  # "accountable for overall support quality"
            Duty.HANDLE_ESCALATIONS: A,  # *G2 service philosophy*
        },
    ),
    "customer_success_manager": (
        Level.MANAGER,
        Focus.SUCCESS,
        {
            Duty.BUILD_RELATIONSHIPS: A,
            Duty.DISTRIBUTE_PORTFOLIOS: A,  # *G2 service philosophy*
            Duty.SUPERVISE_TEAM: R,  # *G2 service philosophy*: relationship managers, implementation specialists
        },
    ),
    "customer_experience_manager": (
        Level.MANAGER,
        Focus.EXPERIENCE,
        {
            Duty.ANALYSE_CUSTOMER_NEEDS: A,
            Duty.DESIGN_CX_STRATEGY: R,
            # LiveAgent roles: "ogni punto di contatto lungo il percorso del cliente sia
            # coinvolgente ed efficiente"
            Duty.IMPROVE_TOUCHPOINTS: A,
        },
    ),
    "customer_advocate": (
        Level.INDIVIDUAL,
        Focus.ADVOCACY,
        {
            Duty.REPRESENT_CUSTOMERS_INTERNALLY: A,
            # LiveAgent roles: "l'anello mancante tra i clienti ... e il suo team di marketing"
            Duty.LIAISE_WITH_MARKETING: A,
            # LiveAgent roles: "responsabili di spingere i cambiamenti interni"
            Duty.DRIVE_INTERNAL_CHANGE: A,
        },
    ),
    "chief_customer_officer": (
        Level.EXECUTIVE,
        Focus.LEADERSHIP,
        {
            Duty.DESIGN_CX_STRATEGY: A,
            # LiveAgent roles: "lavorare a fianco del consiglio di amministrazione" (Italian),
            # and, in the Russian text, alongside the executive committee
            Duty.WORK_WITH_BOARD: A,
        },
    ),
    # *G2 service philosophy*
    "call_center_manager": (
        Level.MANAGER,
        Focus.SERVICE,
        {Duty.HANDLE_ESCALATIONS: R, Duty.SUPERVISE_TEAM: R},
    ),
    "call_center_director": (
        Level.DIRECTOR,
        Focus.SERVICE,
        {Duty.SUPERVISE_TEAM: R, Duty.ENSURE_SERVICE_QUALITY: R},
    ),
    "live_chat_agent": (
        Level.INDIVIDUAL,
        Focus.SERVICE,
        {Duty.ANSWER_PRODUCT_QUESTIONS: R, Duty.COLLECT_LEADS: R},
    ),
    "social_media_agent": (
        Level.INDIVIDUAL,
        Focus.SERVICE,
        {Duty.HANDLE_COMPLAINTS: R, Duty.MONITOR_SOCIAL_MEDIA: R},
    ),
    "email_support_agent": (
        Level.INDIVIDUAL,
        Focus.SUPPORT,
        {Duty.ANSWER_PRODUCT_QUESTIONS: R, Duty.HANDLE_COMPLAINTS: R},
    ),
    "relationship_manager": (
        Level.INDIVIDUAL,
        Focus.SUCCESS,
        {Duty.MANAGE_PORTFOLIO: R, Duty.BUILD_RELATIONSHIPS: R, Duty.UPSELL_AND_CROSS_SELL: R},
    ),
    "implementation_specialist": (
        Level.INDIVIDUAL,
        Focus.SUCCESS,
        {Duty.ONBOARD_CLIENTS: R},
    ),
    # *What is a CSR*
    "telemarketer": (Level.INDIVIDUAL, Focus.SERVICE, {Duty.PROACTIVE_OUTREACH: R}),
    # What is a CSR, on representatives in sales: "assumono ordini per gli acquisti;
    # rispondere a domande su prodotti, prezzi o spedizioni; E ascolta eventuali reclami"
    "sales_support_representative": (
        Level.INDIVIDUAL,
        Focus.SERVICE,
        {Duty.TAKE_ORDERS: R, Duty.ANSWER_PRODUCT_QUESTIONS: R, Duty.HANDLE_COMPLAINTS: R},
    ),
}

SEED_004_TITLES_EN = [
    "Customer Assistant",
    "Salesperson",
    "Operator",
    "Bank Teller",
    "Receptionist",
    "Secretary",
    "Administrative Assistant",
    "Sales Support Staff",
    "Customer Care Staff",
    "Consumer Intake Operator",
    "Service Specialist",
]
SEED_004_TITLES_IT = [
    "Assistente cliente",
    "venditore",
    "Operatore",
    "Bank Teller",
    "Receptionist",
    "Segretario",
    "Assistente amministrativo",
    "Staff di supporto alle vendite",
    "Personale dell’assistenza clienti",
    "Operatore di assunzione dei consumatori",
    "Specialista del servizio",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


# ---------------------------------------------------------------- the sources' facts


def test_keys_and_order(catalog: Catalog) -> None:
    assert list(catalog.keys) == KEYS
    assert [role.key for role in catalog.roles] == KEYS
    assert [role.key for role in catalog] == KEYS
    assert len(catalog) == 20


@pytest.mark.parametrize("key", list(SEED_TITLES))
def test_canonical_titles_in_three_languages(catalog: Catalog, key: str) -> None:
    en, it, ru = SEED_TITLES[key]
    assert dict(catalog.get(key).titles) == {EN: en, IT: it, RU: ru}


def test_every_role_has_a_title_in_every_language(catalog: Catalog) -> None:
    for role in catalog:
        assert set(role.titles) == set(Language), role.key


@pytest.mark.parametrize("key", KEYS)
def test_level_focus_and_duties(catalog: Catalog, key: str) -> None:
    level, focus, duties = SEED_ROLES[key]
    role = catalog.get(key)
    assert (role.level, role.focus) == (level, focus)
    for duty, raci in duties.items():
        responsibility = role.responsibility(duty)
        assert responsibility is not None, f"{key} lacks {duty}"
        assert responsibility.raci is raci, f"{key}: {duty}"


def test_seed_004_titles_belong_to_the_representative(catalog: Catalog) -> None:
    for title in SEED_004_TITLES_EN:
        assert catalog.role_for_title(title, language=EN).key == "customer_service_representative"
    for title in SEED_004_TITLES_IT:
        assert catalog.role_for_title(title, language=IT).key == "customer_service_representative"


def test_one_job_several_titles(catalog: Catalog) -> None:
    # Seed 000: "customer service representative" and "customer care agent" name one job.
    for title, language in [
        ("Customer Care Agent", EN),
        ("agente dell’assistenza clienti", IT),
        ("Агент службы заботы о клиенте", RU),
        ("CSR", EN),
    ]:
        assert catalog.role_for_title(title, language=language).key == (
            "customer_service_representative"
        )


def test_the_technical_support_specialist_is_the_engineer(catalog: Catalog) -> None:
    for title in [
        "Technical Support Specialist",
        "Specialista dell'assistenza tecnica",
        "Специалист службы технической поддержки",
    ]:
        assert catalog.role_for_title(title).key == "customer_support_engineer"


def test_service_and_success_metrics(catalog: Catalog) -> None:
    # Seed 002: service roles by first response time, resolution time and CSAT;
    # success roles by retention rate, lifetime value and NPS.
    service = {Metric.FIRST_RESPONSE_TIME, Metric.RESOLUTION_TIME, Metric.CSAT}
    success = {Metric.RETENTION_RATE, Metric.CUSTOMER_LIFETIME_VALUE, Metric.NPS}
    for role in catalog:
        if role.focus in (Focus.SERVICE, Focus.SUPPORT) and role.key != "telemarketer":
            assert service <= role.metrics, role.key
            assert not (success & role.metrics), role.key
        if role.focus is Focus.SUCCESS:
            assert role.metrics == success, role.key
    # *LiveAgent roles*: a daily quota of emails or calls; *ServiceNow CSR*: SLA deadlines.
    csr = catalog.get("customer_service_representative")
    assert {Metric.DAILY_QUOTA, Metric.SLA_COMPLIANCE} <= csr.metrics
    assert csr.daily_quota is None  # the sources give no number


def test_career_paths_of_seed_002(catalog: Catalog) -> None:
    assert catalog.get("call_center_agent").career_paths == ("customer_service_representative",)
    assert catalog.get("customer_support_engineer").career_paths == (
        "customer_service_representative",
    )
    assert catalog.get("customer_service_representative").career_paths == (
        "customer_service_manager",
        "customer_service_supervisor",
        "customer_support_engineer",
    )


def test_reporting_lines_of_seeds_000_and_003(catalog: Catalog) -> None:
    reports = {role.key: role.reports_to for role in catalog if role.reports_to}
    assert reports == {
        "customer_service_representative": "customer_service_supervisor",
        "customer_service_supervisor": "customer_service_manager",
        "call_center_agent": "call_center_manager",
        "call_center_manager": "call_center_director",
        "customer_support_representative": "customer_support_manager",
        "customer_support_engineer": "customer_support_manager",
        "live_chat_agent": "customer_support_manager",
        "social_media_agent": "customer_support_manager",
        "email_support_agent": "customer_support_manager",
        "relationship_manager": "customer_success_manager",
        "implementation_specialist": "customer_success_manager",
    }


def test_industries_and_other_seed_002_004_facts(catalog: Catalog) -> None:
    csr = catalog.get("customer_service_representative")
    assert {
        Industry.RETAIL,
        Industry.TECHNOLOGY,
        Industry.HEALTHCARE,
        Industry.FINANCE,
        Industry.TELECOM,
    } <= csr.industries
    assert csr.entry_level  # *What is a CSR*: a high-school diploma
    assert Skill(kind=SkillKind.BUSINESS, name="empathy") in csr.skills
    assert "HDI Customer Service Representative" in csr.certifications
    assert catalog.get("customer_support_representative").industries == {Industry.TECHNOLOGY}
    assert catalog.get("call_center_agent").remote_possible  # LiveAgent roles: virtual call center
    assert catalog.get("customer_support_engineer").tier == 2  # *LiveAgent roles*: tier 2


def test_channels_of_the_channel_specialists(catalog: Catalog) -> None:
    assert catalog.get("call_center_agent").channels == {Channel.PHONE}
    assert catalog.get("live_chat_agent").channels == {Channel.CHAT}
    assert catalog.get("social_media_agent").channels == {Channel.SOCIAL}
    assert catalog.get("email_support_agent").channels == {Channel.EMAIL}
    assert catalog.get("telemarketer").directions == {Direction.OUTBOUND}
    # Seed 004: phone, fax, mail, email, in person, conferencing, messaging.
    assert {
        Channel.PHONE,
        Channel.FAX,
        Channel.MAIL,
        Channel.EMAIL,
        Channel.FACE_TO_FACE,
        Channel.VIDEO,
        Channel.MESSAGING,
    } <= catalog.get("customer_service_representative").channels


def test_every_topic_has_an_individual_owner(catalog: Catalog) -> None:
    for topic in Topic:
        assert any(role.level is Level.INDIVIDUAL for role, _ in catalog.owners(topic)), topic


def test_owners_agrees_with_the_roles(catalog: Catalog) -> None:
    for topic in Topic:
        expected = [role.key for role in catalog if topic in role.topics]
        owners = catalog.owners(topic)
        assert [role.key for role, _ in owners] == expected
        for role, responsibility in owners:
            assert topic in responsibility.topics
            assert responsibility.raci.owns
            if any(r.raci is R and topic in r.topics for r in role.responsibilities):
                assert responsibility.raci is R


def test_owners_refuses_a_non_topic(catalog: Catalog) -> None:
    with pytest.raises(
        InvalidEntityError, match=r"Catalog.owners.topic: 'refunds', expected a Topic: one of"
    ):
        catalog.owners("refunds")  # type: ignore[arg-type]
    # A member's plain value stands for the member.
    assert catalog.owners("return") == catalog.owners(Topic.RETURN)  # type: ignore[arg-type]


def test_default_catalog_is_built_once_and_not_at_import() -> None:
    import csroles

    assert default_catalog() is default_catalog()
    assert {"Catalog", "default_catalog", "route", "may_decide", "Role"} <= set(dir(csroles))
    code = (
        "import sys, csroles\n"
        "lazy = ['csroles.catalog', 'csroles._catalog_data', 'csroles.responsibilities',"
        " 'csroles.routing']\n"
        "print([m in sys.modules for m in lazy])\n"
        "csroles.route\n"
        "print([m in sys.modules for m in lazy])\n"
        "csroles.default_catalog()\n"
        "print([m in sys.modules for m in lazy])\n"
        "print('route' in dir(csroles), csroles.route is csroles.routing.route)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out == [
        "[False, False, False, False]",
        "[True, False, False, True]",  # routing needs the catalog, not its data
        "[True, True, False, True]",
        "True True",
    ]


# ---------------------------------------------------------------- lookup


def test_get_suggests_close_keys(catalog: Catalog) -> None:
    with pytest.raises(UnknownRoleError, match="did you mean 'customer_success_manager'"):
        catalog.get("customer_sucess_manager")
    with pytest.raises(UnknownRoleError, match=r"did you mean .*'telemarketer'"):
        catalog.get("telemarket")
    with pytest.raises(UnknownRoleError) as error:
        catalog.get("zzz")
    assert str(error.value) == "no role 'zzz' in the catalog"
    with pytest.raises(UnknownRoleError, match="expected a role key"):
        catalog.get(5)  # type: ignore[arg-type]
    assert isinstance(error.value, LookupError)


def test_contains(catalog: Catalog) -> None:
    assert "telemarketer" in catalog
    assert "nobody" not in catalog
    assert 5 not in catalog


def test_every_title_resolves_to_its_role(catalog: Catalog) -> None:
    for role in catalog:
        for language, title in role.titles.items():
            assert catalog.role_for_title(title, language=language) is role
            if title != "Chief Customer Officer":  # the same words in English and Italian
                assert catalog.role_for_title(title) is role
        for language, titles in role.alternative_titles.items():
            for title in titles:
                assert catalog.role_for_title(title, language=language) is role


@pytest.mark.parametrize(
    "text",
    [
        "customer service manager",
        "  CUSTOMER   Service\tManager ",
        "Customer\u00a0Service Manager",
    ],
)
def test_titles_match_ignoring_case_and_spacing(catalog: Catalog, text: str) -> None:
    assert catalog.role_for_title(text).key == "customer_service_manager"


def test_typographic_apostrophes(catalog: Catalog) -> None:
    for text in [
        "Responsabile dell\u2019esperienza del cliente",
        "Responsabile dell\u2018esperienza del cliente",
        "Responsabile dell`esperienza del cliente",
        "RESPONSABILE DELL'ESPERIENZA DEL CLIENTE",
    ]:
        assert catalog.role_for_title(text).key == "customer_experience_manager"


def test_normalize_title() -> None:
    assert normalize_title(" A\u2019b  C ") == "a'b c"
    assert normalize_title("Stra\u00dfe") == "strasse"  # casefold, not lower
    assert normalize_title("e\u0301") == "\u00e9"  # NFC


def test_unknown_titles_name_the_closest(catalog: Catalog) -> None:
    with pytest.raises(UnknownTitleError, match="closest known titles: 'Customer Service Manager'"):
        catalog.role_for_title("Customer Service Wizzzard")
    with pytest.raises(UnknownTitleError) as error:
        catalog.role_for_title("xyzzy")
    assert str(error.value) == (
        "no role has the title 'xyzzy'; 'xyzzy' is not a job title csroles knows "
        "(tried en, it): unknown word 'xyzzy'"
    )
    with pytest.raises(UnknownTitleError, match="no role has the title 'Агент колл-центра'"):
        catalog.role_for_title("Агент колл-центра", language=EN)


def test_a_title_shared_across_languages_goes_by_its_language() -> None:
    base = default_catalog()
    one = attrs.evolve(
        base.get("telemarketer"), alternative_titles={IT: ["Operatore", "Concierge"]}
    )
    two = attrs.evolve(
        base.get("customer_service_representative"),
        alternative_titles={EN: ["Operatore", "Concierge"]},
    )
    mixed = base.replace(one, two)
    # "Operatore" is Italian: the parser tells, so the Italian title's role wins.
    assert mixed.role_for_title("operatore").key == "telemarketer"
    assert mixed.role_for_title("operatore", language=EN).key == "customer_service_representative"
    # "Concierge" is no language's word: the language cannot be told.
    with pytest.raises(
        UnknownTitleError,
        match="ambiguous: 'customer_service_representative' in 'en', 'telemarketer' in 'it'",
    ):
        mixed.role_for_title("concierge")
    assert mixed.role_for_title("concierge", language=IT).key == "telemarketer"


def test_role_for_title_refuses_bad_arguments(catalog: Catalog) -> None:
    with pytest.raises(InvalidEntityError, match=r"Catalog.role_for_title.text: None"):
        catalog.role_for_title(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Catalog.role_for_title.language: 'english'"):
        catalog.role_for_title("CSR", language="english")  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Catalog.match_title.language: 3"):
        catalog.match_title("CSR", language=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntityError, match=r"Catalog.role_for_titles.language: 'xx'"):
        catalog.role_for_titles(["CSR"], language="xx")  # type: ignore[arg-type]


def test_title_lookups_take_a_language_value(catalog: Catalog) -> None:
    # A member's plain value stands for the member, as in compose_title.
    assert catalog.match_title("CSR", language="en") == catalog.match_title(  # type: ignore[arg-type]
        "CSR", language=Language.EN
    )
    assert catalog.role_for_title("operatore", language="it") == catalog.role_for_title(  # type: ignore[arg-type]
        "operatore", language=Language.IT
    )
    assert catalog.role_for_titles(["CSR"], language="en") == catalog.role_for_titles(  # type: ignore[arg-type]
        ["CSR"], language=Language.EN
    )


# ---------------------------------------------------------------- builders


def night_agent(**changes: Any) -> Role:
    fields: dict[str, Any] = {
        "key": "night_shift_agent",
        "level": Level.INDIVIDUAL,
        "focus": Focus.SERVICE,
        "titles": {EN: "Night Shift Agent"},
        "responsibilities": [Responsibility(duty=Duty.HANDLE_COMPLAINTS)],
        "reports_to": "customer_service_supervisor",
    }
    fields.update(changes)
    return Role(**fields)


def test_add_replace_remove_return_new_catalogs(catalog: Catalog) -> None:
    added = catalog.add(night_agent())
    assert added.keys[-1] == "night_shift_agent"
    assert "night_shift_agent" not in catalog  # nothing changed in place
    quota = attrs.evolve(catalog.get("call_center_agent"), daily_quota=80)
    replaced = catalog.replace(quota)
    assert replaced.get("call_center_agent").daily_quota == 80
    assert replaced.keys == catalog.keys
    assert catalog.get("call_center_agent").daily_quota is None
    removed = catalog.remove("telemarketer", "social_media_agent")
    assert "telemarketer" not in removed
    assert len(removed) == 18
    assert len(catalog) == 20


def test_builders_refuse_what_would_break_the_catalog(catalog: Catalog) -> None:
    with pytest.raises(InvalidEntityError, match=r"Catalog.add.roles: 'telemarketer'.*use replace"):
        catalog.add(catalog.get("telemarketer"))
    with pytest.raises(InvalidEntityError, match=r"Catalog.roles\[20\]: 'x', expected a Role"):
        catalog.add("x")  # type: ignore[arg-type]
    with pytest.raises(UnknownRoleError, match="night_shift_agent"):
        catalog.replace(night_agent())
    with pytest.raises(InvalidEntityError, match=r"Catalog.replace.roles: 5, expected a Role"):
        catalog.replace(5)  # type: ignore[arg-type]
    with pytest.raises(UnknownRoleError, match="'ghost'"):
        catalog.remove("ghost")
    # The supervisor is referenced by the representative's career path and reporting line.
    with pytest.raises(InvalidEntityError, match="expected the key of a role in the catalog"):
        catalog.remove("customer_service_supervisor")
    # Removing the success team's manager with its team leaves nothing dangling.
    smaller = catalog.remove(
        "customer_success_manager", "implementation_specialist", "relationship_manager"
    )
    assert len(smaller) == 17
    # The advocate is the only owner of representing customers internally, on which
    # the experience manager is consulted and the chief customer officer informed.
    with pytest.raises(
        InvalidEntityError, match="'represent_customers_internally', expected a duty"
    ):
        catalog.remove("customer_advocate")


def test_catalog_validation_messages() -> None:
    agent = night_agent(reports_to=None)
    with pytest.raises(
        InvalidEntityError,
        match=r"Catalog.roles\[1\].key: 'night_shift_agent', expected a key that no other role uses",
    ):
        Catalog(roles=[agent, attrs.evolve(agent, titles={EN: "Other"})])
    with pytest.raises(
        InvalidEntityError,
        match=r"Catalog.roles\[1\].titles\[en\]: 'NIGHT shift agent', expected a title not already used by role 'night_shift_agent' in 'en'",
    ):
        Catalog(roles=[agent, attrs.evolve(agent, key="other", titles={EN: "NIGHT shift agent"})])
    with pytest.raises(
        InvalidEntityError,
        match=r"Catalog.roles\[0\].alternative_titles\[en\]\[0\]: 'Night Shift Agent'",
    ):
        Catalog(roles=[attrs.evolve(agent, alternative_titles={EN: ["Night Shift Agent"]})])
    with pytest.raises(
        InvalidEntityError,
        match=r"Catalog.roles\[0\].career_paths\[0\]: 'boss', expected the key of a role in the catalog",
    ):
        Catalog(roles=[attrs.evolve(agent, career_paths=["boss"])])
    with pytest.raises(InvalidEntityError, match=r"Catalog.roles\[0\].reports_to: 'boss'"):
        Catalog(roles=[attrs.evolve(agent, reports_to="boss")])
    consulted = attrs.evolve(
        agent, responsibilities=[Responsibility(duty=Duty.HIRE, raci=Raci.CONSULTED)]
    )
    with pytest.raises(
        InvalidEntityError,
        match=r"Catalog.roles\[0\].responsibilities\[0\].duty: 'hire', expected a duty that some role of the catalog is responsible or accountable for",
    ):
        Catalog(roles=[consulted])
    with pytest.raises(InvalidEntityError, match=r"Catalog.roles: 5, expected a list or tuple"):
        Catalog(roles=5)
    with pytest.raises(InvalidEntityError, match=r"Catalog.roles\[0\]: 'x', expected a Role"):
        Catalog(roles=["x"])


def test_empty_and_generator_catalogs() -> None:
    assert len(Catalog(roles=[])) == 0
    roles = Catalog(roles=(role for role in default_catalog()))
    assert roles == default_catalog()
    assert hash(roles) == hash(default_catalog())


def test_catalog_round_trips_through_json(catalog: Catalog) -> None:
    conv = make_converter()
    document = json.loads(json.dumps(conv.unstructure(catalog)))
    assert list(document) == ["roles"]
    assert conv.structure(document, Catalog) == catalog


def test_structuring_validates_the_catalog(catalog: Catalog) -> None:
    conv = make_converter()
    document = conv.unstructure(catalog)
    document["roles"].append(document["roles"][0])
    with pytest.raises(InvalidEntityError, match="expected a key that no other role uses"):
        conv.structure(document, Catalog)


# ---------------------------------------------------------------- validation, exactly


POOL_KEYS = ["agent", "lead", "boss"]
POOL_TITLES = ["Agent", "agent", "Lead", "Boss"]


@st.composite
def loose_roles(draw: st.DrawFn) -> Role:
    """Valid roles drawn from tiny pools, so that a list of them is often inconsistent."""
    key = draw(st.sampled_from(POOL_KEYS))
    languages = draw(st.lists(st.sampled_from([EN, IT]), min_size=1, max_size=2, unique=True))
    titles = {lang: draw(st.sampled_from(POOL_TITLES)) for lang in languages}
    alternatives = {EN: draw(st.lists(st.sampled_from(POOL_TITLES), max_size=2))}
    others = [k for k in POOL_KEYS if k != key]
    duties = draw(
        st.lists(
            st.builds(
                Responsibility,
                duty=st.sampled_from([Duty.HIRE, Duty.HANDLE_RETURNS]),
                raci=st.sampled_from(list(Raci)),
            ),
            max_size=2,
            unique_by=lambda r: r.duty,
        )
    )
    return Role(
        key=key,
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles=titles,
        alternative_titles=alternatives,
        responsibilities=duties,
        career_paths=draw(st.lists(st.sampled_from(others), max_size=1)),
        reports_to=draw(st.none() | st.sampled_from(others)),
    )


def consistent(roles: list[Role]) -> bool:
    """The catalog rules, written out independently of Catalog."""
    keys = [role.key for role in roles]
    if len(set(keys)) != len(keys):
        return False
    seen: set[tuple[Language, str]] = set()
    for role in roles:
        pairs = [(lang, t) for lang, t in role.titles.items()] + [
            (lang, t) for lang, ts in role.alternative_titles.items() for t in ts
        ]
        for lang, title in pairs:
            if (lang, title.lower()) in seen:
                return False
            seen.add((lang, title.lower()))
    for role in roles:
        if any(k not in keys for k in role.career_paths):
            return False
        if role.reports_to is not None and role.reports_to not in keys:
            return False
    owned = {r.duty for role in roles for r in role.responsibilities if r.raci in (R, A)}
    return all(r.duty in owned for role in roles for r in role.responsibilities)


@given(st.lists(loose_roles(), max_size=4))
def test_validation_accepts_exactly_the_consistent_catalogs(roles: list[Role]) -> None:
    try:
        Catalog(roles=roles)
    except InvalidEntityError:
        accepted = False
    else:
        accepted = True
    assert accepted is consistent(roles)


@settings(max_examples=50)
@given(catalogs(max_roles=5))
def test_generated_catalogs_are_consistent_and_round_trip(catalog: Catalog) -> None:
    assert consistent(list(catalog))
    conv = make_converter()
    assert conv.structure(json.loads(json.dumps(conv.unstructure(catalog))), Catalog) == catalog
    for role in catalog:
        assert catalog.get(role.key) is role
        for language, title in role.titles.items():
            assert catalog.role_for_title(title.upper(), language=language) is role


@settings(max_examples=50)
@given(catalogs(min_roles=2, max_roles=5), st.data())
def test_builders_keep_or_refuse(catalog: Catalog, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(catalog.keys))
    try:
        smaller = catalog.remove(key)
    except InvalidEntityError:
        rest = [role for role in catalog if role.key != key]
        assert not consistent(rest)
    else:
        assert smaller.keys == tuple(k for k in catalog.keys if k != key)
        assert smaller.add(catalog.get(key)).keys[-1] == key
    assert catalog.replace(catalog.get(key)) == catalog


# ---------------------------------------------------------------- the docs' tables

DOCS = Path(__file__).parent.parent / "docs" / "roles.md"


def _join(values: Any) -> str:
    return ", ".join(f"`{v}`" for v in values)


def catalog_tables(catalog: Catalog) -> dict[str, str]:
    """The generated tables of docs/roles.md, by marker name."""
    ordered = list(Channel), list(Metric)
    roles = [
        "| # | key | level | focus | English | Italiano | Русский |",
        "|---|---|---|---|---|---|---|",
    ]
    duties = [
        "| key | responsible for | accountable for | consulted or informed on |",
        "|---|---|---|---|",
    ]
    work = [
        "| key | channels | metrics | tier | reports to | leads to |",
        "|---|---|---|---|---|---|",
    ]
    others = ["| key | other titles |", "|---|---|"]
    skilled = [
        "| key | " + " | ".join(kind.value for kind in SkillKind) + " |",
        "|---|" + "---|" * len(SkillKind),
    ]
    for number, member in enumerate(catalog, start=1):
        titles = [member.titles.get(lang, "") for lang in Language]
        roles.append(
            f"| {number} | `{member.key}` | {member.level.value} | {member.focus.value} | "
            + " | ".join(titles)
            + " |"
        )

        def with_letters(*letters: Raci, member: Role = member) -> str:
            return _join(r.duty.value for r in member.responsibilities if r.raci in letters)

        duties.append(
            f"| `{member.key}` | {with_letters(R)} | {with_letters(A)} | {with_letters(C, I_)} |"
        )
        channels = _join(c.value for c in ordered[0] if c in member.channels)
        metrics = _join(m.value for m in ordered[1] if m in member.metrics)
        tier = "" if member.tier is None else str(member.tier)
        reports = f"`{member.reports_to}`" if member.reports_to else ""
        work.append(
            f"| `{member.key}` | {channels} | {metrics} | {tier} | {reports} | "
            f"{_join(member.career_paths)} |"
        )
        alternatives = "; ".join(
            f"{lang.value}: " + ", ".join(titles)
            for lang, titles in member.alternative_titles.items()
        )
        if alternatives:
            others.append(f"| `{member.key}` | {alternatives} |")
        if member.skills:
            cells = [
                _join(sorted(s.name for s in member.skills if s.kind is kind)) for kind in SkillKind
            ]
            skilled.append(f"| `{member.key}` | " + " | ".join(cells) + " |")
    return {
        "roles": "\n".join(roles) + "\n",
        "duties": "\n".join(duties) + "\n",
        "work": "\n".join(work) + "\n",
        "other-titles": "\n".join(others) + "\n",
        "skills": "\n".join(skilled) + "\n",
        "raci": raci_matrix(catalog).to_markdown(),
    }


def render_docs(text: str, tables: dict[str, str]) -> str:
    """``text`` with each ``<!-- table: name -->`` ... ``<!-- end table -->`` block refreshed."""
    for name, table in tables.items():
        start = f"<!-- table: {name} -->\n"
        end = "<!-- end table -->"
        before, found, rest = text.partition(start)
        assert found, f"docs/roles.md lacks the marker for {name!r}"
        _, found_end, after = rest.partition(end)
        assert found_end, f"docs/roles.md lacks the end marker after {name!r}"
        text = f"{before}{start}{table}{end}{after}"
    return text


def test_docs_tables_are_in_sync_with_the_catalog() -> None:
    text = DOCS.read_text(encoding="utf-8")
    expected = render_docs(text, catalog_tables(default_catalog()))
    assert text == expected, "run `python tests/test_catalog.py` to refresh docs/roles.md"


if __name__ == "__main__":
    DOCS.write_text(
        render_docs(DOCS.read_text(encoding="utf-8"), catalog_tables(default_catalog())),
        encoding="utf-8",
    )


# ---------------------------------------------------------------- roles, skills and quotas


def skill_set(kind: SkillKind, *names: str) -> set[Skill]:
    return {Skill(kind=kind, name=name) for name in names}


def test_servicenow_csr_business_and_technical_skills(catalog: Catalog) -> None:
    # ServiceNow CSR, "Competenze aziendali": comunicazione, multitasking, attenzione ai
    # dettagli, rispettare le scadenze, proattività, empatia, risoluzione dei problemi;
    # "Competenze tecniche": competenze informatiche, conoscenza dei prodotti, padronanza
    # degli strumenti (CRM, help desk); "Impara una o più nuove lingue".
    csr = catalog.get("customer_service_representative")
    business = skill_set(
        SkillKind.BUSINESS,
        "communication",
        "multitasking",
        "attention_to_detail",
        "meeting_deadlines",
        "proactivity",
        "empathy",
        "problem_solving",
    )
    technical = skill_set(
        SkillKind.TECHNICAL, "computer_skills", "product_knowledge", "help_desk_tools", "crm_tools"
    )
    assert business <= csr.skills
    assert technical <= csr.skills
    assert Skill(kind=SkillKind.LANGUAGE, name="foreign_languages") in csr.skills
    # What is a CSR: "maniere eccellenti", "eccellenti capacità telefoniche", "competenze
    # per ufficio di alto livello".
    assert skill_set(SkillKind.BUSINESS, "good_manners", "telephone_skills") <= csr.skills
    assert Skill(kind=SkillKind.TECHNICAL, name="office_skills") in csr.skills


def test_skills_of_the_technical_and_success_roles(catalog: Catalog) -> None:
    knowledge = Skill(kind=SkillKind.TECHNICAL, name="product_knowledge")
    # ServiceNow CSR: the technical support specialist links "competenze tecniche" with
    # "una conoscenza approfondita di prodotti software complessi".
    assert knowledge in catalog.get("customer_support_engineer").skills
    # What is a CSR: software makers may want support staff with "una formazione di base
    # per computer"; LiveAgent roles: products that need continuous technical assistance.
    support = catalog.get("customer_support_representative").skills
    assert {knowledge, Skill(kind=SkillKind.TECHNICAL, name="computer_skills")} <= support
    # G2 service philosophy: CSMs "sono esperti nelle loro offerte di servizi".
    assert knowledge in catalog.get("customer_success_manager").skills
    # Roles the articles say nothing about skills for have none.
    for key in ("call_center_director", "telemarketer", "customer_advocate"):
        assert catalog.get(key).skills == frozenset(), key


def test_the_customer_success_representative_is_the_relationship_manager(
    catalog: Catalog,
) -> None:
    # G2 service philosophy: the success team's agents "sono spesso chiamati manager delle
    # relazioni o sostenitori del successo del cliente". ServiceNow CSR: the customer-success
    # representative is "più strategico", finds "opportunità di upselling o cross-selling",
    # and is measured by "i tassi di fidelizzazione dei clienti, il valore del ciclo di vita
    # dei clienti e i punteggi di promozione della rete". Same job: one role.
    role = catalog.role_for_title("Customer Success Representative")
    assert role.key == "relationship_manager"
    assert catalog.role_for_title("Rappresentante del successo del cliente").key == role.key
    assert role.metrics == {
        Metric.RETENTION_RATE,
        Metric.CUSTOMER_LIFETIME_VALUE,
        Metric.NPS,
    }
    assert role.responsibility(Duty.UPSELL_AND_CROSS_SELL) is not None
    assert role.level is Level.INDIVIDUAL
    assert "customer_success_representative" not in catalog


def test_the_sales_support_representative_is_a_role_of_its_own(catalog: Catalog) -> None:
    # ServiceNow CSR names "rappresentanti del supporto vendite" as a position that leads to
    # the CSR role: a career path needs two roles. What is a CSR still lists "Staff di
    # supporto alle vendite" among the representative's own titles.
    role = catalog.get("sales_support_representative")
    assert role.career_paths == ("customer_service_representative",)
    assert role.titles[IT] == "Rappresentante del supporto vendite"
    assert catalog.role_for_title("Sales Support Representative") is role
    assert catalog.role_for_title("Sales Support Staff").key == "customer_service_representative"
    # What is a CSR: retailers hire representatives who sell, by phone or on the floor.
    assert role.industries == {Industry.RETAIL}
    assert role.channels == {Channel.PHONE, Channel.FACE_TO_FACE}
    assert role.authority == catalog.get("customer_service_representative").authority


def test_quotas_are_measured_but_not_numbered(catalog: Catalog) -> None:
    # LiveAgent roles: representatives "hanno un certo numero di e-mail o chiamate che devono
    # eseguire quotidianamente"; call-center agents handle "un volume elevato di chiamate".
    # What is a CSR: telemarketers are "spesso definite telemarket, ma la loro funzione è
    # essenzialmente di servizio clienti"; the catalog infers the representative's quota for
    # them (no article names a telemarketer's quota, nor their skills: they have none).
    # No article gives a number, so no daily quota is set; the roles are measured by it.
    for key in ("customer_service_representative", "call_center_agent", "telemarketer"):
        role = catalog.get(key)
        assert Metric.DAILY_QUOTA in role.metrics, key
    assert all(role.daily_quota is None for role in catalog)
