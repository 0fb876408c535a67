"""Imports of indicator values: one parser module per format, one shared core that validates
every row first and then writes them all in one transaction (`core.run_import`)."""
