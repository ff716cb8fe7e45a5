"""Deterministic demo data for a Moldova-like integration programme.

`seeding.seed` is the entry point (used by `manage.py seed`); `bench.run` measures the search and
detail pages against the seeded registry (used by `manage.py bench`).
"""
