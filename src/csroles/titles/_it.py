"""Italian title lexicon: words, plurals, articles and articulated prepositions.

Literal data, checked by :mod:`csroles.titles._lexicon` when first used.
Italian titles are head-first, as *LiveAgent roles* and *G2 service philosophy* write them: the position,
then the function with the right articulated preposition, then the audience
("Rappresentante del servizio clienti", "Responsabile dell'assistenza
clienti", "Responsabile della soddisfazione dei clienti", "Manager del
successo del cliente").

Every noun that composition puts after a preposition declares its gender and
its article in the singular and the plural; the loader checks each article
against ``article_rules`` and builds the articulated preposition from the
``contractions`` table (``di`` + ``l'`` = ``dell'``, ``di`` + ``lo`` = ``dello`` ...).
A function's ``phrase`` says how it joins the audience: bare ("servizio
clienti"), with ``di`` ("soddisfazione dei clienti", "esperienza del cliente")
or another preposition ("relazioni con i clienti").
"""

from __future__ import annotations

from typing import Any, Final

__all__: list[str] = []

_S_IMPURA = (
    "sb", "sc", "sd", "sf", "sg", "sk", "sl", "sm", "sn", "sp", "sq", "sr", "st", "sv",
    "z", "gn", "ps", "pn", "x", "y",
)  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "h", "à", "è", "é", "ì", "ò", "ù")


_CONNECTORS = (
    "il", "lo", "la", "l", "i", "gli", "le", "un", "uno", "una",
    "di", "d", "del", "dello", "della", "dell", "dei", "degli", "delle",
    "a", "al", "allo", "alla", "all", "ai", "agli", "alle",
    "da", "dal", "dallo", "dalla", "dall", "dai", "dagli", "dalle",
    "in", "nel", "nello", "nella", "nell", "nei", "negli", "nelle",
    "su", "sul", "sullo", "sulla", "sull", "sui", "sugli", "sulle",
    "con", "per", "tra", "fra", "o", "oppure", "e", "ed", "via", "&", "+",
    # "il reparto dedicato al successo del cliente": the department is the function.
    "reparto", "reparti", "dedicato", "dedicata", "dedicati", "dedicate",
    "ufficio", "uffici", "settore",
)  # fmt: skip

# Articulated prepositions (and the unjoined ones), by article.
_CONTRACTIONS = {
    "di": {"il": "del", "lo": "dello", "l'": "dell'", "la": "della",
           "i": "dei", "gli": "degli", "le": "delle"},
    "a": {"il": "al", "lo": "allo", "l'": "all'", "la": "alla",
          "i": "ai", "gli": "agli", "le": "alle"},
    "da": {"il": "dal", "lo": "dallo", "l'": "dall'", "la": "dalla",
           "i": "dai", "gli": "dagli", "le": "dalle"},
    "in": {"il": "nel", "lo": "nello", "l'": "nell'", "la": "nella",
           "i": "nei", "gli": "negli", "le": "nelle"},
    "su": {"il": "sul", "lo": "sullo", "l'": "sull'", "la": "sulla",
           "i": "sui", "gli": "sugli", "le": "sulle"},
    "con": {"il": "con il", "lo": "con lo", "l'": "con l'", "la": "con la",
            "i": "con i", "gli": "con gli", "le": "con le"},
    "per": {"il": "per il", "lo": "per lo", "l'": "per l'", "la": "per la",
            "i": "per i", "gli": "per gli", "le": "per le"},
}  # fmt: skip


def _noun(sg: str, pl: str, gender: str, article_sg: str, article_pl: str) -> dict[str, Any]:
    """A noun: its singular and plural, its gender and its articles."""
    return {
        "forms": {"sg": sg, "pl": pl},
        "gender": gender,
        "articles": {"sg": article_sg, "pl": article_pl},
    }


