// A small hand-rolled test harness (no JUnit on this machine): each test is a
// named block; an exception or a failed check fails that test only.
// Details go to stderr; Main prints the counts as its only stdout line.
package cn.dangjian.tests

class Harness {
    var passed = 0
        private set
    var failed = 0
        private set

    fun test(name: String, body: () -> Unit) {
        try {
            body()
            passed++
            System.err.println("  PASS $name")
        } catch (t: Throwable) {
            failed++
            System.err.println("  FAIL $name: $t")
        }
    }
}

fun check(condition: Boolean, message: () -> String) {
    if (!condition) throw AssertionError(message())
}

fun <T> checkEq(expected: T, actual: T, what: String = "value") {
    if (expected != actual) throw AssertionError("$what: expected <$expected>, got <$actual>")
}

inline fun <reified E : Throwable> expectThrows(body: () -> Unit): E {
    val thrown: Throwable? = try {
        body()
        null
    } catch (t: Throwable) {
        t
    }
    if (thrown is E) return thrown
    throw AssertionError("expected ${E::class.qualifiedName}, got ${thrown ?: "no exception"}", thrown)
}
