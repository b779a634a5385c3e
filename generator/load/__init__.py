"""Load: read the catalogue's files into positioned YAML documents."""
