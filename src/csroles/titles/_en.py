"""English title lexicon: words, spellings and the grammar of English titles.

Literal data, checked by :mod:`csroles.titles._lexicon` when first used. English
titles are head-last: ``[seniority] [audience] [function] position``, in title
case ("Senior Customer Success Manager"). ``forms`` are what composition
writes (and parsing reads); ``variants`` are only read: plurals, British
spellings, abbreviations of single words.
"""

from __future__ import annotations

from typing import Any, Final

__all__: list[str] = []

LEXICON: Final[dict[str, Any]] = {
    "language": "en",
    "script": "latin",
    "head": "last",
    "case": "title",
    "connectors": ("of", "the", "a", "an", "and", "or", "for", "to", "in", "s", "&", "+"),
    "templates": {
        "title": "[{seniority:base} ][{audience:sg} ]{function:sg} {position:sg}",
        "title_without_function": "[{seniority:base} ][{audience:sg} ]{position:sg}",
    },
    "audience": {
        "customer": {"forms": {"sg": "customer"}, "variants": ("customers",)},
        "client": {"forms": {"sg": "client"}, "variants": ("clients",)},
        "user": {"forms": {"sg": "user"}, "variants": ("users",)},
        "community": {"forms": {"sg": "community"}, "variants": ("communities",)},
        "consumer": {"forms": {"sg": "consumer"}, "variants": ("consumers",)},
    },
    "function": {
        "service": {"forms": {"sg": "service"}, "variants": ("services",)},
        # A help desk and a service desk (IT's name for it) answer users' problems.
        "help": {
            "forms": {"sg": "help"},
            "variants": ("help desk", "helpdesk", "service desk", "servicedesk"),
        },
        "support": {"forms": {"sg": "support"}},
        "care": {"forms": {"sg": "care"}},
        "assistance": {"forms": {"sg": "assistance"}},
        "success": {"forms": {"sg": "success"}},
        "satisfaction": {"forms": {"sg": "satisfaction"}},
        "experience": {"forms": {"sg": "experience"}, "variants": ("experiences",)},
        "protection": {"forms": {"sg": "protection"}},
        "development": {"forms": {"sg": "development"}},
        "advocacy": {"forms": {"sg": "advocacy"}},
        "relationship": {
            "forms": {"sg": "relationship"},
            # "Account Manager" names only the function: an account is a relationship.
            "variants": (
                "relationships",
                "relations",
                "account",
                "accounts",
                "key account",
                "key accounts",
            ),
        },
        "implementation": {"forms": {"sg": "implementation"}, "variants": ("implementations",)},
        "call_center": {
            "forms": {"sg": "call center"},
            "variants": ("call centers", "call centre", "call centres", "callcenter"),
        },
        "contact_center": {
            "forms": {"sg": "contact center"},
            "variants": ("contact centers", "contact centre", "contact centres"),
        },
    },
    "position": {
        "representative": {
            "forms": {"sg": "representative"},
            "variants": ("representatives", "rep", "reps"),
        },
        "agent": {"forms": {"sg": "agent"}, "variants": ("agents",)},
        "advisor": {"forms": {"sg": "advisor"}, "variants": ("advisors", "adviser", "advisers")},
        "consultant": {"forms": {"sg": "consultant"}, "variants": ("consultants",)},
        "specialist": {
            "forms": {"sg": "specialist"},
            "variants": ("specialists", "analyst", "analysts"),
        },
        "expert": {"forms": {"sg": "expert"}, "variants": ("experts",)},
        "technician": {"forms": {"sg": "technician"}, "variants": ("technicians",)},
        "professional": {"forms": {"sg": "professional"}, "variants": ("professionals",)},
        "guru": {"forms": {"sg": "guru"}, "variants": ("gurus",)},
        "wizard": {"forms": {"sg": "wizard"}, "variants": ("wizards",)},
        "engineer": {"forms": {"sg": "engineer"}, "variants": ("engineers",)},
        "advocate": {"forms": {"sg": "advocate"}, "variants": ("advocates",)},
        # Playful names for front-line people: heroes, ninjas, rock stars, champions.
        "hero": {
            "forms": {"sg": "hero"},
            "variants": (
                "heroes",
                "ninja",
                "ninjas",
                "rockstar",
                "rockstars",
                "rock star",
                "rock stars",
                "champion",
                "champions",
            ),
        },
        "officer": {"forms": {"sg": "officer"}, "variants": ("officers",)},
        "operator": {"forms": {"sg": "operator"}, "variants": ("operators",)},
        "telemarketer": {"forms": {"sg": "telemarketer"}, "variants": ("telemarketers",)},
        "assistant": {"forms": {"sg": "assistant"}, "variants": ("assistants",)},
        "associate": {"forms": {"sg": "associate"}, "variants": ("associates",)},
        "squad": {"forms": {"sg": "squad"}, "variants": ("squads",)},
        "team": {"forms": {"sg": "team"}, "variants": ("teams", "staff")},
        "lead": {
            "forms": {"sg": "lead"},
            "variants": (
                "leads",
                "leader",
                "leaders",
                "team lead",
                "team leads",
                "team leader",
                "team leaders",
            ),
        },
        "coordinator": {"forms": {"sg": "coordinator"}, "variants": ("coordinators",)},
        "supervisor": {"forms": {"sg": "supervisor"}, "variants": ("supervisors",)},
        "manager": {"forms": {"sg": "manager"}, "variants": ("managers", "mgr", "mgrs")},
        "head": {"forms": {"sg": "head"}, "variants": ("heads",)},
        "director": {
            "forms": {"sg": "director"},
            "variants": (
                "directors",
                "vp",
                "vps",
                "svp",
                "evp",
                "vice president",
                "vice presidents",
            ),
        },
    },
    "qualifier": {
        "junior": {
            "forms": {"base": "junior"},
            "variants": ("jr", "jnr", "entry level", "trainee", "apprentice"),
        },
        "senior": {"forms": {"base": "senior"}, "variants": ("sr", "snr")},
        "chief": {"forms": {"base": "chief"}},
        "lead": {"variants": ("lead",)},
        "principal": {"variants": ("principal",)},
        "assistant": {"variants": ("assistant",)},
        "associate": {"variants": ("associate",)},
        "tier_1": {
            "variants": ("i", "1", "tier 1", "tier i", "level 1", "l1", "first line"),
        },
        "tier_2": {
            "variants": ("ii", "2", "tier 2", "tier ii", "level 2", "l2", "second line"),
        },
        "tier_3": {
            "variants": ("iii", "3", "tier 3", "tier iii", "level 3", "l3", "third line"),
        },
        "technical": {"variants": ("technical", "tech", "it")},
        "inbound": {"variants": ("inbound",)},
        "outbound": {"variants": ("outbound",)},
        "chat": {"variants": ("chat", "live chat", "live")},
        "email": {"variants": ("email", "e-mail")},
        "phone": {"variants": ("phone", "telephone", "telephony")},
        "social": {"variants": ("social media", "social")},
        "remote": {"variants": ("remote", "virtual")},
        "sales": {"variants": ("sales", "sale")},
    },
    "abbreviations": {
        "csr": "customer service representative",
        "csrs": "customer service representatives",
        "csm": "customer success manager",
        "csms": "customer success managers",
        "cco": "chief customer officer",
        "cx": "customer experience",
    },
}
