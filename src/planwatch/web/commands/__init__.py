"""The web-side `planwatch` subcommands: plan load/dump, demo, serve.

Each module imports Django only inside run(): `planwatch --help` builds every parser.
"""
