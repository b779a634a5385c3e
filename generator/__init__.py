"""Build a static research-paper catalogue site from YAML entries."""
