"""Deterministic demo data for a Moldova-like integration programme.

`seeding.seed` is the entry point (used by `manage.py seed`): the registry (generator, records,
bulk), then for the same people the other modules (modules: pathways_demo, partners_network,
partners_demo, courses_catalogue, courses_demo, population) and the scenario cases
(scenarios, scenarios_abroad, scenario_cases). `bench.run` measures the search and detail pages
against the seeded registry (used by `manage.py bench`).
"""
