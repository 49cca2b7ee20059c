// The columnar dues entry (MonthRules: bases in fen in, amounts in fen out, as List<Long>, packed
// little-endian bytes, or a direct ByteBuffer borrowed in place) against the record API (assessDuesJson / assessDuesBatchJson): the same amount on every
// dues vector it can express and on randomized bases across every bracket bound and the half-fen cases;
// refused rows named at their index with the rest computed.
package cn.dangjian.tests

import cn.dangjian.types.Category
import cn.dangjian.types.DangjianException
import cn.dangjian.MonthRules
import cn.dangjian.Policy
import cn.dangjian.assessDuesBatchJson
import cn.dangjian.assessDuesJson
import java.io.File
import java.math.BigDecimal
import java.nio.ByteBuffer
import java.nio.ByteOrder
import kotlin.random.Random

/** One trillion yuan in fen: the largest base the core accepts. */
private const val MAX_BASE_FEN = 100_000_000_000_000L

/** The categories that have a base; the others pay a flat figure (2008 Rules Art. 6). */
private val RATED = mapOf(
    "employed" to Category.EMPLOYED, "annual_salary" to Category.ANNUAL_SALARY,
    "self_employed" to Category.SELF_EMPLOYED, "retired" to Category.RETIRED,
)
private val FLAT = mapOf(
    "farmer" to Category.FARMER, "student" to Category.STUDENT, "unemployed" to Category.UNEMPLOYED,
    "relief" to Category.RELIEF, "subsistence" to Category.SUBSISTENCE,
)

private fun fen(amount: String): Long = BigDecimal(amount).movePointRight(2).longValueExact()

private fun yuan(fen: Long): String = BigDecimal.valueOf(fen, 2).toPlainString()

private fun pack(values: List<Long>): ByteArray {
    val buf = ByteBuffer.allocate(values.size * 8).order(ByteOrder.LITTLE_ENDIAN)
    values.forEach { buf.putLong(it) }
    return buf.array()
}

/** The bases in a direct buffer, as `amountsFenBuffer` borrows them. */
private fun direct(values: List<Long>): ByteBuffer {
    val buf = ByteBuffer.allocateDirect(values.size * 8).order(ByteOrder.LITTLE_ENDIAN)
    values.forEach { buf.putLong(it) }
    return buf.flip()
}

private fun unpack(bytes: ByteArray): List<Long> {
    val longs = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer()
    return List(longs.remaining()) { longs.get(it) }
}

/** The record API's amounts in fen for members of [category] with these bases, in one batch call. */
private fun recordAmounts(policy: Policy, category: String, bases: List<Long>, month: String): List<Long> {
    val members = bases.mapIndexed { i, b ->
        mapOf(
            "member_id" to "R$i", "category" to category,
            "incomes" to listOf(mapOf("items" to listOf(mapOf("code" to "net_base", "amount" to yuan(b))))),
        )
    }
    val out = Json.parse(assessDuesBatchJson(policy, Json.write(members), month, false)).asMap()
    check(out["errors"].asList().isEmpty()) { "record API refused: ${out["errors"]}" }
    return out["assessments"].asList().map { fen(it.asMap()["amount"] as String) }
}

/** Every bracket bound on both sides, the half-fen bases of each rate, and random bases over the range. */
private fun boundaryBases(rng: Random): List<Long> {
    val bases = mutableListOf(0L, 1, 50, 99, 100, 101, 199, 200, 1_000_000_000, MAX_BASE_FEN)
    for (bound in listOf(300_000L, 500_000L, 1_000_000L)) {
        bases += listOf(-100L, -2, -1, 0, 1, 2, 100).map { bound + it }
    }
    // Half a fen: 0.5% of 1.00 + 2.00k; 1% of x.50; 1.5% of an odd hundred fen; 2% of x.25 / x.75.
    bases += (0 until 1_500 step 97).map { 100L + 200L * it }
    bases += listOf(300_050L, 300_150, 499_950, 500_050, 500_100, 500_300, 999_900, 1_000_025, 1_000_075, 1_234_525)
    bases += List(1_500) { rng.nextLong(0, 3_000_000) }
    return bases
}

