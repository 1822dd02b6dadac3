"""Fixtures shared by the gazetteer tests beside this file."""

# The fake Nominatim server of test_online_geocoder, for the other online tests here (a fixture that a
# test module imported itself would shadow its test functions' ``server`` parameter).
from test_online_geocoder import server  # noqa: F401
