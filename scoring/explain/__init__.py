"""Plain-text explanations of how a score was obtained (``python -m scoring explain``).

``nodes`` explains any node and, itself, the overall, domain and area nodes; ``question``
explains one question's score.
"""
