"""Fail loudly when the PostgreSQL server the test suite needs does not answer.

The PostgreSQL half of the suite must never be skipped silently: in CI a missing server is a
failure. Usage: python scripts/require_postgres.py postgresql://user@host:port/db
"""

import sys

import psycopg


def main(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=5) as connection:
            version = connection.execute("select version()").fetchone()[0]
    except psycopg.OperationalError as error:
        print(f"PostgreSQL at {url} does not answer: {error}", file=sys.stderr)
        return 1
    print(f"PostgreSQL: {version.split(',')[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
