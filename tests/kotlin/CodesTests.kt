// The code registry from Kotlin: allCodes(), describeCode(code), and the code a real exception carries.
package cn.dangjian.tests

import cn.dangjian.types.Category
import cn.dangjian.types.DangjianException
import cn.dangjian.types.DuesMember
import cn.dangjian.types.EmployerType
import cn.dangjian.Policy
import cn.dangjian.allCodes
import cn.dangjian.assessDues
import cn.dangjian.describeCode
import cn.dangjian.forcePanicForTests

fun codesTests(h: Harness) {
    h.test("describeCode: an exception's code has its registry record (area, kind, generic messages)") {
        val member = DuesMember(memberId = "M1", category = Category.EMPLOYED, employerType = EmployerType.ENTERPRISE)
        val e = expectThrows<DangjianException.InvalidInput> { assessDues(Policy.bundled(), member, "2026-11", false) }
        checkEq("MISSING_INCOME", e.code, "code")
        val info = describeCode(e.code) ?: throw AssertionError("MISSING_INCOME is not in the registry")
        checkEq(listOf("MISSING_INCOME", "dues", "error"), listOf(info.code, info.area, info.kind), "record")
        checkEq("未提供收入，无法计算党费", info.messageZh, "messageZh")
        checkEq("no income was given, so dues cannot be computed", info.messageEn, "messageEn")
    }
    h.test("an exception reads as a sentence: field, Chinese message, code — in toString(), so logs show it") {
        val member = DuesMember(memberId = "M1", category = Category.EMPLOYED, employerType = EmployerType.ENTERPRISE)
        val e = expectThrows<DangjianException.InvalidInput> { assessDues(Policy.bundled(), member, "2026-11", false) }
        checkEq("${e.field}：${e.messageZh} [MISSING_INCOME]".trimStart('：'), e.toString(), "toString")
        check(!e.toString().contains("messageEn=")) { "a field dump: $e" }
    }
    h.test("an exception's message is the same sentence (field：中文说明 [CODE]), with or without a field") {
        val e = expectThrows<DangjianException.Policy> { Policy.fromJson("{}") }
        checkEq("schema_version：${e.messageZh} [INVALID_POLICY_JSON]", e.message, "message with a field")
        val i = expectThrows<DangjianException.Internal> { forcePanicForTests() }
        checkEq("${i.messageZh} [INTERNAL]", i.message, "message without a field")
    }
    h.test("describeCode: unknown or wrongly cased codes are null") {
        for (bad in listOf("", "missing_income", "NOPE")) checkEq(null, describeCode(bad), bad)
    }
    h.test("allCodes: one record per code, each found again by describeCode, kinds and areas closed") {
        val all = allCodes()
        check(all.size > 250) { "only ${all.size} codes" }
        checkEq(all.size, all.map { it.code }.toSet().size, "distinct codes")
        checkEq(all, all.map { describeCode(it.code) }, "describeCode of each")
        val kinds = setOf("error", "finding", "both", "step", "outcome")
        check(all.all { it.kind in kinds }) { "kinds ${all.map { it.kind }.toSet()}" }
        check(all.any { it.code == "DUES_LAPSE" && it.kind == "finding" }) { "DUES_LAPSE" }
    }
}
