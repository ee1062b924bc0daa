"""python-jsonschema as a consumer of yjs forms: checks schemas and judges submissions.

Reads one JSON document on stdin: {"schemas": {name: path}, "cases": [{"schema": name,
"instance": ...}], "vectors": path-or-null, "today": "YYYY-MM-DD"} and prints {"schemas":
{name: [metaschema errors]}, "verdicts": [true|false, ...], "vectors": [[format, value, ok], ...]}.
The custom formats of the build's formats.mjs are registered here in Python, as a Python
developer would write them; they run the same shared test vectors.
"""

import datetime
import json
import re
import sys

import jsonschema
from jsonschema import Draft7Validator, FormatChecker

PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
}
TODAY = [datetime.date.today()]


def region_code(v):
    if not re.fullmatch(r"[0-9]{6}", v, re.ASCII) or v[:2] not in PROVINCES:
        return False
    pref = int(v[2:4])
    if not (pref <= 70 or pref == 90):
        return False
    return not (pref == 0 and v[4:6] != "00")


def id_card(v):
    if not re.fullmatch(r"[0-9]{17}[0-9X]", v, re.ASCII) or not region_code(v[:6]):
        return False
    try:
        born = datetime.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return False
    if born > TODAY[0]:
        return False
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(v, weights)) % 11] == v[17]


USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(v):
    if len(v) != 18 or not re.fullmatch(r"[0-9]{6}", v[2:8], re.ASCII):
        return False
    if any(c not in USCC for c in v):
        return False
    if v[2:8] != "100000" and not region_code(v[2:8]):
        return False
    total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(v[:17]))
    return USCC.index(v[17]) == (31 - total % 31) % 31


CHECKS = {"id-card": id_card, "uscc": uscc, "region-code": region_code}

DATE_LIMIT = re.compile(r"date-not-(before|after)-(today|[0-9]{4}-[0-9]{2}-[0-9]{2})")


def date_limit(not_before, limit):
    """A date bound: a YYYY-MM-DD value is not before / not after the limit or today."""

    def check(v):
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v, re.ASCII):
            return True
        bound = TODAY[0].isoformat() if limit == "today" else limit
        return v >= bound if not_before else v <= bound

    return check


def formats_in(schema, out):
    """Every `format` name in a schema."""
    if isinstance(schema, dict):
        if isinstance(schema.get("format"), str):
            out.add(schema["format"])
        for v in schema.values():
            formats_in(v, out)
    elif isinstance(schema, list):
        for v in schema:
            formats_in(v, out)
    return out


def checker(schema):
    fc = FormatChecker()
    checks = dict(CHECKS)
    for name in formats_in(schema, set()):
        m = DATE_LIMIT.fullmatch(name)
        if m:
            checks[name] = date_limit(m.group(1) == "before", m.group(2))
    for name, check in checks.items():
        fc.checks(name)(lambda v, check=check: not isinstance(v, str) or check(v))
    return fc


def main():
    job = json.load(sys.stdin)
    if job.get("today"):
        TODAY[0] = datetime.date.fromisoformat(job["today"])
    out = {"version": jsonschema.__version__ if hasattr(jsonschema, "__version__") else "", "schemas": {}, "verdicts": [], "vectors": []}
    validators = {}
    for name, path in job.get("schemas", {}).items():
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        errors = [e.message for e in Draft7Validator(Draft7Validator.META_SCHEMA).iter_errors(schema)]
        out["schemas"][name] = errors
        validators[name] = Draft7Validator(schema, format_checker=checker(schema))
    for case in job.get("cases", []):
        v = validators[case["schema"]]
        out["verdicts"].append(not any(True for _ in v.iter_errors(case["instance"])))
    if job.get("vectors"):
        with open(job["vectors"], encoding="utf-8") as f:
            vectors = json.load(f)
        TODAY[0] = datetime.date.fromisoformat(vectors["today"])
        for fmt, cases in vectors["formats"].items():
            for value in cases["valid"]:
                out["vectors"].append([fmt, value, CHECKS[fmt](value)])
            for case in cases["invalid"]:
                out["vectors"].append([fmt, case["value"], CHECKS[fmt](case["value"])])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
