"""The indicator catalogue: data (indicators.yaml), validated on load."""

from .loader import CatalogueError, load_catalogue, parse_catalogue, shipped_catalogue
from .schema import TOTAL, Catalogue, Indicator

__all__ = [
    "TOTAL",
    "Catalogue",
    "CatalogueError",
    "Indicator",
    "load_catalogue",
    "parse_catalogue",
    "shipped_catalogue",
]
