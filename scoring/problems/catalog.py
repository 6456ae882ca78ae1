"""Every problem the scoring library can report: its code, message template and fix.

Code that finds a problem names its entry and passes the values of the placeholders::

    Catalog.UNKNOWN_TARGET_BAND.at("domains[0].target_band", target="meet", codes="low, meets",
                                   hint=hint("meet", ["low", "meets"]))

Templates are ``str.format`` strings with named placeholders (``{{`` and ``}}`` are literal
braces). An entry's name is the public code in capitals, followed by ``__VARIANT`` when one
code is reported in several situations (``WRONG_TYPE__EVIDENCE`` reports ``wrong_type``).
Codes are stable: tools, tests and the application's translations rely on them; messages and
fixes are English and shown as they are by the command line. A ``hint`` placeholder ends a
text with help that may be empty (``. Did you mean 'x'?``, ``; allowed keys: ...``); a
``suggestion`` is `` Did you mean 'x'?`` or empty.
"""

from __future__ import annotations

from enum import Enum, unique
from functools import cache
from string import Formatter
from typing import NamedTuple

from scoring.problems.problem import Problem, Severity

# The fields of a Problem that ``at`` takes by keyword: no placeholder may use these names.
RESERVED = frozenset({"location", "question", "file", "line"})


class Detail(NamedTuple):
    """What an entry says: the message, what to do about it, and whether it blocks use."""

    message: str
    fix: str
    severity: Severity = "error"


