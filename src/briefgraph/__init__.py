"""briefgraph: geopolitical briefs in, sourced and structured event data out.

The library is the product; the CLI, the HTTP API and the web UI are thin
layers over these functions.
"""

from .brief import draft_brief
from .errors import BriefgraphError, InputError, KnowledgeError, ModelError, StoreError
from .ingest import ingest_documents
from .knowledge import Knowledge
from .pipeline import STAGES, Pipeline, Stage, analyse, extract_text
from .readers import read_inputs
from .records import (
    Actor,
    Analysis,
    DocumentInfo,
    Event,
    Failure,
    Quote,
    RawDocument,
    TimeExpr,
)
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Knowledge", "Pipeline", "STAGES", "Stage", "draft_brief", "analyse", "extract_text", "read_inputs",
    "Store", "ingest_documents",
    "Actor", "Analysis", "DocumentInfo", "Event", "Failure", "Quote", "RawDocument", "TimeExpr",
    "BriefgraphError", "InputError", "KnowledgeError", "ModelError", "StoreError",
]
