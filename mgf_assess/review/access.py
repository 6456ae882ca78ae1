"""What the access policy reasons about for threads: a question of an assessment, and whether
the thread concerned is internal (a new thread, or the one a reply goes to)."""

from __future__ import annotations

from dataclasses import dataclass

from mgf_assess.assessments.access import AnswerTarget


@dataclass
class ThreadTarget:
    """One question's thread as the policy's ``comment.*`` rules see it."""

    question: AnswerTarget
    internal: bool = False

    @property
    def assessment(self):
        return self.question.assessment

    @property
    def country_code(self) -> str:
        return self.question.assessment.country_code
