"""What the demo's reviewers and countries write: queries, replies, notes and reasons.

Fictitious, like the answers. The reviewer writes in English; a country's replies are in its
demo focal point's language. Each text is chosen by ``pick`` from a stable hash, so two seeds
write the same words.
"""

from __future__ import annotations

from mgf_assess.demo.answers import unit

QUERIES = (
    "The answer says this is in place, but the evidence is a draft text. Has it been adopted? "
    "Please attach the adopted version or correct the answer.",
    "Which ministry is responsible for this in practice? The justification names two.",
    "The figure seems high compared with the national statistics office's latest report. "
    "Please confirm the source and the reference year.",
    "Is this implemented nationwide or only in the capital? Please say so in the justification.",
    "The linked page no longer opens. Could you attach the document itself?",
)
COUNTRY_REPLIES = {
    "en": ("The regulation was adopted last year; the adopted text is now attached.",
           "It is implemented in all provinces since the budget reform; the justification now says so.",
           "The figure is from the labour force survey, reference year 2024."),
    "fr": ("Le décret a été adopté l'an dernier ; le texte adopté est maintenant joint.",
           "Le dispositif couvre toutes les régions depuis la réforme budgétaire ; la justification le précise.",
           "Le chiffre provient de l'enquête emploi, année de référence 2024."),
    "es": ("El reglamento se aprobó el año pasado; adjuntamos ahora el texto aprobado.",
           "Se aplica en todos los estados desde la reforma presupuestaria; la justificación ya lo indica.",
           "La cifra procede de la encuesta de empleo, año de referencia 2024."),
    "ar": ("صدر النظام في العام الماضي، وأرفقنا الآن النص المعتمد.",
           "يطبَّق الإجراء في جميع المحافظات منذ إصلاح الموازنة، وقد أوضحنا ذلك في التبرير.",
           "الرقم مأخوذ من مسح القوى العاملة، سنة الأساس 2024."),
}
# When the country has no demo account, the reviewer notes how the query was settled.
REVIEWER_FOLLOW_UPS = (
    "Confirmed with the ministry by telephone: the adopted text was sent by e-mail and is on file.",
    "The focal point explained at the review meeting that the figure covers all regions.",
)
INTERNAL_COMMENTS = (
    "Compare with the previous cycle's answer before accepting: the score rose by two bands.",
    "The evidence is thin here, but consistent with what we saw on the country visit.",
    "Second opinion requested from the regional office on this one.",
)
COMMENTS = (
    "Well documented: thank you for the detailed justification.",
    "Good evidence. For the next cycle, the implementation report would also help.",
)
OVERRIDES = (
    "The law is adopted but not yet implemented: the evidence shows no budget or procedure, so the "
    "answer is scored as partly in place.",
    "The evidence covers only some regions; the validated score reflects partial coverage.",
    "The figure in the evidence is lower than the answer's; scored on the documented figure.",
    "The evidence shows more than the answer claims: the mechanism has met regularly since 2023.",
)
REJECTIONS = (
    "This is a draft, not the adopted text: please attach the version published in the official gazette.",
    "The link does not open (page not found): please attach the document or give a working link.",
    "This document concerns another policy area: it does not support this answer.",
)
RETURN_REASONS = (
    "Returned for the open queries: please answer them and attach the adopted texts where asked, "
    "then submit again.",
    "A few answers need evidence or a correction (see the open queries). Please submit again once done.",
)
REOPEN_REASON = ("Reopened at the government's request: the national statistics office corrected figures "
                 "used in two answers.")


def pick(texts: tuple[str, ...], *parts: object) -> str:
    """One of ``texts``, chosen by a stable hash of ``parts``."""
    return texts[int(unit(*parts, "text") * len(texts))]


def country_reply(language: str | None, *parts: object) -> str:
    """A country's reply, in its language (English when the demo has none in it)."""
    return pick(COUNTRY_REPLIES.get(language or "en", COUNTRY_REPLIES["en"]), *parts)
