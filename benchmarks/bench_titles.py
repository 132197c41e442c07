"""Resolving, parsing and composing job titles, against a plain dictionary lookup.

Baseline: the cheapest possible title lookup, which only lower-cases, splits
and looks the joined words up in a dict (`table.get(" ".join(t.lower().split()))`),
over the same titles. Targets: `role_for_title` on titles never seen (every
memory off) at most 20x the baseline; over 10,000 distinct titles cycled
through twice with the catalog's memory on, at most 5x on the second pass;
`compose_title` at most 10x.

"Warm" is the steady state of a program that sees titles again (the catalog
remembers 16,384 titles by their normal form, the parser 4,096 texts);
"cold" uses a catalog that remembers nothing and clears the parser's memory
before every call, so it is the cost of a title never seen before. The last
table shows the guard against hostile input: long strings, NUL, lone
surrogates, bidi marks and 50,000 repeated words are refused in constant
time, and below the length guard parsing grows linearly with the length.
"""

import contextlib
import cProfile
import itertools
import os
import platform
import pstats
import time
import timeit

from csroles import Catalog, Language, default_catalog, parse_title
from csroles.titles import compose_title, normalize_title, title_keys
from csroles.titles._compose import _COMPOSED
from csroles.titles._parser import _parse
from csroles.titles._typos import correct

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


def _forgetful() -> Catalog:
    """A catalog that remembers no title, its own titles already read in every language."""
    catalog = Catalog(roles=default_catalog().roles, title_memory=0)
    for text in ("CSR", "Rappresentante", "Представитель"):
        catalog.role_for_title(text)
    return catalog


def _resolve_cold(texts: list[str] = TYPICAL, number: int = NUMBER // 10) -> float:
    catalog = _forgetful()

    def run() -> None:
        for text in texts:
            _parse.cache_clear()
            catalog.role_for_title(text)

    return _per_call(run, number) / len(texts)


def _exact_cold() -> float:
    catalog = _forgetful()
    exact = [t for t in TYPICAL if catalog.match_title(t).kind == "exact"]

    def run() -> None:
        for text in exact:
            catalog.role_for_title(text)

    return _per_call(run) / len(exact)


def _typo_cold() -> float:
    catalog = _forgetful()
    typos = ["Customer Sucess Manager", "customer servise representative", "Менеджр по развитию"]

    def run() -> None:
        for text in typos:
            _parse.cache_clear()
            correct.cache_clear()
            catalog.role_for_title(text)

    return _per_call(run, 20) / len(typos)


def distinct_titles(count: int = 10_000) -> list[str]:
    """``count`` titles with distinct normal forms, composed from the lexicons."""
    keys = title_keys()
    seen: set[str] = set()
    found: list[str] = []
    for language, seniority, audience, function, position in itertools.product(
        Language,
        (None, "senior", "junior", "chief"),
        keys["audience"],
        (None, *keys["function"]),
        keys["position"],
    ):
        text = compose_title(
            audience=audience,
            function=function,
            position=position,
            language=language,
            qualifiers=[seniority] if seniority else [],
        )
        normal = normalize_title(text)
        if normal not in seen:
            seen.add(normal)
            found.append(text)
            if len(found) == count:
                break
    return found


def _cycled(texts: list[str]) -> tuple[float, float, float]:
    """Seconds per title: the baseline, then each of two passes with the catalog's memory on."""
    table = {" ".join(t.lower().split()): i for i, t in enumerate(texts)}
    best = [float("inf")] * 3
    for _ in range(3):
        _parse.cache_clear()
        catalog = Catalog(roles=default_catalog().roles)  # its default memory: 16,384 titles
        catalog.role_for_title("CSR")  # its own titles read once
        start = time.perf_counter()
        for text in texts:
            table.get(" ".join(text.lower().split()))
        middle = time.perf_counter()
        for text in texts:
            catalog.role_for_title(text)
        after = time.perf_counter()
        for text in texts:
            catalog.role_for_title(text)
        end = time.perf_counter()
        for index, seconds in enumerate((middle - start, after - middle, end - after)):
            best[index] = min(best[index], seconds / len(texts))
    return best[0], best[1], best[2]


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


HOSTILE = {
    "5 MB of one letter": "q" * 5_000_000,
    "50,000 repeated words": "agent " * 50_000,
    "NUL characters": "Agent\x00Manager\x00" * 10,
    "lone surrogates": "Customer \ud800 Agent \udfff",
    "bidi marks": "\u202eCustomer Support Agent\u202c\u2066",
}


def _hostile(text: str) -> float:
    catalog = _forgetful()

    def run() -> None:
        _parse.cache_clear()
        with contextlib.suppress(LookupError):
            catalog.role_for_title(text)

    return _per_call(run, 50)


def _parse_length(words: int) -> float:
    # A long, odd but understood title: "Customer Customer ... Support Agent".
    text = " ".join(["Customer"] * (words - 2) + ["Support", "Agent"])

    def run() -> None:
        _parse.cache_clear()
        parse_title(text, language="en")

    return _per_call(run, 200)


# Where the time of a title never seen goes: (label, module file, function).
STAGES = [
    ("normalize the text (memory key, exact lookup)", "catalog.py", "normalize_title"),
    ("exact lookup of the normal form", "catalog.py", "_exact_title"),
    ("fast path: read one run of known words", "_parser.py", "quick_key"),
    ("full reader, for the other titles", "_parser.py", "_parse"),
    ("tokenize (full reader)", "_tokenizer.py", "tokenize"),
    ("match words with phrases (both readers)", "_parser.py", "_phrases"),
    ("settle the parts (both readers)", "_parser.py", "_settle"),
    ("choose the role", "_match.py", "_choose"),
    ("add up the scores (closest role)", "_match.py", "best"),
]


def _profile_cold() -> list[str]:
    """The share of each stage in the cost of a title never seen (cumulative, profiled)."""
    catalog = _forgetful()

    def run() -> None:
        for _ in range(50):
            for text in TYPICAL:
                _parse.cache_clear()
                catalog.role_for_title(text)

    profile = cProfile.Profile()
    profile.runcall(run)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, name), (_, _, tt, _, _) in stats.items())
    rows = []
    for label, module, function in STAGES:
        seconds = sum(
            ct
            for (path, _, name), (_, _, _, ct, _) in stats.items()
            if path.endswith(module) and name == function
        )
        rows.append(f"| {label} | {100 * seconds / total:.0f} % |")
    return [
        "",
        "Profile of the cold row (share of the profiled time of a title never seen;",
        "stages nest: the readers include matching and settling, choosing includes scoring):",
        "",
        "| stage | share |",
        "|---|---|",
        *rows,
    ]


