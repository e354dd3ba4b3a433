#!/usr/bin/env python3
"""Validate a SARIF log against the SARIF 2.1.0 JSON schema.

    python3 Tests/scripts/validate_sarif.py LOG.sarif [--schema PATH]

The schema is Tests/schemas/sarif-schema-2.1.0.json (OASIS, errata 01), which
declares JSON Schema draft-04, so it is checked with the validator that draft
names (jsonschema's Draft4Validator); Draft-07 is the fallback for a schema
that names none. `uri` and `uri-reference` strings are also checked to be
RFC 3986 references (only allowed characters, well-formed percent escapes).

Exit status: 0 valid, 1 invalid, 2 usage or unreadable file,
77 jsonschema is not installed (callers treat it as "skipped").
"""
import argparse
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("validate_sarif: the Python package jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "schemas", "sarif-schema-2.1.0.json")

_URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+\-.]*:")


def _format_checker():
    checker = jsonschema.FormatChecker()

    @checker.checks("uri-reference")
    def is_uri_reference(value):
        if not isinstance(value, str):
            return True
        if not _URI_CHARACTERS.match(value):
            return False
        # A relative reference's first segment may not contain ':' (RFC 3986, 4.2).
        first = re.split(r"[/?#]", value, maxsplit=1)[0]
        return ":" not in first or bool(_SCHEME.match(value))

    @checker.checks("uri")
    def is_uri(value):
        if not isinstance(value, str):
            return True
        return bool(_URI_CHARACTERS.match(value)) and bool(_SCHEME.match(value))

    return checker


def validate(log, schema):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=_format_checker())
    return sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", help="the SARIF file to check")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA, help="the SARIF 2.1.0 JSON schema")
    args = parser.parse_args(argv)
    try:
        with open(args.schema, encoding="utf-8") as handle:
            schema = json.load(handle)
        with open(args.log, encoding="utf-8") as handle:
            log = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"validate_sarif: {error}", file=sys.stderr)
        return 2
    errors = validate(log, schema)
    for error in errors:
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{args.log}: {path}: {error.message}", file=sys.stderr)
    if errors:
        print(f"validate_sarif: {len(errors)} error(s)", file=sys.stderr)
        return 1
    print(f"{args.log}: valid SARIF 2.1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
