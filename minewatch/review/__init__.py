"""Review: the fact lifecycle, merging, conflicts between sources, and staleness.

Every change is a revision through the store; nothing here deletes anything.
"""

from minewatch.review.conflicts import Conflict, find_conflicts
from minewatch.review.lifecycle import ReviewError, accept, bulk_accept, edit, history, reject
from minewatch.review.merge import duplicates, merge, sources
from minewatch.review.staleness import is_stale, staleness

__all__ = [
    "Conflict",
    "ReviewError",
    "accept",
    "bulk_accept",
    "duplicates",
    "edit",
    "find_conflicts",
    "history",
    "is_stale",
    "merge",
    "reject",
    "sources",
    "staleness",
]
