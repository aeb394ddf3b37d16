"""The Django shell of planwatch: it stores what the core computes and serves it as pages.

Nothing in planwatch.domain, planfile, extract, evaluate or reports may import from here.
"""
