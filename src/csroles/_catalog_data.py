"""The built-in roles, as data (the articles of the docs' Sources page).

Read on first use of :func:`csroles.default_catalog`, never at ``import
csroles``. The roles, their duties and skills are built without their
validators (:func:`_unchecked`: converters and defaults as in their
constructors): the tests build every one of them again with its checks and
find it equal, field by field and type by type, and build the catalog with
``Catalog``'s own checks of keys, titles, references and duty owners.

Where the facts come from:

- keys, order, levels, focus and duties of roles 1-11: *LiveAgent roles*
  (Italian and Russian); Italian titles are the singular of the Italian
  names, Russian titles are the Russian headings.
- call-center manager and director, live-chat, social-media and email agents,
  relationship manager, implementation specialist: *G2 service philosophy*;
  telemarketer and the representative's other titles, entry level and lack
  of authority: *What is a CSR*; the representative's duties, skills,
  metrics, career paths, industries, pay and certifications, and the
  sales-support representative: *ServiceNow CSR*.
- *LiveAgent roles* says representatives have a number of emails or calls
  to handle each day and call-center agents a high volume of calls, but no
  article gives a number, so ``daily_quota`` stays unset and those roles are
  measured by ``Metric.DAILY_QUOTA``: set your own quota with
  ``attrs.evolve``. No article gives refund amounts either: individuals may
  decide nothing alone (*What is a CSR*), supervisors may change priorities,
  managers and above may decide everything (*What is a CSR*: what is beyond
  a representative goes to a manager). Configure real limits in your own
  catalog.
- The customer-success representative of *ServiceNow CSR* is the
  relationship manager: *G2 service philosophy* calls the success team's
  agents "relationship managers or customer success advocates", and the two
  articles give them the same long-term work and the same measures
  (retention, lifetime value, NPS); nothing in either sets them apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from csroles.roles import (
    Authority,
    Duty,
    Industry,
    Pay,
    Raci,
    Responsibility,
    Role,
    Skill,
    SkillKind,
)
from csroles.vocabulary import Channel, Direction, Focus, Language, Level, Metric

if TYPE_CHECKING:
    from attrs import AttrsInstance

__all__: list[str] = []

_T = TypeVar("_T", bound="AttrsInstance")


def _unchecked(cls: type[_T], **given: Any) -> _T:
    """``cls(**given)`` without its validators and ``__attrs_post_init__``, for checked data.

    Each field, given or default, is converted by its own converter, as the
    constructor would; nothing is checked. For the shipped data alone:
    the tests check it (see the module docstring).
    """
    instance = object.__new__(cls)
    for field in attrs.fields(cls):
        if field.name in given:
            value = given[field.name]
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = field.default.factory
            value = factory(instance) if field.default.takes_self else factory()
        elif field.default is attrs.NOTHING:
            msg = f"{cls.__name__}: no value for {field.name}"
            raise TypeError(msg)
        else:
            value = field.default
        if field.converter is not None:  # defaults are converted too, as attrs does
            value = field.converter(value)
        object.__setattr__(instance, field.name, value)
    return instance


EN, IT, RU = Language.EN, Language.IT, Language.RU
R, A, C = Raci.RESPONSIBLE, Raci.ACCOUNTABLE, Raci.CONSULTED

_SERVICE_METRICS = (Metric.FIRST_RESPONSE_TIME, Metric.RESOLUTION_TIME, Metric.CSAT)
_TEAM_METRICS = (*_SERVICE_METRICS, Metric.SLA_COMPLIANCE)
_SUCCESS_METRICS = (Metric.RETENTION_RATE, Metric.CUSTOMER_LIFETIME_VALUE, Metric.NPS)
_SUPERVISOR = Authority(change_priorities=True)
_MANAGER = Authority.unlimited()


def _skills(kind: SkillKind, *names: str) -> tuple[Skill, ...]:
    return tuple(_unchecked(Skill, kind=kind, name=name) for name in names)


_BUSINESS, _TECHNICAL, _LANGUAGE = SkillKind.BUSINESS, SkillKind.TECHNICAL, SkillKind.LANGUAGE


def _duties(*pairs: tuple[Duty, Raci]) -> tuple[Responsibility, ...]:
    return tuple(_unchecked(Responsibility, duty=duty, raci=raci) for duty, raci in pairs)


ROLES: tuple[Role, ...] = (
    # 1. LiveAgent roles; ServiceNow CSR (duties, skills, metrics, career, industries, pay); What is a CSR
    _unchecked(
        Role,
        key="customer_service_representative",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={
            EN: "Customer Service Representative",
            IT: "Rappresentante del servizio clienti",
            RU: "Представитель службы по работе с клиентами",
        },
        alternative_titles={
            EN: [
                "CSR",
                "Customer Care Agent",
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
            ],
            IT: [
                "Agente dell'assistenza clienti",
                "Assistente cliente",
                "Venditore",
                "Operatore",
                "Bank Teller",
                "Receptionist",
                "Segretario",
                "Assistente amministrativo",
                "Staff di supporto alle vendite",
                "Personale dell'assistenza clienti",
                "Operatore di assunzione dei consumatori",
                "Specialista del servizio",
            ],
            RU: ["Агент службы заботы о клиенте"],
        },
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.TAKE_ORDERS, R),
            (Duty.HANDLE_RETURNS, R),
            (Duty.HANDLE_COMPLAINTS, R),
            (Duty.ANSWER_BILLING_QUESTIONS, R),
            (Duty.SCHEDULE_APPOINTMENTS, R),
            (Duty.PROACTIVE_OUTREACH, R),
            (Duty.FOLLOW_UP, R),
            (Duty.DIAGNOSE_TECHNICAL_PROBLEMS, R),
            (Duty.HELP_WITH_INSTALLATION, R),
            (Duty.ESCALATE_UNRESOLVED_ISSUES, R),
            (Duty.MAINTAIN_KNOWLEDGE_BASE, R),
            (Duty.TRACK_PERFORMANCE, R),
        ),
        channels=list(Channel),
        metrics=[*_SERVICE_METRICS, Metric.SLA_COMPLIANCE, Metric.DAILY_QUOTA],
        career_paths=[
            "customer_service_manager",
            "customer_service_supervisor",
            "customer_support_engineer",
        ],
        reports_to="customer_service_supervisor",
        industries=[
            Industry.RETAIL,
            Industry.TECHNOLOGY,
            Industry.HEALTHCARE,
            Industry.FINANCE,
            Industry.TELECOM,
            Industry.INSURANCE,
            Industry.UTILITIES,
            Industry.LEGAL,
        ],
        tier=1,
        skills=[
            # ServiceNow CSR: business skills; What is a CSR: manners, telephone skills
            *_skills(
                _BUSINESS,
                "communication",
                "multitasking",
                "attention_to_detail",
                "meeting_deadlines",
                "proactivity",
                "empathy",
                "problem_solving",
                "good_manners",
                "telephone_skills",
            ),
            # ServiceNow CSR: technical skills (CRM and help-desk tools); What is a CSR: office
            *_skills(
                _TECHNICAL,
                "computer_skills",
                "product_knowledge",
                "help_desk_tools",
                "crm_tools",
                "office_skills",
            ),
            # ServiceNow CSR: support in the customers' own language
            *_skills(_LANGUAGE, "foreign_languages"),
        ],
        certifications=[
            "HDI Customer Service Representative",
            "Certified Customer Experience Professional",
            "Certified Customer Service Professional",
        ],
        entry_level=True,
        pay=Pay(
            currency="USD",
            country="US",
            source="Glassdoor",
            average=44_000,
            total=(36_000, 54_000),
            base=(33_000, 48_000),
            extra=(3_000, 6_000),
        ),
    ),
    # 2. LiveAgent roles: in-house or remote, inbound calls, complaints, transactions, outbound interest
    _unchecked(
        Role,
        key="call_center_agent",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={EN: "Call Center Agent", IT: "Agente del call center", RU: "Агент колл-центра"},
        alternative_titles={
            EN: ["Call Center Representative"],
            IT: ["Rappresentante del call center"],
        },
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.HANDLE_COMPLAINTS, R),
            (Duty.PROCESS_TRANSACTIONS, R),
            (Duty.PROACTIVE_OUTREACH, R),
        ),
        channels=[Channel.PHONE],
        metrics=[*_SERVICE_METRICS, Metric.DAILY_QUOTA],
        career_paths=["customer_service_representative"],
        reports_to="call_center_manager",
        industries=[Industry.TELECOM],
        tier=1,
        remote_possible=True,
    ),
    # 3. LiveAgent roles: oversees junior representatives, takes part in hiring, trains and coaches
    _unchecked(
        Role,
        key="customer_service_supervisor",
        level=Level.SUPERVISOR,
        focus=Focus.SERVICE,
        titles={
            EN: "Customer Service Supervisor",
            IT: "Supervisore del servizio clienti",
            RU: "Супервайзер службы по работе с клиентами",
        },
        alternative_titles={
            EN: ["Contact Center Supervisor"],
            IT: ["Supervisore del contact center"],
        },
        responsibilities=_duties(
            (Duty.SUPERVISE_TEAM, R),
            (Duty.HIRE, R),
            (Duty.TRAIN_AND_COACH, R),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.CHAT],
        metrics=_SERVICE_METRICS,
        authority=_SUPERVISOR,
        reports_to="customer_service_manager",
    ),
    # 4. LiveAgent roles: oversees teams, onboards and trains agents, tracks performance, conflicts
    _unchecked(
        Role,
        key="customer_service_manager",
        level=Level.MANAGER,
        focus=Focus.SERVICE,
        titles={
            EN: "Customer Service Manager",
            IT: "Responsabile del servizio clienti",
            RU: "Менеджер службы по работе с клиентами",
        },
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, A),
            (Duty.TAKE_ORDERS, A),
            (Duty.HANDLE_RETURNS, A),
            (Duty.HANDLE_COMPLAINTS, A),
            (Duty.ANSWER_BILLING_QUESTIONS, A),
            (Duty.SCHEDULE_APPOINTMENTS, A),
            (Duty.PROACTIVE_OUTREACH, A),
            (Duty.FOLLOW_UP, A),
            (Duty.RESOLVE_CONFLICTS, A),
            (Duty.TRACK_PERFORMANCE, A),
            (Duty.SUPERVISE_TEAM, A),
            (Duty.HIRE, A),
            (Duty.TRAIN_AND_COACH, A),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.FACE_TO_FACE],
        metrics=_TEAM_METRICS,
        authority=_MANAGER,
    ),
    # 5. LiveAgent roles: SaaS and tech; questions and product problems: installation,
    #    troubleshooting, maintenance and upgrades
    _unchecked(
        Role,
        key="customer_support_representative",
        level=Level.INDIVIDUAL,
        focus=Focus.SUPPORT,
        titles={
            EN: "Customer Support Representative",
            IT: "Rappresentante dell'assistenza clienti",
            RU: "Представитель службы поддержки клиентов",
        },
        alternative_titles={IT: ["Rappresentante del supporto clienti"]},
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.DIAGNOSE_TECHNICAL_PROBLEMS, R),
            (Duty.HELP_WITH_INSTALLATION, R),
            (Duty.HELP_WITH_MAINTENANCE, R),
            (Duty.HELP_WITH_UPGRADES, R),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.FACE_TO_FACE],
        metrics=_SERVICE_METRICS,
        reports_to="customer_support_manager",
        industries=[Industry.TECHNOLOGY],
        tier=1,
        # LiveAgent roles: products that need continuous technical assistance;
        # What is a CSR: software makers want support staff with computer training
        skills=_skills(_TECHNICAL, "product_knowledge", "computer_skills"),
    ),
    # 6. LiveAgent roles: technical support specialist, tier 2: diagnoses, reports, escalates
    _unchecked(
        Role,
        key="customer_support_engineer",
        level=Level.INDIVIDUAL,
        focus=Focus.SUPPORT,
        titles={
            EN: "Customer Support Engineer",
            IT: "Ingegnere dell'assistenza clienti",
            RU: "Инженер службы поддержки клиентов",
        },
        alternative_titles={
            EN: ["Technical Support Specialist"],
            IT: ["Specialista dell'assistenza tecnica"],
            RU: ["Инженер службы поддержки", "Специалист службы технической поддержки"],
        },
        responsibilities=_duties(
            (Duty.DIAGNOSE_TECHNICAL_PROBLEMS, R),
            (Duty.WRITE_REPORTS, R),
            (Duty.ESCALATE_UNRESOLVED_ISSUES, R),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.CHAT],
        metrics=_SERVICE_METRICS,
        career_paths=["customer_service_representative"],
        reports_to="customer_support_manager",
        industries=[Industry.TECHNOLOGY],
        tier=2,
        # ServiceNow CSR: technical skills and deep knowledge of complex software products
        skills=_skills(_TECHNICAL, "product_knowledge", "computer_skills"),
    ),
    # 7. LiveAgent roles: day-to-day support, trains support reps, best practices, knowledge base,
    #    accountable for support quality; G2 service philosophy: supervises reps, handles escalations
    _unchecked(
        Role,
        key="customer_support_manager",
        level=Level.MANAGER,
        focus=Focus.SUPPORT,
        titles={
            EN: "Customer Support Manager",
            IT: "Responsabile dell'assistenza clienti",
            RU: "Менеджер службы поддержки клиентов",
        },
        alternative_titles={EN: ["Support Manager"], IT: ["Manager del supporto clienti"]},
        responsibilities=_duties(
            (Duty.COLLECT_LEADS, A),
            (Duty.MONITOR_SOCIAL_MEDIA, A),
            (Duty.DIAGNOSE_TECHNICAL_PROBLEMS, A),
            (Duty.HELP_WITH_INSTALLATION, A),
            (Duty.HELP_WITH_MAINTENANCE, A),
            (Duty.HELP_WITH_UPGRADES, A),
            (Duty.ESCALATE_UNRESOLVED_ISSUES, A),
            (Duty.HANDLE_ESCALATIONS, A),
            (Duty.WRITE_REPORTS, A),
            (Duty.MAINTAIN_KNOWLEDGE_BASE, A),
            (Duty.SUPERVISE_TEAM, R),
            (Duty.TRAIN_AND_COACH, R),
            (Duty.SET_BEST_PRACTICES, A),
            (Duty.ENSURE_SERVICE_QUALITY, A),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.CHAT],
        metrics=_TEAM_METRICS,
        authority=_MANAGER,
    ),
    # 8. LiveAgent roles: long-term success, relationships, full value; G2 service philosophy: supervises
    #    relationship managers and implementation specialists, distributes portfolios
    _unchecked(
        Role,
        key="customer_success_manager",
        level=Level.MANAGER,
        focus=Focus.SUCCESS,
        titles={
            EN: "Customer Success Manager",
            IT: "Responsabile della soddisfazione dei clienti",
            RU: "Менеджер по развитию клиентов",
        },
        alternative_titles={EN: ["CSM"], IT: ["Manager del successo del cliente"]},
        responsibilities=_duties(
            (Duty.ONBOARD_CLIENTS, A),
            (Duty.MANAGE_PORTFOLIO, A),
            (Duty.BUILD_RELATIONSHIPS, A),
            (Duty.DISTRIBUTE_PORTFOLIOS, A),
            (Duty.UPSELL_AND_CROSS_SELL, A),
            (Duty.SUPERVISE_TEAM, R),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.VIDEO, Channel.FACE_TO_FACE],
        metrics=_SUCCESS_METRICS,
        authority=_MANAGER,
        industries=[Industry.TECHNOLOGY],
        # G2 service philosophy: experts in their offering, know how to navigate the solution
        skills=_skills(_TECHNICAL, "product_knowledge"),
    ),
    # 9. LiveAgent roles: analyses needs, designs and implements experience strategies,
    #    makes every touchpoint of the customer journey engaging and efficient
    _unchecked(
        Role,
        key="customer_experience_manager",
        level=Level.MANAGER,
        focus=Focus.EXPERIENCE,
        titles={
            EN: "Customer Experience Manager",
            IT: "Responsabile dell'esperienza del cliente",
            RU: "Менеджер по работе с клиентским опытом",
        },
        alternative_titles={EN: ["CX Manager"]},
        responsibilities=_duties(
            (Duty.ANALYSE_CUSTOMER_NEEDS, A),
            (Duty.DESIGN_CX_STRATEGY, R),
            (Duty.IMPROVE_TOUCHPOINTS, A),
            (Duty.HANDLE_COMPLAINTS, Raci.INFORMED),
            (Duty.REPRESENT_CUSTOMERS_INTERNALLY, C),
        ),
        metrics=[Metric.NPS, Metric.CSAT, Metric.CUSTOMER_EFFORT_SCORE, Metric.RETENTION_RATE],
        authority=_MANAGER,
    ),
    # 10. LiveAgent roles: customers' interests inside the company, the link between
    #     customers and marketing, pushes internal change to meet their expectations
    _unchecked(
        Role,
        key="customer_advocate",
        level=Level.INDIVIDUAL,
        focus=Focus.ADVOCACY,
        titles={
            EN: "Customer Advocate",
            IT: "Sostenitore dei clienti",
            RU: "Защитник интересов клиента",
        },
        responsibilities=_duties(
            (Duty.REPRESENT_CUSTOMERS_INTERNALLY, A),
            (Duty.LIAISE_WITH_MARKETING, A),
            (Duty.DRIVE_INTERNAL_CHANGE, A),
            (Duty.ANALYSE_CUSTOMER_NEEDS, C),
            (Duty.HANDLE_COMPLAINTS, C),
        ),
        metrics=[Metric.NPS, Metric.CSAT],
    ),
    # 11. LiveAgent roles: works with the board, designs customer-experience strategies
    _unchecked(
        Role,
        key="chief_customer_officer",
        level=Level.EXECUTIVE,
        focus=Focus.LEADERSHIP,
        titles={
            EN: "Chief Customer Officer",
            IT: "Chief Customer Officer",
            RU: "Директор по работе с клиентами",
        },
        alternative_titles={EN: ["CCO"], IT: ["CCO"], RU: ["CCO"]},
        responsibilities=_duties(
            (Duty.DESIGN_CX_STRATEGY, A),
            (Duty.WORK_WITH_BOARD, A),
            (Duty.REPRESENT_CUSTOMERS_INTERNALLY, Raci.INFORMED),
        ),
        metrics=[*_SUCCESS_METRICS, Metric.CSAT],
        authority=_MANAGER,
    ),
    # 12. G2 service philosophy: reports to the director, ensures agents' success, resolves escalated requests
    _unchecked(
        Role,
        key="call_center_manager",
        level=Level.MANAGER,
        focus=Focus.SERVICE,
        titles={
            EN: "Call Center Manager",
            IT: "Manager del call center",
            RU: "Менеджер колл-центра",
        },
        responsibilities=_duties(
            (Duty.PROCESS_TRANSACTIONS, A),
            (Duty.HANDLE_ESCALATIONS, R),
            (Duty.TRACK_PERFORMANCE, R),
            (Duty.SUPERVISE_TEAM, R),
        ),
        channels=[Channel.PHONE],
        metrics=_TEAM_METRICS,
        authority=_MANAGER,
        reports_to="call_center_director",
    ),
    # 13. G2 service philosophy: senior, oversees agents, ensures the quality of assistance
    _unchecked(
        Role,
        key="call_center_director",
        level=Level.DIRECTOR,
        focus=Focus.SERVICE,
        titles={
            EN: "Call Center Director",
            IT: "Direttore del call center",
            RU: "Директор колл-центра",
        },
        responsibilities=_duties(
            (Duty.SUPERVISE_TEAM, R),
            (Duty.ENSURE_SERVICE_QUALITY, R),
        ),
        metrics=_TEAM_METRICS,
        authority=_MANAGER,
    ),
    # 14. G2 service philosophy: website or portal chat, quick questions and problems, may collect leads
    _unchecked(
        Role,
        key="live_chat_agent",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={
            EN: "Live Chat Agent",
            IT: "Agente della chat dal vivo",
            RU: "Агент онлайн-чата",
        },
        alternative_titles={EN: ["Live Agent"], IT: ["Agente dal vivo"]},
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.HANDLE_COMPLAINTS, R),
            (Duty.COLLECT_LEADS, R),
        ),
        channels=[Channel.CHAT],
        metrics=_SERVICE_METRICS,
        reports_to="customer_support_manager",
        industries=[Industry.TECHNOLOGY],
        tier=1,
    ),
    # 15. G2 service philosophy: resolves problems raised on social media; mentions become tickets
    _unchecked(
        Role,
        key="social_media_agent",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={
            EN: "Social Media Agent",
            IT: "Agente dei social media",
            RU: "Агент по работе с социальными сетями",
        },
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.HANDLE_COMPLAINTS, R),
            (Duty.MONITOR_SOCIAL_MEDIA, R),
        ),
        channels=[Channel.SOCIAL],
        metrics=_SERVICE_METRICS,
        reports_to="customer_support_manager",
        tier=1,
    ),
    # 16. G2 service philosophy: the email support team, timely answers and conflict resolution
    _unchecked(
        Role,
        key="email_support_agent",
        level=Level.INDIVIDUAL,
        focus=Focus.SUPPORT,
        titles={
            EN: "Email Support Agent",
            IT: "Agente del supporto via email",
            RU: "Агент поддержки по электронной почте",
        },
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.HANDLE_COMPLAINTS, R),
        ),
        channels=[Channel.EMAIL],
        metrics=_SERVICE_METRICS,
        reports_to="customer_support_manager",
        tier=1,
    ),
    # 17. G2 service philosophy: first point of contact for a portfolio of clients ("customer success
    #     advocates"); ServiceNow CSR: the customer-success representative, upsell and cross-sell
    _unchecked(
        Role,
        key="relationship_manager",
        level=Level.INDIVIDUAL,
        focus=Focus.SUCCESS,
        titles={
            EN: "Relationship Manager",
            IT: "Manager delle relazioni",
            RU: "Менеджер по взаимоотношениям с клиентами",
        },
        alternative_titles={
            EN: ["Customer Success Advocate", "Customer Success Representative"],
            IT: ["Sostenitore del successo del cliente", "Rappresentante del successo del cliente"],
        },
        responsibilities=_duties(
            (Duty.MANAGE_PORTFOLIO, R),
            (Duty.BUILD_RELATIONSHIPS, R),
            (Duty.UPSELL_AND_CROSS_SELL, R),
        ),
        channels=[Channel.PHONE, Channel.EMAIL, Channel.VIDEO, Channel.FACE_TO_FACE],
        metrics=_SUCCESS_METRICS,
        reports_to="customer_success_manager",
        industries=[Industry.TECHNOLOGY],
    ),
    # 18. G2 service philosophy: onboards a client's staff to new software until they stand alone
    _unchecked(
        Role,
        key="implementation_specialist",
        level=Level.INDIVIDUAL,
        focus=Focus.SUCCESS,
        titles={
            EN: "Implementation Specialist",
            IT: "Specialista dell'implementazione",
            RU: "Специалист по внедрению",
        },
        responsibilities=_duties((Duty.ONBOARD_CLIENTS, R)),
        channels=[Channel.FACE_TO_FACE, Channel.VIDEO, Channel.PHONE, Channel.EMAIL],
        metrics=_SUCCESS_METRICS,
        reports_to="customer_success_manager",
        industries=[Industry.TECHNOLOGY],
    ),
    # 19. What is a CSR: outbound calls to prospective buyers; the function is customer service
    _unchecked(
        Role,
        key="telemarketer",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={
            EN: "Telemarketer",
            IT: "Operatore di telemarketing",
            RU: "Оператор телемаркетинга",
        },
        alternative_titles={IT: ["Telemarketer"]},
        responsibilities=_duties((Duty.PROACTIVE_OUTREACH, R)),
        channels=[Channel.PHONE],
        directions=[Direction.OUTBOUND],
        metrics=[Metric.DAILY_QUOTA, Metric.CSAT],
    ),
    # 20. ServiceNow CSR: one of the positions that lead to the CSR role (its duties are not
    #     described there); What is a CSR: representatives who work in sales take orders,
    #     answer questions on products, prices and shipping and hear complaints, in retail
    _unchecked(
        Role,
        key="sales_support_representative",
        level=Level.INDIVIDUAL,
        focus=Focus.SERVICE,
        titles={
            EN: "Sales Support Representative",
            IT: "Rappresentante del supporto vendite",
            RU: "Представитель службы поддержки продаж",
        },
        responsibilities=_duties(
            (Duty.ANSWER_PRODUCT_QUESTIONS, R),
            (Duty.TAKE_ORDERS, R),
            (Duty.HANDLE_COMPLAINTS, R),
        ),
        channels=[Channel.PHONE, Channel.FACE_TO_FACE],
        metrics=_SERVICE_METRICS,
        career_paths=["customer_service_representative"],
        industries=[Industry.RETAIL],
    ),
)
