# ruff: noqa: RUF001 (Russian and Italian source text is data here)
"""Role names as the source articles write them: the test data of the title tests.

Every form below is copied from the articles listed on docs/sources.md (*LiveAgent roles*
in Italian and Russian, the other three in Italian; English names for the
teams of *G2 service philosophy*), with the role it names. ``SEED_ROLES`` describes those roles the way a catalog would hand them
to a :class:`~csroles.titles.TitleIndex` (canonical titles in the three
languages and the alternative titles the sources give), written here by hand
so that the title tests do not depend on the catalog.
"""

from __future__ import annotations

from typing import NamedTuple

from csroles import Focus, Level
from csroles.titles import RoleTitles

CSR = "customer_service_representative"
CCA = "call_center_agent"
CSS = "customer_service_supervisor"
CSVM = "customer_service_manager"
CSPR = "customer_support_representative"
CSE = "customer_support_engineer"
CSPM = "customer_support_manager"
CSM = "customer_success_manager"
CXM = "customer_experience_manager"
ADV = "customer_advocate"
CCO = "chief_customer_officer"
CCM = "call_center_manager"
CCD = "call_center_director"
LCA = "live_chat_agent"
SMA = "social_media_agent"
ESA = "email_support_agent"
RM = "relationship_manager"
IS = "implementation_specialist"
TM = "telemarketer"


class Form(NamedTuple):
    """A title as a source writes it, what it is made of, and the role it names."""

    text: str
    audience: str | None
    function: str | None
    position: str | None
    role: str
    qualifiers: tuple[str, ...] = ()


# Seed 000 (Italian): the role names in the forms the article uses.
SEED_000 = [
    Form("rappresentante del servizio clienti", "customer", "service", "representative", CSR),
    Form("agente dell’assistenza clienti", "customer", "support", "agent", CSR),
    Form("I rappresentanti del servizio clienti", "customer", "service", "representative", CSR),
    Form("rappresentanti del servizio clienti junior", "customer", "service", "representative",
         CSR, ("junior",)),
    Form("Gli agenti del call center", None, "call_center", "agent", CCA),
    Form("I supervisori del servizio clienti", "customer", "service", "supervisor", CSS),
    Form("I responsabili del servizio clienti", "customer", "service", "manager", CSVM),
    Form("rappresentanti del servizio", None, "service", "representative", CSR),
    Form("I rappresentanti dell’assistenza clienti", "customer", "support", "representative",
         CSPR),
    Form("Gli ingegneri dell’assistenza clienti (o specialisti dell’assistenza tecnica)",
         "customer", "support", "engineer", CSE),
    Form("I responsabili dell’assistenza clienti", "customer", "support", "manager", CSPM),
    Form("rappresentanti dell’assistenza", None, "support", "representative", CSPR),
    Form("I responsabili della soddisfazione dei clienti", "customer", "satisfaction", "manager",
         CSM),
    Form("I responsabili dell’esperienza del cliente", "customer", "experience", "manager", CXM),
    Form("I sostenitori dei clienti", "customer", None, "advocate", ADV),
    Form("Chief Customer Officer (CCO)", "customer", None, "officer", CCO, ("chief",)),
    Form("CCO", "customer", None, "officer", CCO, ("chief",)),
]  # fmt: skip

