"""Plans: jurisdictions, plans, their goal trees, indicators, departments and targets."""
