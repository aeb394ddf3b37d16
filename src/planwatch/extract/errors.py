"""The one error a user can cause while extracting: a file that cannot be read."""


class ExtractionError(Exception):
    """A document that cannot be read; the message is one line: "cannot read FILE: reason"."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"cannot read {source}: {reason}")
        self.source = source
        self.reason = reason
