"""The API's responses as pydantic models, and the ``components.schemas`` of its document.

The models describe what ``api.representations`` and the error handlers build (responses stay
plain dicts); their JSON Schemas are generated, with enums taken from the code's constants.
Request bodies are models too (``api.bodies``), placed beside these by ``model_schemas``.
The scoring result document stays a hand-written schema (``score_schemas``): it is the scoring
library's output, passed through unchanged, not a document the API builds.
"""

from mgf_assess.api.schemas.assessments import (  # noqa: F401  (the schemas' interface)
    Answer,
    AnswerConflict,
    Assessment,
    AssessmentList,
    AssessmentSummary,
    Error,
    ErrorDetail,
    Evidence,
    EvidenceItem,
    Me,
    OpenQuery,
    Problem,
    QuestionItem,
    QuestionnaireRef,
    TransitionResult,
    UserRef,
)
from mgf_assess.api.schemas.documents import comparison_schemas, score_schemas
from mgf_assess.api.schemas.generation import REF_TEMPLATE, model_schemas, ref  # noqa: F401
from mgf_assess.api.schemas.review import (  # noqa: F401
    Change,
    Changes,
    Comment,
    CommentList,
    NotificationItem,
    NotificationList,
    Override,
    OverrideList,
    ReviewProgress,
)
from mgf_assess.api.schemas.workbook import (  # noqa: F401
    CellProblem,
    RowAnswer,
    SavedAnswer,
    StoredAnswer,
    WorkbookImport,
    WorkbookRow,
    WorkbookSummary,
)

RESPONSES = [Error, AnswerConflict, Problem, QuestionItem, AssessmentSummary, Assessment, AssessmentList,
             Answer, Evidence, EvidenceItem, TransitionResult, Me, WorkbookImport, OverrideList, ReviewProgress,
             Changes, Comment, CommentList, NotificationItem, NotificationList]



def all_schemas() -> dict:
    """The document's component schemas of responses and errors."""
    return {**model_schemas(RESPONSES), **score_schemas(), **comparison_schemas()}
