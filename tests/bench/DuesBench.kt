// Kotlin/JVM: the columnar dues entry (MonthRules) beside what a JVM user would write instead, a plain loop over
// java.math.BigDecimal with the same bracket table and half-up rounding at the fen.
//
// Run by tests/bench/dues.sh (which builds the library, generates the bindings and compiles this with them);
// not a test. Prints one line per path (best of N after warm-up rounds, members/s) and the ratio to the peer.
//
// Fairness: the peer's bases are BigDecimal before timing (its natural input, not counted) and its results an
// array of BigDecimal; every dangjian path is timed from a LongArray of fen to a LongArray of amounts (packing
// and unpacking included). The peer's table and rounding come from the same bundled policy for the month, and
// every result is compared member by member before anything is timed.
package cn.dangjian.bench

import cn.dangjian.types.Category
import cn.dangjian.MonthRules
import cn.dangjian.Policy
import cn.dangjian.tests.Json
import java.math.BigDecimal
import java.math.RoundingMode
import java.nio.ByteBuffer
import java.nio.ByteOrder
import kotlin.random.Random
import kotlin.system.exitProcess

private const val MONTH = "2026-11"

@Suppress("UNCHECKED_CAST")
private fun Any?.obj() = this as Map<String, Any?>

@Suppress("UNCHECKED_CAST")
private fun Any?.arr() = this as List<Any?>

/** The entry of a dated timeline in force on the first day of [month] (ISO dates compare as text). */
private fun inForce(timeline: Any?, month: String): Any? {
    val day = "$month-01"
    return timeline.arr().map { it.obj() }.first { e ->
        (e["effective_from"] as String) <= day && (e["effective_to"] as String? ?: "9999-12-31") >= day
    }["value"]
}

/** The hand-written loop's table: inclusive upper bounds (null for the top bracket) and rates. */
private class PeerRules(policy: Policy) {
    val upTo: Array<BigDecimal?>
    val rate: Array<BigDecimal>

    init {
        val dues = Json.parse(policy.toJson()).obj()["dues"].obj()
        val brackets = inForce(dues["employed_brackets"], MONTH).arr().map { it.obj() }
        upTo = brackets.map { (it["up_to"] as String?)?.let(::BigDecimal) }.toTypedArray()
        rate = brackets.map { BigDecimal(it["rate"] as String) }.toTypedArray()
        val rounding = inForce(dues["rounding"], MONTH).obj()
        check(rounding["mode"] == "half_up" && rounding["scale"].toString() == "2") { "rounding $rounding" }
    }

    /** The first bracket whose inclusive bound is not below the base, its rate on the whole base, half-up. */
    fun amounts(bases: Array<BigDecimal>): Array<BigDecimal?> {
        val out = arrayOfNulls<BigDecimal>(bases.size)
        for (i in bases.indices) {
            val base = bases[i]
            var k = 0
            while (k < upTo.size - 1 && upTo[k] != null && base > upTo[k]!!) k++
            out[i] = base.multiply(rate[k]).setScale(2, RoundingMode.HALF_UP)
        }
        return out
    }
}

private fun packed(rules: MonthRules, bases: LongArray): LongArray {
    val buf = ByteBuffer.allocate(bases.size * 8).order(ByteOrder.LITTLE_ENDIAN)
    buf.asLongBuffer().put(bases)
    val out = rules.amountsFenPacked(Category.EMPLOYED, buf.array())
    val amounts = LongArray(bases.size)
    ByteBuffer.wrap(out.amountsLe).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(amounts)
    return amounts
}

/** The bases in a direct buffer (allocated per call, as a caller without one would), borrowed by Rust in place. */
private fun buffered(rules: MonthRules, bases: LongArray): LongArray {
    val buf = ByteBuffer.allocateDirect(bases.size * 8).order(ByteOrder.LITTLE_ENDIAN)
    buf.asLongBuffer().put(bases)
    val out = rules.amountsFenBuffer(Category.EMPLOYED, buf)
    val amounts = LongArray(bases.size)
    ByteBuffer.wrap(out.amountsLe).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(amounts)
    return amounts
}

private fun listed(rules: MonthRules, bases: LongArray): LongArray =
    rules.amountsFen(Category.EMPLOYED, bases.asList()).amountsFen.toLongArray()

/** Best wall-clock seconds of [rounds] runs after [warmup] untimed ones (the JIT's). */
private fun best(rounds: Int, warmup: Int = 2, body: () -> Any): Double {
    repeat(warmup) { body() }
    return (1..rounds).minOf {
        val t0 = System.nanoTime()
        body()
        (System.nanoTime() - t0) / 1e9
    }
}

fun main() {
    val n = System.getenv("BENCH_MEMBERS")?.toInt() ?: 1_000_000
    val rounds = System.getenv("BENCH_ROUNDS")?.toInt() ?: 5
    val rng = Random(2026)
    // Up to 30 000 yuan: every bracket, the bounds themselves and well past the top one.
    val bases = LongArray(n) { rng.nextLong(0, 3_000_000) }
    longArrayOf(300_000, 300_001, 500_000, 500_001, 1_000_000, 1_000_001).copyInto(bases)
    val policy = Policy.bundled()
    val rules = MonthRules.resolve(policy, MONTH)
    val peer = PeerRules(policy)
    val decimals = Array(n) { BigDecimal.valueOf(bases[it], 2) }

    val paths = linkedMapOf<String, () -> LongArray>(
        "dangjian amountsFenBuffer (LongArray → direct ByteBuffer → LongArray)" to { buffered(rules, bases) },
        "dangjian amountsFenPacked (LongArray → ByteArray → LongArray)" to { packed(rules, bases) },
        "dangjian amountsFen (List<Long> in and out, element by element)" to { listed(rules, bases) },
    )
    // Member by member, before timing.
    val want = peer.amounts(decimals).map { it!!.movePointRight(2).longValueExact() }
    for ((name, path) in paths) {
        val got = path()
        val bad = want.indices.firstOrNull { want[it] != got[it] }
        if (got.size != n || bad != null) {
            println("MISMATCH $name: member $bad: base ${bad?.let { bases[it] }} fen, peer ${bad?.let { want[it] }}, dangjian ${bad?.let { got[it] }}")
            exitProcess(1)
        }
    }
    println("kotlin/jvm: $n members, employed, $MONTH; every path equals the BigDecimal loop member by member; best of $rounds after 2 warm-up runs")
    val peerS = best(rounds) { peer.amounts(decimals) }
    println("  %-72s %8.3f s %8.2f M/s".format("peer: plain java.math.BigDecimal loop", peerS, n / peerS / 1e6))
    for ((name, path) in paths) {
        val s = best(rounds) { path() }
        println("  %-72s %8.3f s %8.2f M/s  %6.2fx the peer".format(name, s, n / s / 1e6, peerS / s))
    }
}
