#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora from the conformance vectors (tests/vectors) and the hand-written seeds
in core/fuzz/seeds/, into OUT/<target>/ (a git-ignored folder; nothing generated is committed).

    python3 core/fuzz/seeds.py OUT

Documents a target reads together are joined by a NUL byte (see fuzz_targets/common.rs)."""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent


def dump(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def main(out):
    seeds = {}

    def add(target, *docs):
        data = "\0".join(d if isinstance(d, str) else dump(d) for d in docs).encode()
        seeds.setdefault(target, set()).add(data)

    for f in sorted((ROOT / "tests/vectors").glob("*/*.json")):
        for c in json.loads(f.read_text(encoding="utf-8"))["cases"]:
            k = c["kind"]
            if "member" in c and f.parent.name == "dues":
                add("dues_json", c["member"], c.get("month", "2026-11"))
            if k == "batch":
                add("dues_json", c["members"], c["month"])
            if k == "ledger":
                add("dues_json", c["ledger"], "2026-11", c["as_of"])
            if "policy_overrides" in c:
                add("policy_overlay", c["policy_overrides"])
            if k in ("score", "close"):
                scheme = c["scheme"]
                add("credits_json", c["input"], "" if isinstance(scheme, str) else scheme)
                add("credits_jsonl", "\n".join(dump(e) for e in c["input"].get("events", [])))
            if k == "score_jsonl":
                add("credits_jsonl", "\n".join(c["lines"]))
            if k == "scheme_error":
                add("credits_json", {"events": []}, c["scheme"])
            if k == "leaderboard":
                add("credits_json", c["totals"], "", c["orgs"])
            if k == "rate":
                add("credits_json", c["scores"], "", c["tiers"])
            if k in ("member_check", "member_error"):
                members = c.get("members") or [c["member"]]
                doc = {"members": members, "meetings": c["meetings"]} if "meetings" in c else members
                add("membership_check", doc, c["on"])
                if "member" in c:
                    add("membership_check", c["member"], c["on"])
            if k == "rights":
                add("membership_check", c["record"], c["on"])
            if k == "org_check":
                add("membership_check", c["document"], c["on"])
            if k == "apply":
                add("membership_apply", c["record"], c["event"], c.get("members", []))
            if k == "workflow":
                for a in c["actions"] or [{}]:
                    add("disclosure_workflow", c["context"], c["new_item"], c["actor"], c["at"], a)
            if k == "audit_verify":
                add("disclosure_audit", c["log"])
    for d in sorted((HERE / "seeds").glob("*/*")):
        seeds.setdefault(d.parent.name, set()).add(d.read_bytes())
    for target, datas in sorted(seeds.items()):
        folder = pathlib.Path(out) / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in datas:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(datas)} seeds")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/fuzz-corpus")
