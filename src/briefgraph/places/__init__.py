"""Places: the offline gazetteer (knowledge/places/gazetteer.tsv.gz), name lookup,
disambiguation by the document's countries, and distances.

    from briefgraph.places import gazetteer, resolve, DocumentCountries
    resolve("Tripoli", DocumentCountries({"LBN": 3}))   # -> Place(name='Tripoli', country='LBN', ...)

The places stage (stages/places.py) uses it to give events their `location`.
"""

from .datelines import dateline_country
from .disambiguate import RULES, DocumentCountries, resolve
from .gazetteer import KINDS, Gazetteer, Place, gazetteer, place_key
from .geo import bounding_box, haversine_km, parse_point

__all__ = ["KINDS", "RULES", "DocumentCountries", "Gazetteer", "Place", "bounding_box", "dateline_country", "gazetteer",
           "haversine_km", "parse_point", "place_key", "resolve"]
