// The panic guard from Kotlin (issue 16): a panic inside the library is thrown as the library's own
// DangjianException.Internal with code INTERNAL (never UniFFI's InternalException), and the library goes on
// answering. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.types.Category
import cn.dangjian.types.DangjianException
import cn.dangjian.types.DuesMember
import cn.dangjian.types.IncomeItem
import cn.dangjian.types.IncomeRecord
import cn.dangjian.types.ItemCode
import cn.dangjian.Policy
import cn.dangjian.assessDues
import cn.dangjian.describeCode
import cn.dangjian.forcePanicForTests
import java.math.BigDecimal

private fun assessedAmount(): String {
    val m = DuesMember(
        memberId = "G1",
        category = Category.EMPLOYED,
        incomes = listOf(IncomeRecord(items = listOf(IncomeItem(ItemCode.NET_BASE, BigDecimal("6400.00"))))),
    )
    return assessDues(Policy.bundled(), m, "2026-11", false).amount.toPlainString()
}

fun guardTests(h: Harness) {
    h.test("forcePanicForTests: a panic is DangjianException.Internal INTERNAL, and the next call works") {
        // Caught as the sealed base type: a host's one catch of the library's exceptions sees it.
        val e = expectThrows<DangjianException> { forcePanicForTests() }
        check(e is DangjianException.Internal) { "expected DangjianException.Internal, got ${e::class.qualifiedName}: $e" }
        checkEq(mapOf("code" to "INTERNAL", "field" to ""), codeField(e), "code and field")
        val i = e as DangjianException.Internal
        check(i.messageEn.contains("forced by force_panic_for_tests")) { "the panic's text: ${i.messageEn}" }
        check(i.messageZh.isNotBlank()) { "empty messageZh" }
        checkEq("96.00", assessedAmount(), "a dues assessment after the panic")
    }
    h.test("forcePanicForTests: panic after panic, each one coded, the library still answers") {
        repeat(3) { expectCoded<DangjianException.Internal>("INTERNAL", "") { forcePanicForTests() } }
        checkEq("96.00", assessedAmount(), "a dues assessment after three panics")
    }
    h.test("describeCode(\"INTERNAL\"): the guard's code is in the registry (surface, error)") {
        val info = describeCode("INTERNAL") ?: throw AssertionError("INTERNAL is not in the registry")
        checkEq(listOf("surface", "error"), listOf(info.area, info.kind), "area and kind")
    }
}
