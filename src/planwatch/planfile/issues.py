"""What is wrong with a plan file: each issue names the file, the YAML path and the reason."""

from __future__ import annotations

from dataclasses import dataclass

# A location inside the YAML document: mapping keys and sequence indexes, from the root.
YamlPath = tuple[str | int, ...]


def format_path(path: YamlPath) -> str:
    """("targets", 3, "unit") → "$.targets[3].unit"."""
    text = "$"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


@dataclass(frozen=True)
class PlanFileIssue:
    file: str
    path: YamlPath
    reason: str
    line: int | None = None  # 1-based line in the YAML file, where it could be found

    def __str__(self) -> str:
        where = f" (第 {self.line} 行)" if self.line is not None else ""
        return f"{self.file}: {format_path(self.path)}: {self.reason}{where}"


class PlanFileError(ValueError):
    """A plan file that cannot be used; carries every issue found, not only the first."""

    def __init__(self, issues: list[PlanFileIssue]):
        if not issues:
            raise ValueError("PlanFileError needs at least one issue")
        self.issues = list(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))
