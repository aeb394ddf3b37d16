"""Chinese plan documents → the quantitative targets they state (pure Python, no Django)."""

from .errors import ExtractionError
from .extractor import ExtractedTarget, extract_targets, indicator_key, iter_targets

__all__ = ["ExtractedTarget", "ExtractionError", "extract_targets", "indicator_key", "iter_targets"]