def _verdict(ratio: float, target: float) -> str:
    return f"<= {target}: {'met' if ratio <= target else 'MISSED'}"


def main() -> str:
    """Measure and return the markdown tables."""
    base = _baseline()
    cold = _resolve_cold()
    rows = [
        ("lower-case, split, dict lookup: the baseline", base, ""),
        ("`default_catalog().role_for_title(text)`, warm", _resolve_warm(), "(reference)"),
        (
            "`role_for_title`, cold (a title never seen, memories off)",
            cold,
            _verdict(cold / base, 20),
        ),
        ("`role_for_title`, cold, canonical titles only", _exact_cold(), "(reference)"),
        ("`role_for_title`, cold, read through typos", _typo_cold(), "(reference)"),
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
    lines += _profile_cold()  # where the time of a title never seen goes, met or not
    texts = distinct_titles()
    table_base, first, second = _cycled(texts)
    lines += [
        "",
        f"| {len(texts):,} distinct titles cycled twice, memory on | µs per title | ratio | target |",
        "|---|---|---|---|",
        f"| lower-case, split, dict lookup: the baseline | {table_base * 1e6:.2f} | 1.0 | |",
        f"| first pass (every title new) | {first * 1e6:.2f} | {first / table_base:.1f} | (reference) |",
        (
            f"| second pass (every title remembered) | {second * 1e6:.2f} | "
            f"{second / table_base:.1f} | {_verdict(second / table_base, 5)} |"
        ),
        (
            f"| both passes | {(first + second) / 2 * 1e6:.2f} | "
            f"{(first + second) / 2 / table_base:.1f} | (reference) |"
        ),
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
    ]
    lines += [
        f"| `role_for_title`: {name} | {_hostile(text) * 1e6:.1f} | (target < 10,000 µs) |"
        for name, text in HOSTILE.items()
    ]
    lines += [
        "",
        (
            f"{len(TYPICAL)} typical titles (canonical and other spellings, plurals with "
            f"articles, abbreviations; English, Italian, Russian); best of {REPEAT} rounds; "
            f"Python {platform.python_version()} on {platform.machine()}; load average "
            f"{os.getloadavg()[0]:.1f} at the end of the run (ratios are measured in one "
            "process, but a loaded machine makes them noisy)."
        ),
    ]
    return "\n".join(lines) + "\n"
