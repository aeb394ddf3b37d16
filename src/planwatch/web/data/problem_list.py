"""The problems an import found in a file, counted and listed the same way for every kind of
file (figures, projects): every problem counted, the first MAX_LISTED_PROBLEMS kept to show,
and on the command line one line per problem naming the file. Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from planwatch.web.data.rows import Problem

# Enough to mend a file by; a file wrong in a million rows is wrong in the same few ways.
MAX_LISTED_PROBLEMS = 1000


@dataclass(kw_only=True)
class ProblemTally:
    """Keyword-only, so that a result with positional fields of its own can extend it."""

    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    @property
    def unlisted(self) -> int:
        return self.problem_count - len(self.problems)

    def add_problem(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(problem)


def print_problems(file_name: str, tally: ProblemTally, out: TextIO) -> None:
    """Each listed problem on a line of its own after the file's name, then how many were
    left unlisted and that nothing was stored."""
    for problem in tally.problems:
        print(f"{file_name}: {problem}", file=out)
    if tally.unlisted:
        print(f"{file_name}: 另有 {tally.unlisted} 个问题未列出", file=out)
    print(f"{file_name}: {tally.problem_count} 个问题,未写入任何数据 / "
          f"{tally.problem_count} problem(s), nothing stored", file=out)
