"""Chinese plan documents → the quantitative targets they state (pure Python, no Django)."""

from .errors import ExtractionError
from .extractor import ExtractedTarget, extract_targets, indicator_key, iter_targets
from .files import extract_bytes, extract_file
from .readers import read_bytes, read_document

__all__ = ["ExtractedTarget", "ExtractionError", "extract_bytes", "extract_file", "extract_targets", "indicator_key",
           "iter_targets", "read_bytes", "read_document"]
