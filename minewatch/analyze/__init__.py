"""Analyses over reviewed facts: overviews, timelines, policy diffs, compare, scorecards, versions of a source.

Every function returns plain data (dicts and lists) that the CLI, the web UI,
the API and the profile share; every finding carries the facts behind it.
"""