private fun errorsOf(errors: List<cn.dangjian.DuesColumnError>) =
    errors.map { Triple(it.index.toInt(), it.code, it.field) }

fun duesColumnsTests(h: Harness, vectors: File) {
    h.test("MonthRules: the worked examples as List<Long> and as packed bytes") {
        val rules = MonthRules.bundled("2026-11")
        checkEq("2026-11", rules.month(), "month")
        // RULES §1: 3000.00 × 0.5% = 15.00; 3000.01 × 1% = 30.0001 → 30.00; 5400.00 × 1.5% = 81.00;
        // 11500.00 × 2% = 230.00.
        val bases = listOf(300_000L, 300_001, 540_000, 1_150_000)
        val want = listOf(1_500L, 3_000, 8_100, 23_000)
        checkEq(want, rules.amountsFen(Category.EMPLOYED, bases).amountsFen, "list form")
        checkEq(want, unpack(rules.amountsFenPacked(Category.EMPLOYED, pack(bases)).amountsLe), "packed form")
        checkEq(want, unpack(rules.amountsFenBuffer(Category.EMPLOYED, direct(bases)).amountsLe), "buffer form")
    }
    h.test("MonthRules: half a fen rounds up (the bundled half-up at the fen)") {
        // 1.00 × 0.5% = 0.005 → 0.01; 3000.50 × 1% = 30.005 → 30.01; 5001.00 × 1.5% = 75.015 → 75.02;
        // 10000.25 × 2% = 200.005 → 200.01; 0.99 × 0.5% = 0.00495 → 0.00; 3000.49 × 1% = 30.0049 → 30.00.
        val out = MonthRules.bundled("2026-11")
            .amountsFen(Category.EMPLOYED, listOf(100L, 300_050, 500_100, 1_000_025, 99, 300_049))
        checkEq(listOf(1L, 3_001, 7_502, 20_001, 0, 3_000), out.amountsFen, "amounts")
    }
    h.test("MonthRules: a negative and an over-large base are named at their index, the rest computed") {
        val rules = MonthRules.bundled("2026-11")
        val bases = listOf(-1L, 500_000, MAX_BASE_FEN + 1, 500_001, MAX_BASE_FEN)
        // Retirees (Art. 5): 5000.00 × 0.5% = 25.00; 5000.01 × 1% → 50.00; one trillion yuan × 1%.
        val want = listOf(0L, 2_500, 0, 5_000, 1_000_000_000_000)
        val wantErrors = listOf(Triple(0, "NEGATIVE_AMOUNT", "bases[0]"), Triple(2, "AMOUNT_TOO_LARGE", "bases[2]"))
        val list = rules.amountsFen(Category.RETIRED, bases)
        checkEq(want to wantErrors, list.amountsFen to errorsOf(list.errors), "list form")
        val packed = rules.amountsFenPacked(Category.RETIRED, pack(bases))
        checkEq(want to wantErrors, unpack(packed.amountsLe) to errorsOf(packed.errors), "packed form")
        check(packed.errors.all { it.messageZh.isNotEmpty() && it.messageEn.isNotEmpty() }) { "messages" }
        val buffer = rules.amountsFenBuffer(Category.RETIRED, direct(bases))
        checkEq(want to wantErrors, unpack(buffer.amountsLe) to errorsOf(buffer.errors), "buffer form")
    }
    h.test("MonthRules: bytes that are not whole 8-byte bases are INVALID_AMOUNT at bases_le") {
        val rules = MonthRules.bundled("2026-11")
        for (n in listOf(1, 7, 9)) {
            expectCoded<DangjianException.InvalidInput>("INVALID_AMOUNT", "bases_le") {
                rules.amountsFenPacked(Category.EMPLOYED, ByteArray(n))
            }
        }
        checkEq(0, rules.amountsFenPacked(Category.EMPLOYED, ByteArray(0)).amountsLe.size, "empty column")
        for (n in listOf(1, 7, 9)) {
            expectCoded<DangjianException.InvalidInput>("INVALID_AMOUNT", "bases_le") {
                rules.amountsFenBuffer(Category.EMPLOYED, ByteBuffer.allocateDirect(n))
            }
        }
        checkEq(0, rules.amountsFenBuffer(Category.EMPLOYED, ByteBuffer.allocateDirect(0)).amountsLe.size, "empty buffer")
        // 16 bytes: two bases of 0 fen, whose amounts are 0 under the lowest rate.
        checkEq(listOf(0L, 0L), unpack(rules.amountsFenBuffer(Category.EMPLOYED, ByteBuffer.allocateDirect(16)).amountsLe), "16 bytes")
    }
    h.test("MonthRules.amountsFenBuffer: a heap ByteBuffer is refused (only a direct buffer has an address)") {
        expectThrows<IllegalArgumentException> {
            MonthRules.bundled("2026-11").amountsFenBuffer(Category.EMPLOYED, ByteBuffer.wrap(pack(listOf(300_000L))))
        }
    }
    h.test("MonthRules: a bad month, a month before the 2008 Rules") {
        expectCoded<DangjianException.InvalidInput>("INVALID_MONTH", "month") { MonthRules.bundled("2026-13") }
        val e = expectThrows<DangjianException.Policy> { MonthRules.resolve(Policy.bundled(), "2008-03") }
        checkEq("NO_POLICY_IN_FORCE", e.code, "code")
        checkEq(20L, MonthRules.bundled("2008-04").amountFen(Category.STUDENT, 0), "student 0.20 from April 2008")
    }
    h.test("MonthRules equals the record API on the dues vectors it can express") {
        var compared = 0
        val all = RATED + FLAT
        for (file in vectors.listFiles { f -> f.name.endsWith(".json") }!!.sorted()) {
            for (c in Json.parse(file.readText()).asMap()["cases"].asList().map { it.asMap() }) {
                val member = c["member"].asMap()
                // A hardship decision or an admission date changes the amount beyond the base.
                if (c["kind"] != "assess" || "hardship" in member || "admitted_on" in member) continue
                val policy = policyOf(c)
                val month = c["month"] as String
                val a = Json.parse(assessDuesJson(policy, Json.write(member), month, false)).asMap()
                val base = (a["base"] as String?)?.let(::fen) ?: 0L
                val out = MonthRules.resolve(policy, month).amountsFen(all.getValue(member["category"] as String), listOf(base))
                val where = "${file.name}: ${c["name"]}"
                checkEq(listOf(fen(a["amount"] as String)) to 0, out.amountsFen to out.errors.size, where)
                checkEq(fen(c["expect"].asMap()["amount"] as String), fen(a["amount"] as String), "$where (expected)")
                compared++
            }
        }
        check(compared > 80) { "only $compared vector cases compared" }
    }
    h.test("MonthRules equals the record API on randomized bases across every bracket bound") {
        val rng = Random(14)
        val policy = Policy.bundled()
        for (month in listOf("2026-11", "2016-06")) {
            val rules = MonthRules.resolve(policy, month)
            for ((name, category) in RATED) {
                val bases = boundaryBases(rng)
                val want = recordAmounts(policy, name, bases, month)
                checkEq(want, rules.amountsFen(category, bases).amountsFen, "$month $name list form")
                checkEq(want, unpack(rules.amountsFenPacked(category, pack(bases)).amountsLe), "$month $name packed")
                checkEq(want, unpack(rules.amountsFenBuffer(category, direct(bases)).amountsLe), "$month $name buffer")
            }
        }
    }
    h.test("MonthRules: flat categories ignore the base (Art. 6)") {
        val rules = MonthRules.bundled("2026-11")
        for ((name, category) in FLAT) {
            val want = if (name == "farmer") 50L else 20L
            checkEq(listOf(want, want), rules.amountsFen(category, listOf(0L, 540_000)).amountsFen, name)
        }
    }
}
