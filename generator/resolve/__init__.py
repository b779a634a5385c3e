"""Complete entries from arXiv and Crossref: search, match strictly, and add only the fields a person left out."""
