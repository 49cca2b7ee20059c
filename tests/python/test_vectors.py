"""The hook for the shared conformance vectors (tests/vectors/README.md) that
every binding runs against the same library: one test per vector file."""

import json
import pathlib
import sys
import unittest

VECTORS = pathlib.Path(__file__).resolve().parents[1] / "vectors"
AREAS = ("dues",)
KINDS = {"assess", "assess_error", "ledger", "batch"}


def vector_files(area):
    """Every *.json file under tests/vectors/<area>, recursively, in path order."""
    root = VECTORS / area
    return sorted(root.rglob("*.json")) if root.is_dir() else []


class VectorFileTest(unittest.TestCase):
    """Runs one vector file. Round 1 checks its shape (`schema_version` 1, a
    `cases` array of objects, each with a `name` unique across all files and a
    known `kind`); the per-case evaluation against the bindings plugs in where
    the cases are walked in run_file."""

    def __init__(self, path, seen_names):
        super().__init__("run_file")
        self.path = path
        self.seen_names = seen_names

    def id(self):
        return f"vectors/{self.path.relative_to(VECTORS)}"

    def __str__(self):
        return self.id()

    def run_file(self):
        doc = json.loads(self.path.read_text(encoding="utf-8"))
        self.assertIsInstance(doc, dict, "top level is not an object")
        self.assertEqual(doc.get("schema_version"), 1, "schema_version")
        cases = doc.get("cases")
        self.assertIsInstance(cases, list, 'no "cases" array')
        for i, case in enumerate(cases):
            self.assertIsInstance(case, dict, f"case #{i} is not an object")
            name = case.get("name")
            self.assertTrue(isinstance(name, str) and name.strip(), f"case #{i} has no name")
            self.assertNotIn(name, self.seen_names, f"case name {name!r} is not unique")
            self.seen_names.add(name)
            self.assertIn(case.get("kind"), KINDS, f"case {name!r}: unknown kind")


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    suite = unittest.TestSuite(tests)
    seen_names = set()  # case names must be unique across all files
    for area in AREAS:
        files = vector_files(area)
        print(f"vectors: {len(files)} JSON file(s) under {VECTORS / area}", file=sys.stderr)
        suite.addTests(VectorFileTest(path, seen_names) for path in files)
    return suite
