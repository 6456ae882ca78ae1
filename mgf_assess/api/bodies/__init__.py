"""Request bodies: the JSON objects the API accepts, as pydantic models, and reading them.

Each model is both the check (``read_body``) and, through its JSON Schema, the request body of
the OpenAPI document (``api.openapi``), so the document and the validation cannot drift apart.
Validation is strict: an integer is a JSON integer (not ``"3"``, ``3.0`` or ``true``), text is
a JSON string, unknown fields are refused, and every problem is reported at once in the API's
problem format (``location``, ``code``, ``message``).
"""

from mgf_assess.api.bodies.models import (  # noqa: F401  (the bodies' interface)
    MAX_REVISION,
    AnswerSave,
    Body,
    EvidenceReview,
    NewAssessment,
    NewComment,
    NewEvidence,
    NewEvidenceUpload,
    OverrideSet,
    RequestBody,
    TransitionRequest,
    WorkbookImportForm,
)
from mgf_assess.api.bodies.problems import BodyError, item, unusable  # noqa: F401
from mgf_assess.api.bodies.reading import (  # noqa: F401
    MAX_JSON_DEPTH,
    nesting_depth,
    read_body,
    read_form,
    validated,
)
