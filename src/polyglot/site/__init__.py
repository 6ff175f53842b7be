"""The static website built from the compiled catalogs."""
