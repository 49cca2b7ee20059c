// The shared machinery of the vector harnesses (tests/vectors/README.md): one test per case of every
// `*.json` file of an area, the well-formedness check of the files, and [VectorRun], which collects a case's
// mismatches as `file: name: field expected X got Y [surface]`. The areas (Vectors.kt for dues,
// CreditsVectors.kt, DisclosureVectors.kt) only say how each kind is run.
package cn.dangjian.tests

import cn.dangjian.types.DangjianException
import cn.dangjian.Policy
import java.io.File
import java.math.BigDecimal

@Suppress("UNCHECKED_CAST")
internal fun Any?.asMap(): Map<String, Any?> = this as? Map<String, Any?> ?: mapOf()

internal fun Any?.asList(): List<Any?> = this as? List<Any?> ?: listOf()

/** A document of a case as the JSON string the bindings take. */
internal fun Any?.json(): String = Json.write(this)

/** The bundled policy, with the case's `policy_overrides` laid on top when it has any. */
internal fun policyOf(case: Map<String, Any?>): Policy {
    val overrides = case["policy_overrides"] ?: return Policy.bundled()
    return Policy.bundled().withOverridesJson(Json.write(overrides))
}

/** Two values the same once written as canonical JSON (sorted keys; `true` never equals `1`). */
internal fun sameJson(a: Any?, b: Any?) = Json.write(a, true) == Json.write(b, true)

/** One case being run: its mismatches, as the README's lines. */
open class VectorRun(val where: String, val case: Map<String, Any?>) {
    val mismatches = ArrayList<String>()

    fun mismatch(surface: String, field: String, expected: Any?, got: Any?) {
        mismatches.add("$where: $field expected ${Json.write(expected, true)} got ${Json.write(got, true)} [$surface]")
    }

    /** Each key of [expect] against the same key of [got]. */
    fun compare(surface: String, expect: Map<String, Any?>, got: Map<String, Any?>) {
        for ((key, want) in expect) {
            val have = got[key]
            if (!sameJson(want, have)) mismatch(surface, key, want, have)
        }
    }

    /** Runs [body]; a DangjianException is a mismatch "expected [what]". */
    fun attempt(surface: String, what: String, body: () -> Unit) {
        try {
            body()
        } catch (e: DangjianException) {
            mismatch(surface, "result", what, codeField(e))
        }
    }
}

/**
 * Runs every case of every `*.json` file under [dir] (recursively, in path order), one test per case through
 * [run] (which returns the finished [VectorRun]), plus one test that the files are well formed
 * (schema_version 1, a cases array, names unique across the area's files, kinds in [kinds]). Returns the
 * number of cases.
 */
fun runVectorArea(h: Harness, dir: File, kinds: Set<String>, run: (String, Map<String, Any?>) -> VectorRun): Int {
    val files = dir.walkTopDown()
        .filter { it.isFile && it.name.endsWith(".json") }
        .sortedBy { it.path }
        .toList()
    val docs = files.map { it to Json.parse(it.readText(Charsets.UTF_8)).asMap() }
    h.test("vector files under $dir are well formed") {
        check(files.isNotEmpty()) { "no vector files" }
        val names = HashMap<String, String>()
        for ((file, doc) in docs) {
            val version = doc["schema_version"] as? BigDecimal
            check(version != null && version.compareTo(BigDecimal.ONE) == 0) { "${file.name}: schema_version $version" }
            check(doc["cases"] is List<*>) { "${file.name}: no cases array" }
            for (c in doc["cases"].asList()) {
                val name = c.asMap()["name"] as? String
                check(!name.isNullOrBlank()) { "${file.name}: a case has no name" }
                val first = names.put(name!!, file.name)
                check(first == null) { "${file.name}: \"$name\" already used in $first" }
                check(c.asMap()["kind"] in kinds) { "${file.name}: $name: unknown kind" }
            }
        }
    }
    var cases = 0
    for ((file, doc) in docs) {
        for (c in doc["cases"].asList()) {
            cases++
            val case = c.asMap()
            val where = "${file.relativeTo(dir.parentFile ?: dir)}: ${case["name"]}"
            h.test("vectors/$where") {
                check(case["kind"] in kinds) { "$where: unknown kind ${case["kind"]}" }
                val done = run(where, case)
                if (done.mismatches.isNotEmpty()) {
                    done.mismatches.forEach { System.err.println("    $it") }
                    throw AssertionError("${done.mismatches.size} mismatch(es)")
                }
            }
        }
    }
    System.err.println("  vectors: $cases case(s) in ${files.size} JSON file(s) under $dir")
    if (cases == 0) h.test("vector cases found under $dir") { throw AssertionError("no cases") }
    return cases
}
