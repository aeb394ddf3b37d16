"""Intake: a planner uploads a plan document, reviews the extractor's proposals beside it and
accepts them into a new or an existing plan."""
