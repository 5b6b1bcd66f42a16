"""Analyses over accepted facts: overviews, timelines, scorecards, comparisons."""