# Seed 001 (Russian): each heading, and the plural that opens its paragraph.
SEED_001 = [
    Form("Представитель службы по работе с клиентами", "customer", "service", "representative",
         CSR),
    Form("Представители службы по работе с клиентами", "customer", "service", "representative",
         CSR),
    Form("младшими представителями службы по работе с клиентами", "customer", "service",
         "representative", CSR, ("junior",)),
    Form("агент службы заботы о клиенте", "customer", "care", "agent", CSR),
    Form("Агент колл-центра", None, "call_center", "agent", CCA),
    Form("Агенты колл-центра", None, "call_center", "agent", CCA),
    Form("Супервайзер службы по работе с клиентами", "customer", "service", "supervisor", CSS),
    Form("Супервайзеры службы по работе с клиентами", "customer", "service", "supervisor", CSS),
    Form("Менеджер службы по работе с клиентами", "customer", "service", "manager", CSVM),
    Form("Менеджеры службы по работе с клиентами", "customer", "service", "manager", CSVM),
    Form("Представитель службы поддержки клиентов", "customer", "support", "representative",
         CSPR),
    Form("Представители службы поддержки клиентов", "customer", "support", "representative",
         CSPR),
    Form("представителей службы поддержки", None, "support", "representative", CSPR),
    Form("Инженер службы поддержки клиентов", "customer", "support", "engineer", CSE),
    Form("Инженеры службы поддержки (или специалисты службы технической поддержки)", None,
         "support", "engineer", CSE),
    Form("Менеджер службы поддержки клиентов", "customer", "support", "manager", CSPM),
    Form("Менеджеры службы поддержки клиентов", "customer", "support", "manager", CSPM),
    Form("Менеджер по развитию клиентов", "customer", "development", "manager", CSM),
    Form("Менеджеры по развитию клиентов", "customer", "development", "manager", CSM),
    Form("Менеджер по работе с клиентским опытом", "customer", "experience", "manager", CXM),
    Form("Менеджеры по работе с клиентским опытом", "customer", "experience", "manager", CXM),
    Form("Защитник интересов клиента", "customer", None, "advocate", ADV),
    Form("Защитники интересов клиентов", "customer", None, "advocate", ADV),
    Form("Директор по работе с клиентами (CCO)", "customer", "service", "director", CCO),
    Form("директора по работе с клиентами (CCO)", "customer", "service", "director", CCO),
    Form("специалист по обслуживанию клиентов", "customer", "service", "specialist", CSR),
]  # fmt: skip

# Seed 002 (Italian, ServiceNow): the role names it adds.
SEED_002 = [
    Form("Un rappresentante del servizio clienti (CSR)", "customer", "service", "representative",
         CSR),
    Form("I CSR", "customer", "service", "representative", CSR),
    Form("rappresentante dell'assistenza tecnica", None, "support", "representative", CSPR,
         ("technical",)),
    Form("supervisore del contact center", None, "contact_center", "supervisor", CSS),
    Form("specialista del supporto", None, "support", "specialist", CSE),
    Form("specialista dell'implementazione", None, "implementation", "specialist", IS),
    Form("rappresentanti del call center", None, "call_center", "representative", CCA),
]  # fmt: skip

# *G2 service philosophy* (Italian): the teams; and their English names.
SEED_003 = [
    Form("I manager del call center", None, "call_center", "manager", CCM),
    Form("Gli agenti del call center", None, "call_center", "agent", CCA),
    Form("Il direttore", None, None, "director", CCD),
    Form("Un rappresentante del supporto clienti", "customer", "support", "representative",
         CSPR),
    Form("Un manager del supporto clienti", "customer", "support", "manager", CSPM),
    Form("Un agente dal vivo", None, None, "agent", LCA, ("chat",)),
    Form("Gli agenti dal vivo", None, None, "agent", LCA, ("chat",)),
    Form("team di supporto via email", None, "support", "team", ESA, ("email",)),
    Form("I manager del successo del cliente (CSM)", "customer", "success", "manager", CSM),
    Form("un CSM", "customer", "success", "manager", CSM),
    Form("Manager delle Relazioni", None, "relationship", "manager", RM),
    Form("manager delle relazioni", None, "relationship", "manager", RM),
    Form("sostenitori del successo del cliente", "customer", "success", "advocate", RM),
    Form("Specialista dell'Implementazione", None, "implementation", "specialist", IS),
    Form("Gli specialisti dell'implementazione", None, "implementation", "specialist", IS),
    Form("call-center director", None, "call_center", "director", CCD),
    Form("call-center manager", None, "call_center", "manager", CCM),
    Form("call-center agent", None, "call_center", "agent", CCA),
    Form("live-chat agent", None, None, "agent", LCA, ("chat",)),
    Form("relationship manager", None, "relationship", "manager", RM),
    Form("implementation specialist", None, "implementation", "specialist", IS),
    Form("support manager", None, "support", "manager", CSPM),
    Form("CSM manager", "customer", "success", "manager", CSM),
    Form("email support team", None, "support", "team", ESA, ("email",)),
]  # fmt: skip

# Seed 004 (Italian): other titles of a customer service representative. Most
# are not built from the title grammar; they resolve as exact titles only.
SEED_004_ALTERNATIVES = [
    "Assistente cliente",
    "venditore",
    "Operatore",
    "Bank Teller",
    "Receptionist",
    "Segretario",
    "Assistente amministrativo",
    "Staff di supporto alle vendite",
    "Personale dell'assistenza clienti",
    "Operatore di assunzione dei consumatori",
    "Specialista del servizio",
]
SEED_004 = [
    Form("rappresentante del servizio clienti", "customer", "service", "representative", CSR),
    Form("i rappresentanti dell'assistenza clienti", "customer", "support", "representative",
         CSPR),
    Form("telemarket", None, None, "telemarketer", TM),
]  # fmt: skip