@unique
class Catalog(Enum):
    """The catalog; see the module docstring."""

    # ---- reading a definition file (YAML)
    UNREADABLE_FILE = Detail("the file cannot be read: {reason}", "check that the path names a readable file")
    FILE_TOO_LARGE = Detail("the {subject} is larger than {mib} MiB",
                            "split the questionnaire or remove unneeded content")
    NOT_UTF8 = Detail("the file is not UTF-8 text (byte {offset})", "save the file with UTF-8 encoding")
    EMPTY_FILE = Detail("the file is empty", "write a questionnaire starting with format_version: 1")
    INVALID_YAML = Detail("the file is not valid YAML: {detail}",
                          "correct the YAML syntax at that line (indentation, quotes, colons)")
    INVALID_YAML__CONTROL_CHARACTER = Detail("the file contains the control character U+{character} at character "
                                             "{position}", "remove the character (YAML allows only printable text)")
    INVALID_YAML__STRUCTURE = Detail("the YAML structure cannot be read (nested too deeply?)",
                                     "simplify the file's structure")
    NOT_A_MAPPING = Detail("the file holds {kind}, not a mapping of keys",
                           "start the file with the top-level keys, e.g. format_version: 1")
    DUPLICATE_KEY = Detail("the key '{key}' appears more than once in this mapping; only the last one would count",
                           "remove or rename one of the repeated keys")
    RECURSIVE_ALIAS = Detail("an alias refers to a value that contains it",
                             "remove the alias or point it at another anchor")
    TOO_COMPLEX = Detail("the file expands to more than {limit} values", "use fewer nested aliases")
    TOO_COMPLEX__NESTING = Detail("the file is nested too deeply", "simplify the file")
    TOO_DEEP = Detail("the file nests lists and mappings more than {limit} levels deep",
                      "a questionnaire needs about ten levels: look for unclosed brackets or runaway indentation")

    # ---- shape: keys, types and ranges (the model's validation errors, located)
    UNKNOWN_KEY = Detail("unknown key '{key}'", "remove the key or correct its spelling{hint}")
    MISSING_KEY = Detail("the required key '{key}' is missing", "add the key")
    SCORE_OUT_OF_RANGE__BELOW = Detail("{value} is below 0: scores and bounds go from 0 to 100",
                                       "use a value from 0 to 100")
    SCORE_OUT_OF_RANGE__ABOVE = Detail("{value} is above 100: scores and bounds go from 0 to 100",
                                       "use a value from 0 to 100")
    NON_POSITIVE_WEIGHT = Detail("the weight must be greater than 0, found {value}",
                                 "use a weight greater than 0 (1 is the default)")
    INVALID_ID = Detail("{value} is not a valid id or code", "use lowercase letters a-z, digits and _ only")
    INVALID_ID__NAME = Detail("{value} is not a valid id", "use letters, digits, _, - and . only, starting with a "
                              "letter or _ (as XLSForm names)")
    INVALID_ID__OPTION = Detail("{value} is not a valid option code", "write the code without spaces")
    INVALID_ID__EMPTY = Detail("the value is empty", "write at least one character")
    INVALID_ID__TOO_LONG = Detail("{value} is too long", "shorten the value")
    INVALID_VERSION = Detail("{value} is not a valid version",
                             "use letters, digits, '.', '_' and '-' (at most 32), and quote it: version: \"2026.1\"")
    INVALID_VALUE = Detail("{detail}, found {value}", "use one of the allowed values: {expected}.{suggestion}")
    INVALID_VALUE__OTHER = Detail("{detail}, found {value}", "correct the value: {expected}.{suggestion}")
    UNKNOWN_QUESTION_TYPE = Detail("{detail}, found {value}",
                                   "use one of the question types listed: {expected}.{suggestion}")
    UNKNOWN_FORMAT_VERSION = Detail("{detail}, found {value}", "write format_version: 1")
    RECURSIVE_ALIAS__SHAPE = Detail("{detail}, found {value}", "remove the alias that refers to itself")
    WRONG_TYPE = Detail("{detail}, found {value}", "write a value of the expected type")
    WRONG_TYPE__MAPPING = Detail("{detail}, found {value}", "write a mapping, e.g. {{en: \"...\"}} for a text")
    WRONG_TYPE__LIST = Detail("{detail}, found {value}", "write a list, e.g. [a, b] or one '- item' per line")
    WRONG_TYPE__MODEL = Detail("{detail}, found {value}", "write a mapping with the keys this element takes")
    WRONG_TYPE__STRING = Detail("{detail}, found {value}",
                                "write text; quote it if YAML reads it as a number, a date or a boolean")
    WRONG_TYPE__BOOL = Detail("{detail}, found {value}", "write true or false")
    WRONG_TYPE__INT = Detail("{detail}, found {value}", "write a whole number")
    WRONG_TYPE__DECIMAL = Detail("{detail}, found {value}", "write a number")
    WRONG_TYPE__FINITE = Detail("{detail}, found {value}", "write a finite number")

    # ---- structure, languages and texts
    DUPLICATE_ID = Detail("the id '{id}' is already used at {first}",
                          "give every domain, area, question and recommendation its own id")
    EMPTY_SECTION__DOMAINS = Detail("the questionnaire has no domains", "add at least one domain")
    EMPTY_SECTION__AREAS = Detail("domain '{domain}' has no areas", "add an area or remove the domain")
    EMPTY_SECTION__QUESTIONS = Detail("area '{area}' has no questions", "add a question or remove the area")
    MISSING_SOURCE_LANGUAGE = Detail("languages lists no language", "list the languages, the source language "
                                     "first, e.g. languages: [en, fr]")
    DUPLICATE_LANGUAGE = Detail("the language '{language}' is listed twice", "list each language once")
    MISSING_TRANSLATION = Detail("no text in {languages}",
                                 "write the {languages} text (every declared language is needed before publishing)")
    MISSING_TRANSLATION__DRAFT = Detail("no text in {languages}", "write the {languages} text (every declared "
                                        "language is needed before publishing)", "warning")
    UNDECLARED_LANGUAGE = Detail("text in undeclared language(s) {languages}",
                                 "add the language to languages, or remove this text", "warning")

    # ---- bands, targets, options and recommendations
    MISSING_BANDS = Detail("the questionnaire declares no bands", "add bands, the first with min: 0, e.g. "
                           "- {{code: meets, min: 0, label: {{en: Meets}}}}")
    FIRST_BAND_NOT_ZERO = Detail("the first band starts at {min}, not 0",
                                 "set min: 0 on the first band so that every score falls in a band")
    BANDS_NOT_ASCENDING = Detail("band '{band}' starts at {min}, not above the previous band's {previous}",
                                 "list bands from lowest to highest, each min greater than the previous one")
    DUPLICATE_BAND_CODE = Detail("the band code '{code}' is already used at {first}", "give every band its own code")
    UNKNOWN_TARGET_BAND = Detail("no band has the code '{target}'", "use one of the band codes: {codes}{hint}")
    MISSING_OPTIONS = Detail("the {type} question '{question_id}' has no options",
                             "list the options the official can choose from")
    UNEXPECTED_OPTIONS = Detail("a {type} question takes no options",
                                "remove the options, or change the type to single_choice or multi_choice")
    DUPLICATE_OPTION_CODE = Detail("the option code '{code}' is already used at {first}",
                                   "give every option of a question its own code")
    INVALID_YES_NO_OPTIONS = Detail("the options of a yes_no question must have exactly the codes yes and no",
                                    "keep two options with code: yes and code: no, or remove the options")
    MIXED_OPTION_SCORES = Detail("some options have a score and some do not ({codes})",
                                 "give every option a score, or none (an unscored question is a profile question)")
    INVALID_NOTE = Detail("a note takes no {key}", "remove {key}: a note is a text shown in the form, never "
                          "answered nor scored")
    RECOMMENDATION_ON_UNSCORED = Detail("question '{question_id}' has no score, so recommendation '{recommendation}' "
                                        "can never fire", "move the recommendation to a scored question, or give "
                                        "the options scores")
    NA_RULE_UNUSED = Detail("na: zero changes nothing here: no scored question of {scope} allows not applicable",
                            "remove na: zero, or set allow_na: true on the questions that may not apply",
                            "warning")
    RECOMMENDATION_NEVER_FIRES = Detail("below: 0 never fires, since no score is below 0",
                                        "raise below (100 fires for any score short of full marks)", "warning")

    # ---- numeric scoring
    RANGE_NOT_NUMERIC = Detail("min and max apply to number and percent questions, not to {type}",
                               "remove min and max from this question")
    RANGE_OUTSIDE_TYPE = Detail("{key} {value} is outside what a {type} question can hold ({low} to {high})",
                                "use a {key} from {low} to {high}")
    RANGE_REVERSED = Detail("min {low} is greater than max {high}", "swap min and max")
    UNEXPECTED_SCORING__OPTIONS = Detail("a {type} question takes no scoring key",
                                         "remove scoring: choice and yes_no questions are scored through their options")
    UNEXPECTED_SCORING__UNSCORED = Detail("a {type} question takes no scoring key",
                                          "remove scoring: text and date questions are never scored")
    CONFLICTING_SCORING_KEYS = Detail("best and worst belong to the linear method",
                                      "remove best and worst, or use method: linear")
    CONFLICTING_SCORING_KEYS__THRESHOLDS = Detail("thresholds belong to the thresholds method",
                                                  "remove thresholds, or use method: thresholds")
    MISSING_THRESHOLDS = Detail("method thresholds lists no thresholds",
                                "add thresholds, e.g. [{{min: 75, score: 100}}, {{min: 0, score: 0}}]")
    INVALID_THRESHOLD_BOUND = Detail("with direction {direction} every threshold has {used} and no {unused}",
                                     "write {{{used}: ..., score: ...}} for each threshold")
    THRESHOLDS_OUT_OF_ORDER = Detail("{used} {bound} follows {used} {before}, but with direction {direction} "
                                     "thresholds are listed by strictly {order} {used}",
                                     "list the thresholds by {order} {used}: the first one met gives the score")
    MISSING_LINEAR_BOUNDS = Detail("method linear needs both best and worst",
                                   "add best (the value that scores 100) and worst (the value that scores 0)")
    EQUAL_LINEAR_BOUNDS = Detail("best and worst are both {best}", "give best and worst different values")
    LINEAR_DIRECTION_MISMATCH = Detail("best {best} and worst {worst} mean {direction}",
                                       "remove direction (linear takes it from best and worst) or swap best and worst")

    # ---- relevance expressions
    INVALID_EXPRESSION = Detail("the expression {expression!r:.80} does not parse{position}: {reason}",
                                "write an expression such as ${{other_question}} = 'code'")
    INVALID_EXPRESSION__CURRENT = Detail("'.' stands for the answer a constraint checks; it means nothing in "
                                         "relevant", "refer to the question by its id: ${{question_id}}")
    SELF_REFERENCE = Detail("the question '{question_id}' depends on its own answer",
                            "refer only to other questions in relevant")
    UNKNOWN_REFERENCE = Detail("no question has the id '{reference}'", "refer to an existing question id{hint}")
    UNKNOWN_REFERENCE__NOTE = Detail("'{reference}' is a note, which has no answer",
                                     "refer to a question instead of the note")
    UNKNOWN_OPTION_IN_EXPRESSION = Detail("question '{question_id}' has no option '{option}'",
                                          "use one of its codes: {codes}{hint}")
    RELEVANCE_CYCLE = Detail("relevance expressions depend on each other in a circle: {path}",
                             "break the circle: one of these questions must not depend on the others")

    # ---- repository layout
    PATH_MISMATCH__ID = Detail("id '{id}' differs from the folder name '{folder}'",
                               "store the file as {id}/{version}.yaml, or correct id")
    PATH_MISMATCH__VERSION = Detail("version '{version}' differs from the file name '{file_name}'",
                                    "name the file {version}.yaml, or correct version")
    PATH_MISMATCH__QUESTIONNAIRE = Detail("questionnaire '{questionnaire}' differs from the folder name '{folder}'",
                                          "store the file in {questionnaire}/{mappings}/")
    PATH_MISMATCH__MAPPING_NAME = Detail("the file name '{file_name}' does not match from_version and to_version",
                                         "name the file {expected}.yaml, or correct from_version and to_version")

    # ---- version mappings
    MAPPING_VERSION_NOT_FOUND = Detail("there is no file for version '{version}' beside the mappings folder",
                                       "add {folder}/{version}.yaml or correct {key}")
    MAPPING_VERSION_INVALID = Detail("version '{version}' has {count} error(s)",
                                     "validate and correct {file_name} first")
    MAPPING_SAME_VERSION = Detail("from_version and to_version are the same",
                                  "map from an older version to a newer one")
    MAPPING_QUESTION_MISSING = Detail("question '{question_id}' of version {version} is not listed",
                                      "add {question_id}: {{from: ..., comparability: ...}} (from: null and "
                                      "comparability: none for a new question)")
    MAPPING_UNKNOWN_QUESTION = Detail("version {version} has no question '{question_id}'",
                                      "list only questions of the newer version{hint}")
    MAPPING_UNKNOWN_SOURCE = Detail("version {version} has no question '{source}'",
                                    "name a question of the older version, or write from: null{hint}")
    MAPPING_COMPARABILITY_MISMATCH = Detail("a question without a source (from: null) cannot be {comparability}",
                                            "write comparability: none, or name the source question in from")
    MAPPING_UNEXPECTED_OPTIONS = Detail("an options map needs a source question",
                                        "remove options, or name the source in from")
    MAPPING_UNEXPECTED_OPTIONS__NO_CODES = Detail("an options map needs option codes on both sides, and one of "
                                                  "the questions has none", "remove options")
    MAPPING_UNKNOWN_OPTION = Detail("the {side} question has no option '{option}'",
                                    "use one of its codes: {codes}{hint}")
    MAPPING_OPTIONS_INCOMPLETE = Detail("old option codes missing from the new question: {codes}",
                                        "add an options map {{old_code: new_code}} covering every old option")
    MAPPING_OPTIONS_INCOMPLETE__UNMAPPED = Detail("old option codes not mapped: {codes}",
                                                  "map every option of the old question to an option of the new one")

    # ---- paths given to ``python -m scoring validate``
    PATH_NOT_FOUND = Detail("no such file or folder", "check the spelling of the path")
    NO_YAML_FILES = Detail("the folder holds no .yaml or .yml file", "name a folder that contains questionnaires")

    # ---- XLSForm workbooks (located by sheet and row); a warning means the row or cell was
    # imported as the message says, an error that nothing is imported
    XLSFORM_UNREADABLE = Detail("the file cannot be read as an .xlsx workbook ({error})",
                                "save the form as an Excel workbook (.xlsx)")
    XLSFORM_MISSING_SHEET = Detail("the workbook has no {sheet} sheet",
                                   "add the {sheet} sheet (see questionnaires/XLSFORM.md)")
    XLSFORM_MISSING_COLUMN = Detail("the {sheet} sheet has no {column} column", "add a column named {column}")
    XLSFORM_UNKNOWN_LANGUAGE = Detail("the column '{column}' names no language Babel knows: its texts are kept "
                                      "under the code '{code}'", "name the column with the ISO 639 code in "
                                      "parentheses, e.g. label::English (en)", "warning")
    XLSFORM_INVALID_JSON = Detail("{column} is not valid JSON ({error}): the cell is ignored",
                                  "correct the JSON (double quotes around keys and texts), or empty the cell",
                                  "warning")
    XLSFORM_INVALID_JSON__OBJECT = Detail("{column} is not a JSON object: the cell is ignored",
                                          'write the score of each option by its code, e.g. {{"yes": 100, "no": 0}}',
                                          "warning")
    XLSFORM_INVALID_VALUE = Detail("{column} is '{word}', not yes or no: the cell is ignored", "write yes or no",
                                   "warning")
    XLSFORM_MISSING_TYPE = Detail("the row has no type: it is skipped",
                                  "write a type (select_one LIST, decimal, text, begin_group…) or clear the row",
                                  "warning")
    XLSFORM_SKIPPED = Detail("type '{type}' has no meaning in a questionnaire: the row is skipped",
                             "if the answer matters, ask it with another type (text, integer, select_one…)",
                             "warning")
    XLSFORM_METADATA = Detail("'{type}' is recorded by the collecting device: the row is skipped",
                                       "nothing to do: a questionnaire records who saved what and when", "warning")
    XLSFORM_TYPE_MISMATCH = Detail("{column} '{declared}' does not fit type '{type}': {column} is ignored",
                                   "use type {types}, or correct {column}", "warning")
    XLSFORM_MISSING_NAME = Detail("the row has no name", "write its id in the name column")
    XLSFORM_MISSING_NAME__CHOICE = Detail("the choice has no {column}", "fill in list_name and name (the option code)")
    XLSFORM_DUPLICATE_NAME = Detail("the name '{name}' is already used on {first}: imported as '{id}'",
                                    "give every group and question its own name (and check the expressions that "
                                    "name it)", "warning")
    XLSFORM_NAME_CHANGED = Detail("the name '{name}' cannot be an id: imported as '{id}'", "use letters, digits, "
                                  "_, - and . only (at most 64), starting with a letter or _", "warning")
    XLSFORM_UNKNOWN_LIST = Detail("the list '{list_name}' is not on the choices sheet",
                                  "add its choices (list_name, name, label) or correct the type")
    XLSFORM_UNKNOWN_OPTION = Detail("{column} names options the question's list does not have ({codes}): those "
                                    "scores are ignored", "use the codes in the name column of its choices, or "
                                    "remove those scores", "warning")
    XLSFORM_DUPLICATE_OPTION = Detail("the list '{list_name}' has the choice '{code}' more than once: the first is "
                                      "kept", "give each choice of a list its own name", "warning")
    XLSFORM_OPTION_RENAMED = Detail("the choice name '{name}' has spaces: imported as '{code}'",
                                    "write choice names without spaces", "warning")
    XLSFORM_GROUP_STRUCTURE = Detail("the group '{name}' is never closed",
                                     "add an end_group row after its last question")
    XLSFORM_GROUP_STRUCTURE__NOT_OPEN = Detail("{type} without a group or repeat to close",
                                               "remove the row, or add the begin_group row it closes")
    XLSFORM_EMPTY_GROUP = Detail("the group '{name}' holds no question: it is left out",
                                 "add questions to it, or remove it", "warning")
    XLSFORM_NO_QUESTION = Detail("the form has no question a questionnaire can hold",
                                 "add at least one question (text, integer, select_one…)")
    XLSFORM_REPEAT = Detail("the repeat '{name}' is asked once: a questionnaire has no repeated sections",
                            "if the questions are needed once per item, ask them for each item by name", "warning")
    XLSFORM_REQUIRED_EXPRESSION = Detail("required is the expression {expression!r:.120}: the question is imported "
                                         "as optional", "make the question required or optional, and put the "
                                         "condition in relevant", "warning")
    XLSFORM_EXPRESSION_DROPPED = Detail("the {column} {expression!r:.200} is left out: {reason}",
                                        "rewrite it with the questions and functions of the questionnaire format "
                                        "(questionnaires/README.md), then add it back", "warning")
    XLSFORM_MEDIA_LABEL = Detail("the row's only label is the {media} file '{media_file}': its text names the file",
                                 "write a text label", "warning")
    XLSFORM_VERSION_CHANGED = Detail("the version '{version}' cannot be a file name: imported as '{new}'",
                                     "write versions with letters, digits, '.', '_' and '-' (at most 32)", "warning")
    XLSFORM_ID_CHANGED = Detail("the form id '{form_id}' is not a family id: imported as '{id}'",
                                "use lowercase letters a-z, digits and _ in form_id", "warning")
    XLSFORM_DEFAULT_ID = Detail("no form_id: the family id '{id}' comes from the file name",
                                 "add a settings sheet with form_id", "warning")
    XLSFORM_DEFAULT_VERSION = Detail("no version: the version is '{version}'", "add version to the settings sheet",
                                      "warning")
    XLSFORM_DEFAULT_TITLE = Detail("no form_title: the title is '{title}'", "add form_title to the settings sheet",
                                    "warning")
    XLSFORM_DEFAULT_BANDS = Detail("no gov::bands: the SDG 10.7.2 bands (0, 40, 80, 100) with target 'meets'",
                                    "keep them, or write your own bands in the questionnaire", "warning")
    XLSFORM_DEFAULT_BAND_LABELS = Detail("the default bands have no labels in {languages}: they are written in "
                                          "English there", "translate the band labels in the questionnaire",
                                          "warning")
    XLSFORM_DEFAULT_PROFILE = Detail("the choices of '{id}' have no scores: a profile question (asked, never scored)",
                                      "give every option a score to score it", "warning")
    XLSFORM_DEFAULT_UNSCORED = Detail("the number '{id}' has no gov::scoring: asked, never scored",
                                       "add scoring (thresholds or linear) to score it", "warning")
    XLSFORM_DEFAULT_GENERAL = Detail("questions outside any group are placed in the area '{id}' (General)",
                                      "put them in a group to give them their own area", "warning")
    XLSFORM_DEFAULT_LABEL = Detail("the row has no label: its label is its name '{name}'", "write a label",
                                    "warning")
    XLSFORM_DEFAULT_OTHER = Detail("'or_other' is the option 'other' and the text question '{id}', asked when it is "
                                    "chosen", "nothing to do", "warning")
    XLSFORM_DEFAULT_BOUNDS = Detail("the constraint {expression!r:.120} gives the accepted range {low} to {high}",
                                     "nothing to do", "warning")
    XLSFORM_DEFAULT_FLATTENED = Detail("the group '{name}' is nested deeper than domain and area: its questions "
                                        "join the area '{area}', the group's title goes in their help",
                                        "nothing to do, or move the questions", "warning")

    # ---- answers documents and single saves (located by a path such as answers.q1.value)
    UNREADABLE = Detail("{error}", "save the answers as UTF-8 JSON (.json) or YAML")
    WRONG_TYPE__DOCUMENT = Detail("an answers document must be a mapping", "write a mapping with questionnaire, "
                                  "version, answers and overrides")
    REQUIRED = Detail("{key} is required (expected {expected!r})", "add {key}: {expected}")
    QUESTIONNAIRE_MISMATCH = Detail("these answers are for questionnaire {found!r}, the definition is {expected!r}",
                                    "score the answers against the definition they were given for")
    VERSION_MISMATCH = Detail("these answers are for version {found!r}, the definition is {expected!r}",
                              "score the answers against the version they were given for, or carry them forward")
    WRONG_TYPE__SECTION = Detail("{key} must be a mapping of question id to entry", "write {key}: {{QID: ...}}")
    UNKNOWN_QUESTION = Detail("no question {question_id!r} in {questionnaire} {version}{hint}",
                              "use a question id of this version")
    UNKNOWN_KEY__ANSWER = Detail("unknown key {key!r}{hint}", "use only the keys {allowed}")
    INVALID_STATUS = Detail("status must be one of {statuses}, got {status!r}", "write one of {statuses}")
    VALUE_REQUIRED = Detail("an answered question needs a value", "give a value, or another status")
    VALUE_REQUIRED__TEXT = Detail("the text is empty", "write the answer's text")
    VALUE_WITH_STATUS = Detail("a value cannot be given with status {status}", "remove the value")
    NA_NOT_ALLOWED = Detail("this question does not allow not applicable", "answer the question")
    UNKNOWN_NOT_ALLOWED = Detail("this question does not allow unknown", "answer the question")
    JUSTIFICATION_REQUIRED = Detail("not applicable needs a justification", "explain why the question does not apply")
    JUSTIFICATION_REQUIRED__OVERRIDE = Detail("an override needs a justification", "explain the evaluator's score")
    WRONG_TYPE__FIELD_TEXT = Detail("{key} must be text", "write {key} as text")
    WRONG_TYPE__EVIDENCE = Detail("evidence must be a list", "write evidence as a list of texts or mappings")
    INVALID_EVIDENCE = Detail("an evidence item must be a non-empty text or a mapping",
                              "describe each evidence item with a text or a mapping")
    WRONG_TYPE__EVIDENCE_ACCEPTED = Detail("evidence_accepted must be true or false", "write true or false")
    WRONG_TYPE__OVERRIDE = Detail("an override must be a mapping with score and justification",
                                  "write {{score: ..., justification: ...}}")
    WRONG_TYPE__OVERRIDE_SCORE = Detail("the override score must be a number from 0 to 100",
                                        "write a number from 0 to 100")
    OUT_OF_RANGE__OVERRIDE_SCORE = Detail("the override score must be from 0 to 100, got {score}",
                                          "write a number from 0 to 100")
    OVERRIDE_UNSCORED = Detail("this question is not scored: it cannot be overridden", "remove the override")
    WRONG_TYPE__YES_NO = Detail("expected yes or no, got {shown}", "answer yes or no")
    WRONG_TYPE__OPTION = Detail("expected an option code, got {shown}", "answer with one of the option codes")
    WRONG_TYPE__OPTIONS = Detail("expected a list of option codes, got {shown}", "answer with a list of option codes")
    UNKNOWN_OPTION = Detail("unknown option {code!r}; options are: {options}", "answer with one of the option codes")
    DUPLICATE_OPTION = Detail("options selected twice: {codes}", "select each option once")
    WRONG_TYPE__NUMBER = Detail("expected a finite number, got {shown}", "answer with a number")
    OUT_OF_RANGE = Detail("a percentage must be between {low} and {high}, got {number}",
                          "answer with a number from {low} to {high}")
    OUT_OF_RANGE__NUMBER = Detail("the number must be from {low} to {high}, got {number}",
                                  "answer with a number from {low} to {high}")
    NOT_ANSWERABLE = Detail("this is a note: it takes no answer", "remove the answer")
    CONSTRAINT = Detail("the answer does not meet the question's constraint {constraint!r:.120}",
                        "give an answer that meets the constraint")
    TOO_LONG = Detail("the text has {length} characters; at most {limit} are accepted", "shorten the text")
    WRONG_TYPE__TEXT = Detail("expected text, got {shown}", "answer with a text")
    WRONG_TYPE__DATE = Detail("expected a date YYYY-MM-DD, got {shown}", "answer with a date written YYYY-MM-DD")
    INVALID_DATE = Detail("{date} is not a calendar date", "answer with a date that exists")

    @property
    def code(self) -> str:
        """The public code: the entry's name up to any ``__VARIANT``, in lower case."""
        return self.name.partition("__")[0].lower()

    @property
    def severity(self) -> Severity:
        """``error`` (the file cannot be used) or ``warning``."""
        return self.value.severity

    @property
    def placeholders(self) -> frozenset[str]:
        """The names the message and fix templates need."""
        return placeholders(self.value.message) | placeholders(self.value.fix)

    def message(self, **values: object) -> str:
        """The message with ``values`` filled in."""
        return self._format(self.value.message, values)

    def at(self, location: str, *, question: str | None = None, file: str | None = None,
           line: int | None = None, **values: object) -> Problem:
        """The problem at ``location``, its message and fix filled in with ``values``."""
        message, fix = self._format(self.value.message, values), self._format(self.value.fix, values)
        return Problem(self.code, location, message, fix, self.severity, question, file, line)

    def _format(self, template: str, values: dict[str, object]) -> str:
        unexpected = values.keys() - self.placeholders
        if unexpected:
            raise TypeError(f"{self.name} has no placeholder {', '.join(sorted(unexpected))}")
        return template.format(**values)


@cache
def placeholders(template: str) -> frozenset[str]:
    """The named fields of a ``str.format`` template."""
    return frozenset(field for _, field, _, _ in Formatter().parse(template) if field)
