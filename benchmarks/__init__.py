"""Benchmarks for polyglot: a seeded corpus generator and ``make bench``."""
