"""Demo data for trying the application: `flask --app wsgi mgf demo`.

``accounts`` creates an account for every role; ``assessments`` then opens the demo
countries' assessments and takes each as far as its plan says, through the operations (so the
demo's data is checked and audited like real data); ``review`` takes those planned beyond
submission through the evaluator's review (queries, replies, evidence verdicts, overrides) to
their state; ``comparisons`` adds corridors and publishes validated results. ``answers``, ``numbers``, ``evidence`` and
``citations`` make up fictitious, deterministic content; ``countries`` says which country gets
which plan; ``summary`` prints what was added. Every step is idempotent.
"""

from mgf_assess.demo.accounts import DEMO_PASSWORD, print_logins, seed

__all__ = ["DEMO_PASSWORD", "print_logins", "seed"]