LEXICON: Final[dict[str, Any]] = {
    "language": "it",
    "script": "latin",
    "head": "first",
    "case": "sentence",
    "connectors": _CONNECTORS,
    "contractions": _CONTRACTIONS,
    # (gender, number, initial letters, article): the first rule that fits decides.
    "article_rules": (
        ("m", "sg", _VOWELS, "l'"),
        ("f", "sg", _VOWELS, "l'"),
        ("m", "pl", _VOWELS, "gli"),
        ("m", "sg", _S_IMPURA, "lo"),
        ("m", "pl", _S_IMPURA, "gli"),
        ("m", "sg", (), "il"),
        ("m", "pl", (), "i"),
        ("f", "sg", (), "la"),
        ("f", "pl", (), "le"),
    ),
    "templates": {
        "title": "{position:sg}[ {seniority:sg}] {function:phrase}",
        "title_without_function": "{position:sg}[ {seniority:sg}][ {audience:di+pl}]",
    },
    "phrases": {"function": {"phrase": "{function:di+sg}[ {audience:pl}]"}},
    "synonyms": {"client": "customer", "assistance": "support", "advisor": "consultant"},
    "audience": {
        "customer": _noun("cliente", "clienti", "m", "il", "i"),
        "user": _noun("utente", "utenti", "m", "l'", "gli"),
        "community": {
            **_noun("comunità", "comunità", "f", "la", "le"),
            "variants": ("comunita",),
        },
        "consumer": _noun("consumatore", "consumatori", "m", "il", "i"),
    },
    "function": {
        "service": _noun("servizio", "servizi", "m", "il", "i"),
        "help": {
            **_noun("aiuto", "aiuti", "m", "l'", "gli"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:a+pl}]"},
            "variants": ("help desk", "helpdesk", "service desk"),
        },
        "support": {
            **_noun("assistenza", "assistenze", "f", "l'", "le"),
            "variants": ("supporto", "supporti", "sostegno", "sostegni"),
        },
        "care": {
            **_noun("cura", "cure", "f", "la", "le"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+pl}]"},
        },
        "success": {
            **_noun("successo", "successi", "m", "il", "i"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+sg}]"},
        },
        "satisfaction": {
            **_noun("soddisfazione", "soddisfazioni", "f", "la", "le"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+pl}]"},
        },
        "experience": {
            **_noun("esperienza", "esperienze", "f", "l'", "le"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+sg}]"},
        },
        "protection": {
            **_noun("protezione", "protezioni", "f", "la", "le"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+pl}]"},
        },
        "development": {
            **_noun("sviluppo", "sviluppi", "m", "lo", "gli"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+pl}]"},
        },
        "advocacy": {
            **_noun("tutela", "tutele", "f", "la", "le"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:di+pl}]"},
        },
        "relationship": {
            **_noun("relazione", "relazioni", "f", "la", "le"),
            "phrases": {"phrase": "{function:di+pl}[ {audience:con+pl}]"},
            "variants": ("rapporto", "rapporti"),
        },
        "implementation": {
            **_noun("implementazione", "implementazioni", "f", "l'", "le"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:per+pl}]"},
        },
        "call_center": {
            **_noun("call center", "call center", "m", "il", "i"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:per+pl}]"},
            "variants": ("call centre",),
        },
        "contact_center": {
            **_noun("contact center", "contact center", "m", "il", "i"),
            "phrases": {"phrase": "{function:di+sg}[ {audience:per+pl}]"},
            "variants": ("contact centre",),
        },
    },
    "position": {
        "representative": {
            **_noun("rappresentante", "rappresentanti", "m", "il", "i"),
            # "Addetto al servizio clienti", "Addetta all'assistenza clienti".
            "variants": ("addetto", "addetta", "addetti", "addette"),
        },
        "agent": _noun("agente", "agenti", "m", "l'", "gli"),
        "consultant": _noun("consulente", "consulenti", "m", "il", "i"),
        "specialist": _noun("specialista", "specialisti", "m", "lo", "gli"),
        "expert": {
            **_noun("esperto", "esperti", "m", "l'", "gli"),
            "variants": ("esperta", "esperte"),
        },
        "technician": _noun("tecnico", "tecnici", "m", "il", "i"),
        "professional": _noun("professionista", "professionisti", "m", "il", "i"),
        "guru": _noun("guru", "guru", "m", "il", "i"),
        "wizard": _noun("mago", "maghi", "m", "il", "i"),
        "engineer": _noun("ingegnere", "ingegneri", "m", "l'", "gli"),
        "advocate": {
            **_noun("sostenitore", "sostenitori", "m", "il", "i"),
            "variants": ("sostenitrice", "sostenitrici"),
        },
        "hero": {**_noun("eroe", "eroi", "m", "l'", "gli"), "variants": ("eroina", "eroine")},
        "officer": {
            **_noun("funzionario", "funzionari", "m", "il", "i"),
            "variants": ("funzionaria", "funzionarie"),
        },
        "operator": {
            **_noun("operatore", "operatori", "m", "l'", "gli"),
            "variants": ("operatrice", "operatrici"),
        },
        "telemarketer": {
            **_noun("telemarketer", "telemarketer", "m", "il", "i"),
            "variants": ("telemarket", "operatore di telemarketing", "operatori di telemarketing"),
        },
        "assistant": _noun("assistente", "assistenti", "m", "l'", "gli"),
        "associate": {
            **_noun("collaboratore", "collaboratori", "m", "il", "i"),
            "variants": ("collaboratrice", "collaboratrici"),
        },
        "squad": _noun("squadra", "squadre", "f", "la", "le"),
        "team": {**_noun("team", "team", "m", "il", "i"), "variants": ("staff", "personale")},
        "lead": {
            **_noun("leader", "leader", "m", "il", "i"),
            "variants": ("team leader", "caposquadra", "capisquadra", "capo squadra"),
        },
        "coordinator": {
            **_noun("coordinatore", "coordinatori", "m", "il", "i"),
            "variants": ("coordinatrice", "coordinatrici"),
        },
        "supervisor": {
            **_noun("supervisore", "supervisori", "m", "il", "i"),
            "variants": ("supervisor", "supervisora"),
        },
        "manager": {
            **_noun("responsabile", "responsabili", "m", "il", "i"),
            "variants": ("manager",),
        },
        "head": _noun("capo", "capi", "m", "il", "i"),
        "director": {
            **_noun("direttore", "direttori", "m", "il", "i"),
            "variants": ("direttrice", "direttrici"),
        },
    },
    "qualifier": {
        "junior": {"forms": {"sg": "junior"}},
        "senior": {"forms": {"sg": "senior"}},
        "chief": {"forms": {"sg": "capo"}},
        "tier_1": {"variants": ("1", "livello 1", "primo livello", "l1")},
        "tier_2": {"variants": ("ii", "2", "livello 2", "secondo livello", "l2")},
        "tier_3": {"variants": ("iii", "3", "livello 3", "terzo livello", "l3")},
        "technical": {"variants": ("tecnico", "tecnica", "tecnici", "tecniche")},
        "inbound": {"variants": ("inbound", "in entrata")},
        "outbound": {"variants": ("outbound", "in uscita")},
        "chat": {"variants": ("chat", "chat dal vivo", "dal vivo", "live chat")},
        "email": {"variants": ("email", "e-mail", "posta elettronica")},
        "phone": {
            "variants": ("telefono", "telefonico", "telefonica", "telefonici", "telefoniche"),
        },
        "social": {"variants": ("social media", "social")},
        "remote": {"variants": ("remoto", "da remoto", "virtuale")},
        "sales": {"variants": ("vendite", "vendita", "commerciale", "commerciali")},
    },
    "abbreviations": {
        "csr": "rappresentante del servizio clienti",
        "csm": "responsabile del successo del cliente",
        "cx": "esperienza del cliente",
    },
}
