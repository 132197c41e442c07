"""Resolving, parsing and composing job titles, against a plain dictionary lookup.

Baseline: the cheapest possible title lookup, which only lower-cases, splits
and looks the joined words up in a dict (`table.get(" ".join(t.lower().split()))`),
over the same typical titles. Targets (issue 7): `role_for_title` at most 20x
the baseline, `compose_title` at most 10x.

"Warm" is the steady state of a program that sees titles again (the parser
and the catalog remember up to 4,096 and 2,048 of them); "cold" clears those
memories before every call, so it is the cost of a title never seen before.
The last table shows the guard against hostile input: a 100 KB and a 1 MB
string are refused in constant time, and below that guard parsing grows
linearly with the length.
"""

import contextlib
import platform
import timeit

from csroles import default_catalog, parse_title
from csroles.titles import compose_title
from csroles.titles._compose import _COMPOSED
from csroles.titles._parser import _parse

NUMBER = 2_000
REPEAT = 7

# Typical titles as HR systems send them: canonical titles in the three
# languages, other spellings, plurals with articles, abbreviations.
TYPICAL = [
    "Customer Success Manager",
    "customer service representative",
    "Responsabile dell'assistenza clienti",
    "Менеджер по развитию клиентов",
    "Call-Center Agent",
    "I rappresentanti del servizio clienti",
    "Менеджеры службы поддержки клиентов",
    "Sr. CSR",
    "Head of Customer Support",
    "Technical Support Specialist II",
]
COMPOSE = [
    ("customer", "success", "manager", "en"),
    ("customer", "support", "representative", "it"),
    ("customer", "development", "manager", "ru"),
    (None, "call_center", "agent", "ru"),
]


def _per_call(statement: object, number: int = NUMBER) -> float:
    """Seconds per call: the best of REPEAT rounds."""
    best = min(timeit.repeat(statement, number=number, repeat=REPEAT))  # type: ignore[call-overload]
    return float(best) / number


def _baseline() -> float:
    table = {" ".join(t.lower().split()): i for i, t in enumerate(TYPICAL)}

    def run() -> None:
        for text in TYPICAL:
            table.get(" ".join(text.lower().split()))

    return _per_call(run) / len(TYPICAL)


def _resolve_warm() -> float:
    catalog = default_catalog()

    def run() -> None:
        for text in TYPICAL:
            catalog.role_for_title(text)

    run()
    return _per_call(run) / len(TYPICAL)


def _resolve_cold() -> float:
    catalog = default_catalog()
    catalog.role_for_title("Sr. CSM")  # parse the catalog's own titles once
    memo = catalog._memo  # the benchmark empties the catalog's memory

    def run() -> None:
        for text in TYPICAL:
            _parse.cache_clear()
            memo.pop("title_matches", None)
            memo.pop("title_roles", None)
            catalog.role_for_title(text)

    return _per_call(run, NUMBER // 10) / len(TYPICAL)


def _exact_cold() -> float:
    catalog = default_catalog()
    memo = catalog._memo  # the benchmark empties the catalog's memory
    exact = [t for t in TYPICAL if catalog.match_title(t).kind == "exact"]

    def run() -> None:
        for text in exact:
            memo.pop("title_roles", None)
            catalog.role_for_title(text)

    return _per_call(run) / len(exact)


def _parse_cold() -> float:
    def run() -> None:
        for text in TYPICAL:
            _parse.cache_clear()
            parse_title(text)

    return _per_call(run, NUMBER // 10) / len(TYPICAL)


def _composing(*, warm: bool) -> float:
    def run() -> None:
        for audience, function, position, language in COMPOSE:
            if not warm:
                _COMPOSED.clear()
            compose_title(
                audience=audience, function=function, position=position, language=language
            )

    run()
    return _per_call(run) / len(COMPOSE)


def _refuse(length: int) -> float:
    junk = ("Agent \u2603! " * (length // 9 + 1))[:length]

    def run() -> None:
        with contextlib.suppress(LookupError):
            parse_title(junk)

    return _per_call(run, 200)


def _parse_length(words: int) -> float:
    # A long, odd but understood title: "Customer Customer ... Support Agent".
    text = " ".join(["Customer"] * (words - 2) + ["Support", "Agent"])

    def run() -> None:
        _parse.cache_clear()
        parse_title(text, language="en")

    return _per_call(run, 200)


def main() -> str:
    """Measure and return the markdown tables."""
    base = _baseline()
    rows = [
        ("lower-case, split, dict lookup: the baseline", base, ""),
        ("`default_catalog().role_for_title(text)`, warm", _resolve_warm(), "<= 20"),
        ("`role_for_title`, cold (a title never seen)", _resolve_cold(), "(reference)"),
        ("`role_for_title`, cold, canonical titles only", _exact_cold(), "(reference)"),
        ("`parse_title(text)`, cold", _parse_cold(), "(reference)"),
        ("`compose_title(...)`, warm", _composing(warm=True), "<= 10"),
        ("`compose_title(...)`, cold", _composing(warm=False), "(reference)"),
    ]
    lines = [
        "| operation, per title | µs per call | ratio to the baseline | target |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {seconds * 1e6:.2f} | {seconds / base:.1f} | {target} |"
        for name, seconds, target in rows
    ]
    small, large = _refuse(100_000), _refuse(1_000_000)
    short, long = _parse_length(10), _parse_length(100)
    lines += [
        "",
        "| hostile or long input | µs per call | ratio |",
        "|---|---|---|",
        f"| refuse 100 KB of junk | {small * 1e6:.2f} | 1.00 |",
        f"| refuse 1 MB of junk | {large * 1e6:.2f} | {large / small:.2f} (constant) |",
        f"| parse a title of 10 words | {short * 1e6:.1f} | 1.00 |",
        f"| parse a title of 100 words | {long * 1e6:.1f} | {long / short:.1f} (linear: < 10) |",
        "",
        (
            f"{len(TYPICAL)} typical titles (canonical and other spellings, plurals with "
            f"articles, abbreviations; English, Italian, Russian); best of {REPEAT} rounds; "
            f"Python {platform.python_version()} on {platform.machine()}."
        ),
    ]
    return "\n".join(lines) + "\n"
