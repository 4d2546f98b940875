"""Test configuration: Qt runs off-screen, hypothesis is deterministic."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")
