// Entry point of the Kotlin/JVM binding tests: `java ... cn.dangjian.tests.MainKt <vectors dir>`.
// Prints "passed=N failed=M" as its only stdout line; exit code 0 iff nothing failed.
package cn.dangjian.tests

import cn.dangjian.DangjianException
import cn.dangjian.checkAmount
import cn.dangjian.coreVersion
import java.io.File
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val h = Harness()

    h.test("coreVersion() is non-empty") {
        val v = coreVersion()
        check(v.isNotBlank()) { "empty version" }
        System.err.println("    core version $v")
    }
    h.test("checkAmount(\"12.50\") is ok") {
        checkEq("12.50", checkAmount("12.50"), "checkAmount(\"12.50\")")
    }
    h.test("checkAmount(\"12.5\") normalises to 12.50") {
        checkEq("12.50", checkAmount("12.5"), "checkAmount(\"12.5\")")
    }
    h.test("checkAmount(\"-1\") throws DangjianException.InvalidInput(INVALID_AMOUNT, amount)") {
        val e = expectThrows<DangjianException.InvalidInput> { checkAmount("-1") }
        checkEq("INVALID_AMOUNT", e.code, "code")
        checkEq("amount", e.field, "field")
        check(e.messageZh.isNotBlank() && e.messageEn.isNotBlank()) { "empty messages: $e" }
    }
    h.test("checkAmount(\"1.234\") is rejected as a DangjianException") {
        val e = expectThrows<DangjianException> { checkAmount("1.234") }
        val code = when (e) {
            is DangjianException.InvalidInput -> e.code
            is DangjianException.Policy -> e.code
            is DangjianException.Calendar -> e.code
            is DangjianException.Internal -> e.code
        }
        checkEq("INVALID_AMOUNT", code, "code")
    }

    val dir = File(args.getOrElse(0) { "tests/vectors/dues" })
    runVectors(h, dir)

    println("passed=${h.passed} failed=${h.failed}")
    exitProcess(if (h.failed == 0) 0 else 1)
}
