"""Derived figures: roll-ups, comparisons, indexes. Pure functions of a plan; nothing prints."""
