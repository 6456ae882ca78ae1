"""Relevance expressions: an XLSForm subset, parsed once and evaluated many times, never eval'd.

``parser`` turns text into an ``Expression``; ``tree`` holds the node classes that evaluate
themselves; ``values`` defines what answer values are and how operators treat them.
"""
