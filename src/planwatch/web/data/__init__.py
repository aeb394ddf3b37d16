"""Data: observations, kept append-only with their provenance and revisions."""
