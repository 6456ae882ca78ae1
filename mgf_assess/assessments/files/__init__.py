"""Evidence files: which are accepted (judged by their bytes, never by their name) and where
they are kept.

``content`` names the type of an allowed file or refuses it; ``archives`` judges Office Open
XML and OpenDocument packages from their zip directory and the first bytes of their members,
never unpacking them; ``storage`` keeps files under random names and serves them back.
"""

from mgf_assess.assessments.files.archives import LIMITS, ArchiveLimits
from mgf_assess.assessments.files.content import ALLOWED_DESCRIPTION, sniff
from mgf_assess.assessments.files.refusals import Refused
from mgf_assess.assessments.files.storage import checked_name, read_upload, send, store

__all__ = ["ALLOWED_DESCRIPTION", "LIMITS", "ArchiveLimits", "Refused", "checked_name", "read_upload", "send", "sniff", "store"]