ALL_FORMS = SEED_000 + SEED_001 + SEED_002 + SEED_003 + SEED_004


def _role(key: str, level: Level, focus: Focus, *titles: str) -> RoleTitles:
    return RoleTitles(key=key, titles=titles, level=level, focus=focus)


# The roles of the sources as a catalog describes them: English name,
# Italian (the singular of the name in *LiveAgent roles*), Russian (its
# heading there), then alternative titles from the sources.
SEED_ROLES = [
    _role(CSR, Level.INDIVIDUAL, Focus.SERVICE,
          "Customer Service Representative", "Rappresentante del servizio clienti",
          "Представитель службы по работе с клиентами",
          "Customer Care Agent", "Agente dell'assistenza clienti", "Агент службы заботы о клиенте",
          *SEED_004_ALTERNATIVES),
    _role(CCA, Level.INDIVIDUAL, Focus.SERVICE,
          "Call Center Agent", "Agente del call center", "Агент колл-центра"),
    _role(CSS, Level.SUPERVISOR, Focus.SERVICE,
          "Customer Service Supervisor", "Supervisore del servizio clienti",
          "Супервайзер службы по работе с клиентами"),
    _role(CSVM, Level.MANAGER, Focus.SERVICE,
          "Customer Service Manager", "Responsabile del servizio clienti",
          "Менеджер службы по работе с клиентами"),
    _role(CSPR, Level.INDIVIDUAL, Focus.SUPPORT,
          "Customer Support Representative", "Rappresentante dell'assistenza clienti",
          "Представитель службы поддержки клиентов"),
    _role(CSE, Level.INDIVIDUAL, Focus.SUPPORT,
          "Customer Support Engineer", "Ingegnere dell'assistenza clienti",
          "Инженер службы поддержки клиентов", "Technical Support Specialist"),
    _role(CSPM, Level.MANAGER, Focus.SUPPORT,
          "Customer Support Manager", "Responsabile dell'assistenza clienti",
          "Менеджер службы поддержки клиентов"),
    _role(CSM, Level.MANAGER, Focus.SUCCESS,
          "Customer Success Manager", "Responsabile della soddisfazione dei clienti",
          "Менеджер по развитию клиентов"),
    _role(CXM, Level.MANAGER, Focus.EXPERIENCE,
          "Customer Experience Manager", "Responsabile dell'esperienza del cliente",
          "Менеджер по работе с клиентским опытом"),
    _role(ADV, Level.INDIVIDUAL, Focus.ADVOCACY,
          "Customer Advocate", "Sostenitore dei clienti", "Защитник интересов клиента"),
    _role(CCO, Level.EXECUTIVE, Focus.LEADERSHIP,
          "Chief Customer Officer", "Директор по работе с клиентами"),
    _role(CCM, Level.MANAGER, Focus.SERVICE,
          "Call Center Manager", "Manager del call center", "Менеджер колл-центра"),
    _role(CCD, Level.DIRECTOR, Focus.SERVICE,
          "Call Center Director", "Direttore del call center", "Директор колл-центра"),
    _role(LCA, Level.INDIVIDUAL, Focus.SERVICE,
          "Live Chat Agent", "Agente della chat dal vivo", "Агент онлайн-чата"),
    _role(SMA, Level.INDIVIDUAL, Focus.SERVICE,
          "Social Media Agent", "Agente dei social media", "Агент по работе с соцсетями"),
    _role(ESA, Level.INDIVIDUAL, Focus.SUPPORT,
          "Email Support Agent", "Agente di supporto via email",
          "Агент поддержки по электронной почте"),
    _role(RM, Level.INDIVIDUAL, Focus.SUCCESS,
          "Relationship Manager", "Manager delle relazioni", "Менеджер по отношениям с клиентами",
          "Customer Success Advocate", "Sostenitore del successo del cliente"),
    _role(IS, Level.INDIVIDUAL, Focus.SUCCESS,
          "Implementation Specialist", "Specialista dell'implementazione",
          "Специалист по внедрению"),
    _role(TM, Level.INDIVIDUAL, Focus.SERVICE,
          "Telemarketer", "Telemarketer", "Телемаркетолог"),
]  # fmt: skip
