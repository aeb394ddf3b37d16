"""planwatch — 规划实施监测评估系统.

The pure core (domain, planfile, extract, evaluate, reports) imports nothing from Django;
the web package is the shell that stores and serves what the core computes.
"""

__version__ = "0.1.0"
