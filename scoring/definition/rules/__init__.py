"""Semantic rules on a well-shaped definition or mapping, one function per rule.

Each rule yields problems; ``scoring.definition.validate`` lists the rules that run.
``walk`` yields the located parts of a definition the rules iterate over.
"""
