// The hook for the shared conformance vectors (tests/vectors/README.md): every
// binding (Rust, Kotlin, Python, JS) runs the same files against the same library.
package cn.dangjian.tests

import java.io.File
import java.math.BigDecimal

/** The case kinds tests/vectors/README.md defines. */
val VECTOR_KINDS = setOf("assess", "assess_error", "ledger", "batch")

/**
 * Runs every `*.json` file under [dir] (recursively, in path order), one test per
 * file, and returns the number of cases found: 0 when there are no files yet (or
 * no [dir]). Round 1 checks each file's shape — `schema_version` 1, a `cases`
 * array of objects, each with a `name` unique across all files and a known
 * `kind` — and the per-case evaluation against the bindings plugs in where the
 * cases are walked below.
 */
fun runVectors(h: Harness, dir: File): Int {
    val files = dir.walkTopDown()
        .filter { it.isFile && it.name.endsWith(".json") }
        .sortedBy { it.path }
        .toList()
    val names = HashSet<String>()
    var cases = 0
    for (file in files) {
        h.test("vector file ${file.relativeTo(dir)}") {
            val doc = Json.parse(file.readText(Charsets.UTF_8)) as? Map<*, *>
                ?: throw AssertionError("top level is not an object")
            val version = doc["schema_version"] as? BigDecimal
            check(version != null && version.compareTo(BigDecimal.ONE) == 0) { "schema_version must be 1, got $version" }
            val list = doc["cases"] as? List<*> ?: throw AssertionError("no \"cases\" array")
            for ((i, item) in list.withIndex()) {
                val case = item as? Map<*, *> ?: throw AssertionError("case #$i is not an object")
                val name = case["name"] as? String
                check(!name.isNullOrBlank()) { "case #$i has no name" }
                check(names.add(name!!)) { "case name \"$name\" is not unique" }
                check(case["kind"] in VECTOR_KINDS) { "case \"$name\": unknown kind ${case["kind"]}" }
            }
            cases += list.size
        }
    }
    System.err.println("  vectors: $cases case(s) in ${files.size} JSON file(s) under $dir")
    return cases
}
