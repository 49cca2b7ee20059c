// Typed records from the contract's JSON documents (as read by Json.parse), strictly: an unknown field or
// code, a missing field or an unreadable number throws NotTyped — such a document can only be given to the
// JSON entry points.
package cn.dangjian.tests

import cn.dangjian.types.Category
import cn.dangjian.types.DuesMember
import cn.dangjian.types.EmployerType
import cn.dangjian.types.GoodReason
import cn.dangjian.types.HardshipDecision
import cn.dangjian.types.HardshipOutcome
import cn.dangjian.types.IncomeItem
import cn.dangjian.types.IncomeRecord
import cn.dangjian.types.ItemCode
import cn.dangjian.types.Ledger
import cn.dangjian.types.Obligation
import cn.dangjian.types.Payment
import java.math.BigDecimal

class NotTyped(message: String) : Exception(message)

private fun obj(v: Any?, required: List<String>, optional: List<String> = listOf()): Map<*, *> {
    val m = v as? Map<*, *> ?: throw NotTyped("not an object: $v")
    val unknown = m.keys.filter { it !in required && it !in optional }
    val missing = required.filter { it !in m.keys }
    if (unknown.isNotEmpty() || missing.isNotEmpty()) throw NotTyped("unknown $unknown, missing $missing")
    return m
}

private fun str(v: Any?): String = v as? String ?: throw NotTyped("not a string: $v")

private fun optStr(v: Any?): String? = if (v == null) null else str(v)

private fun dec(v: Any?): BigDecimal = try {
    BigDecimal(str(v))
} catch (e: NumberFormatException) {
    throw NotTyped("not a decimal: $v")
}

private fun <T> list(v: Any?, f: (Any?) -> T): List<T> =
    (v as? List<*> ?: throw NotTyped("not an array: $v")).map(f)

/** The enum value whose name is the contract code in upper case (`public_institution` → PUBLIC_INSTITUTION). */
private inline fun <reified E : Enum<E>> code(v: Any?): E {
    val s = str(v)
    return enumValues<E>().firstOrNull { it.name.lowercase() == s } ?: throw NotTyped("${E::class.simpleName} \"$s\"")
}

fun memberFrom(v: Any?): DuesMember {
    val m = obj(v, listOf("member_id", "category"), listOf("schema_version", "employer_type", "incomes", "admitted_on", "hardship"))
    return DuesMember(
        schemaVersion = (m["schema_version"] as java.math.BigDecimal?)?.toInt()?.toUInt(),
        memberId = str(m["member_id"]),
        category = code<Category>(m["category"]),
        employerType = m["employer_type"]?.let { code<EmployerType>(it) },
        incomes = list(m["incomes"] ?: listOf<Any?>(), ::incomeFrom),
        admittedOn = optStr(m["admitted_on"]),
        hardship = list(m["hardship"] ?: listOf<Any?>(), ::hardshipFrom),
    )
}

fun incomeFrom(v: Any?): IncomeRecord {
    val m = obj(v, listOf("items"), listOf("from"))
    return IncomeRecord(from = optStr(m["from"]), items = list(m["items"], ::itemFrom))
}

fun itemFrom(v: Any?): IncomeItem {
    val m = obj(v, listOf("code", "amount"))
    return IncomeItem(code = code<ItemCode>(m["code"]), amount = dec(m["amount"]))
}

fun hardshipFrom(v: Any?): HardshipDecision {
    val m = obj(
        v,
        listOf("from", "outcome", "branch_studied_on", "approved_by", "approved_on"),
        listOf("to", "reduced_amount"),
    )
    return HardshipDecision(
        from = str(m["from"]),
        to = optStr(m["to"]),
        outcome = code<HardshipOutcome>(m["outcome"]),
        reducedAmount = m["reduced_amount"]?.let { dec(it) },
        branchStudiedOn = str(m["branch_studied_on"]),
        approvedBy = str(m["approved_by"]),
        approvedOn = str(m["approved_on"]),
    )
}

fun ledgerFrom(v: Any?): Ledger {
    val m = obj(v, listOf("member_id", "obligations", "payments"), listOf("schema_version", "good_reasons"))
    return Ledger(
        schemaVersion = (m["schema_version"] as java.math.BigDecimal?)?.toInt()?.toUInt(),
        memberId = str(m["member_id"]),
        obligations = list(m["obligations"]) {
            val o = obj(it, listOf("month", "amount"))
            Obligation(month = str(o["month"]), amount = dec(o["amount"]))
        },
        payments = list(m["payments"]) {
            // The core's defaults for an omitted field: no regular amount, no months, no voluntary extra, no channel.
            val p = obj(it, listOf("paid_on"), listOf("amount", "months", "voluntary", "channel"))
            Payment(
                paidOn = str(p["paid_on"]),
                amount = dec(p["amount"] ?: "0"),
                months = list(p["months"] ?: listOf<Any?>(), ::str),
                voluntary = dec(p["voluntary"] ?: "0"),
                channel = str(p["channel"] ?: ""),
            )
        },
        goodReasons = list(m["good_reasons"] ?: listOf<Any?>()) {
            val g = obj(it, listOf("from", "to", "reason"))
            GoodReason(from = str(g["from"]), to = str(g["to"]), reason = str(g["reason"]))
        },
    )
}
