"""The scoring engine (DESIGN §4): answers in, a ScoreSet with both results, gaps and
recommendations out.

``score`` runs one assessment through the per-definition ``plan``: ``questions`` scores one
answer, ``aggregate`` combines children and rounds, ``results`` holds the result tree,
``gaps`` finds gaps and recommendations, ``output`` writes the JSON. ``carry`` moves answers
to a newer version through a mapping.
"""
