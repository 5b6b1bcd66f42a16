"""Structured sources: data files whose rows become facts directly.

Treaty membership tables, UNGA roll-call votes, meeting attendance lists and the
project's own fact exports. Each file is stored as a Document (its text, by
content hash) and each fact spans the row it came from, so structured facts
carry the same provenance as facts read from prose.
"""
