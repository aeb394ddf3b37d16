"""Settings for the whole suite."""

from hypothesis import settings

# The suite runs two workers on a two-core machine beside a browser and a database server:
# wall-clock deadlines would fail examples for the machine's load, not for the code's speed.
settings.register_profile("planwatch", deadline=None, print_blob=True)
settings.load_profile("planwatch")
