"""The shared machinery of the vector harnesses (tests/vectors/README.md): finding the files, one unittest
case per vector case with its mismatch lines (`file: name: field expected X got Y [surface]`), the
well-formedness check of an area's files, and the suite loader. The areas' harnesses (test_vectors.py for
dues, test_vectors_credits.py, test_vectors_disclosure.py) only say how each kind is run."""

import json
import pathlib
import sys
import unittest

import dangjian

VECTORS = pathlib.Path(__file__).resolve().parents[1] / "vectors"


def vector_files(area):
    """Every *.json file under tests/vectors/<area>, recursively, in path order."""
    root = VECTORS / area
    return sorted(root.rglob("*.json")) if root.is_dir() else []


def error_view(e):
    return {"code": e.code, "field": e.field}


def canonical(value):
    """The JSON text of a value with sorted keys: what two values are compared by (so `true` never
    equals `1`)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def policy_of(case):
    """The bundled policy, with the case's `policy_overrides` laid on top when it has any."""
    policy = dangjian.Policy.bundled()
    overrides = case.get("policy_overrides")
    if overrides is not None:
        policy = policy.with_overrides_json(json.dumps(overrides, ensure_ascii=False))
    return policy


def dumps(value):
    """A document of a case as the JSON string the bindings take."""
    return json.dumps(value, ensure_ascii=False)


class VectorCase(unittest.TestCase):
    """One vector case. Subclasses set KINDS and define `run_<kind>(self, policy, expect)` for each; a
    run records mismatches with `mismatch` / `compare` and the case fails listing them all."""

    KINDS = frozenset()

    def __init__(self, path, case):
        super().__init__("run_case")
        self.path = path
        self.case = case
        self.where = f"{path.relative_to(VECTORS)}: {case.get('name')}"
        self.mismatches = []

    def id(self):
        return f"vectors/{self.where}"

    def __str__(self):
        return self.id()

    def mismatch(self, surface, field, expected, got):
        self.mismatches.append(
            f"{self.where}: {field} expected {json.dumps(expected, ensure_ascii=False, default=str)} "
            f"got {json.dumps(got, ensure_ascii=False, default=str)} [{surface}]"
        )

    def compare(self, surface, expect, got):
        """Each key of `expect` against the same key of `got`."""
        for key, want in expect.items():
            have = got.get(key)
            if canonical(want) != canonical(have):
                self.mismatch(surface, key, want, have)

    def run_case(self):
        kind = self.case.get("kind")
        self.assertIn(kind, self.KINDS, f"{self.where}: unknown kind")
        getattr(self, f"run_{kind}")(policy_of(self.case), self.case["expect"])
        if self.mismatches:
            for line in self.mismatches:
                print(line, file=sys.stderr)
            self.fail("\n".join(self.mismatches))


def check_files_well_formed(test, areas, kinds):
    """The files of `areas`: schema_version 1, a cases array, names unique across them all, known kinds."""
    seen = {}
    files = [p for area in areas for p in vector_files(area)]
    test.assertTrue(files, f"no vector files for {areas} under {VECTORS}")
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        test.assertEqual(doc.get("schema_version"), 1, f"{path.name}: schema_version")
        test.assertIsInstance(doc.get("cases"), list, f"{path.name}: no cases array")
        for case in doc["cases"]:
            name = case.get("name")
            test.assertTrue(isinstance(name, str) and name.strip(), f"{path.name}: a case has no name")
            test.assertNotIn(name, seen, f"{path.name}: {name!r} already used in {seen.get(name)}")
            seen[name] = path.name
            test.assertIn(case.get("kind"), kinds, f"{path.name}: {name}: unknown kind")


def load_area(tests, area, case_class):
    """unittest's load_tests for one area: the module's own tests plus one `case_class` per case."""
    suite = unittest.TestSuite(tests)
    files = vector_files(area)
    total = 0
    for path in files:
        cases = json.loads(path.read_text(encoding="utf-8")).get("cases", [])
        total += len(cases)
        suite.addTests(case_class(path, case) for case in cases)
    print(f"vectors: {total} case(s) in {len(files)} file(s) under {VECTORS / area}", file=sys.stderr)
    if total == 0:

        def no_cases():
            raise AssertionError(f"no {area} vector cases under {VECTORS / area}")

        suite.addTest(unittest.FunctionTestCase(no_cases))
    return suite
