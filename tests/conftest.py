"""Test configuration: hypothesis profiles.

Three named profiles, chosen by ``HYPOTHESIS_PROFILE`` (or ``ci`` when the
``CI`` environment variable is set and no profile is named):

- ``default`` keeps a local run quick (100 examples a property);
- ``ci`` is what the README's test command runs in CI (500 examples);
- ``deep`` is ``make test-deep``: ten times the CI count (5,000 examples), for
  a long hunt before a release or after a change to an engine.

A test whose own ``@settings(max_examples=...)`` pins a count keeps it in
every profile.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "deep",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    print_blob=True,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
settings.load_profile(PROFILE)
