"""The queueing arithmetic behind staffing: Erlang B, Erlang C and Erlang A, in floats.

Everything here takes plain floats in seconds and trusts its caller (the public
functions validate). Nothing uses factorials or powers of the load: the Erlang
B recurrence

    B(0) = 1,    B(n) = A·B(n-1) / (n + A·B(n-1))

keeps every intermediate value in [0, 1], so loads of 10,000 Erlangs and more
neither overflow nor lose precision. Each step rounds three times and scales
the error it inherits by n / (n + A·B(n-1)) < 1, so the relative error of B(N)
is at most 3·N·2**-53 (about 3.4e-12 at N = 10,000); the tests check the
computed values against a 60-digit decimal oracle within that bound.

Erlang A (M/M/n+M: customers abandon after an exponential patience) is exact
too: the queue's stationary distribution is the Erlang B part below n agents
and a tail whose terms are a running product, summed until they no longer
change the total; the service level among answered contacts comes from the
same tail and the exact distribution of the wait (see :func:`erlang_a`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

__all__: list[str] = []

# The tail of Erlang A is summed until a term adds less than this to the total.
_TAIL_EPSILON = 2.0**-60
# The Poisson weights of the uniformised wait are summed until this much is left.
_POISSON_EPSILON = 2.0**-60


def erlang_b(load: float, servers: int) -> float:
    """The Erlang B blocking probability for ``servers`` servers (0 servers: 1)."""
    b = 1.0
    for n in range(1, servers + 1):
        ab = load * b
        b = ab / (n + ab)
    return b


def wait_probability(load: float, servers: int, b: float) -> float:
    """Erlang C from Erlang B: the chance that a contact waits (``servers`` > ``load``)."""
    return servers * b / (servers - load * (1.0 - b))


def erlang_c(
    load: float, servers: int, b: float, handle: float, threshold: float
) -> tuple[float, float, float]:
    """The wait probability, the service level within ``threshold`` and the mean wait.

    ``b`` is B(servers) for ``load``; ``handle`` and ``threshold`` are in
    seconds; the queue must be stable (``servers`` > ``load``).
    """
    c = wait_probability(load, servers, b)
    spare = servers - load
    service_level = 1.0 - c * math.exp(-spare * threshold / handle)
    return c, max(0.0, service_level), c * handle / spare


def _tail(arrival: float, capacity: float, abandon: float) -> list[float]:
    """The terms t(m) = prod_{j<=m} arrival / (capacity + j·abandon), m = 0, 1, ...

    They are the stationary probabilities of m waiting contacts relative to
    that of none waiting with every agent busy; summed until negligible.
    """
    terms = [1.0]
    total = 1.0
    t = 1.0
    m = 0
    while True:
        m += 1
        ratio = arrival / (capacity + m * abandon)
        t *= ratio
        terms.append(t)
        total += t
        if ratio < 1.0 and t < _TAIL_EPSILON * total:
            return terms


def _poisson_weights(mean: float) -> Iterator[float]:
    """The Poisson probabilities P(J = 0), P(J = 1), ... until the rest is negligible.

    Computed as exp of the log-probability, so a mean in the thousands does
    not underflow ``exp(-mean)``.
    """
    if mean == 0:
        yield 1.0
        return
    log_mean = math.log(mean)
    j = 0
    while True:
        weight = math.exp(j * log_mean - mean - math.lgamma(j + 1))
        yield weight
        j += 1
        # Past the mean the weights fall at least geometrically, by mean / j,
        # so what is left is at most weight · j / (j - mean).
        if j > mean and weight * j / (j - mean) < _POISSON_EPSILON:
            return


def erlang_a(  # noqa: PLR0917 (private kernel, positional like erlang_c)
    load: float,
    servers: int,
    b: float,
    handle: float,
    patience: float,
    threshold: float,
) -> tuple[float, float, float, float]:
    """Erlang A: wait probability, abandonment, service level of answered contacts, mean wait.

    ``b`` is B(servers) for ``load``; times are in seconds. The mean wait is
    that of every contact (answered or abandoned), by Little's law.

    The service level is P(wait <= threshold | answered). A contact that finds
    m others waiting is answered once m + 1 agents free up or those ahead
    abandon: from position i it moves up at rate n·mu + (i-1)·theta and gives
    up at rate theta. The chance of being answered within the threshold is
    computed for the whole arrival distribution at once by uniformising that
    chain (a Poisson mixture of its steps), exactly up to the truncations.
    """
    if b == 0.0:  # so many agents that nobody ever waits (B underflowed)
        return 0.0, 0.0, 1.0, 0.0
    mu = 1.0 / handle
    theta = 1.0 / patience
    arrival = load * mu
    capacity = servers * mu
    terms = _tail(arrival, capacity, theta)
    tail_total = math.fsum(terms)  # includes t(0) = 1
    below = 1.0 / b - 1.0  # sum of pi(k)/pi(n) for k < n
    at_full = 1.0 / (below + tail_total)
    waits = at_full * tail_total
    queue = at_full * math.fsum(m * t for m, t in enumerate(terms))
    abandonment = theta * queue / arrival
    answered = 1.0 - abandonment
    # Uniformised chain over positions 1..M (M = len(terms)): mass[i] is the
    # probability of being at position i + 1 and not yet answered or gone.
    top = len(terms)
    rate = capacity + top * theta
    mass = [at_full * t for t in terms]
    done = 0.0
    within = 0.0
    up = [(capacity + i * theta) / rate for i in range(top)]  # position i + 1 moves up
    stay = [1.0 - (capacity + (i + 1) * theta) / rate for i in range(top)]
    for weight in _poisson_weights(rate * threshold):
        within += weight * done
        done += mass[0] * up[0]
        mass = [mass[i] * stay[i] + mass[i + 1] * up[i + 1] for i in range(top - 1)] + [
            mass[top - 1] * stay[top - 1]
        ]
    served_in_time = (1.0 - waits) + within
    service_level = min(1.0, max(0.0, served_in_time / answered)) if answered > 0 else 0.0
    return waits, abandonment, service_level, queue / arrival
