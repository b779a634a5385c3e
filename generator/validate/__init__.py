"""Validate: check entries, the taxonomy and the gazetteer; collect every problem."""
