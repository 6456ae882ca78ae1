"""Questionnaire and mapping definitions: the model, reading, validation and the JSON Schema.

``model`` holds the frozen classes; ``loader`` checks and loads files in three stages:
``source`` reads the YAML safely, ``shape`` turns the model's validation errors into located
problems, ``validate`` runs the semantic rules of ``rules``. ``schema`` generates the JSON
Schema shipped for editors.
"""
