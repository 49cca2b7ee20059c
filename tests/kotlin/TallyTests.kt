// CreditsTally.dayTotals from Kotlin: the credits totals fast path over packed little-endian columns
// (ByteArray in, ByteArray out). Totals worked by hand from the learning platform's 2022 rules (RULES §7): a
// login is 1 point, at most 1 a China-time day; reading time 1 point a full minute, at most 6 a day; the daily
// quiz 1 point a correct answer, at most 5 a day. 1772406000 is 2026-03-02T07:00:00+08:00, China-time day
// 20514 since 1970-01-01. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.CreditsScheme
import cn.dangjian.CreditsScorer
import cn.dangjian.CreditsTally
import cn.dangjian.TallyRows
import cn.dangjian.TallyTotals
import cn.dangjian.types.CreditEvent
import cn.dangjian.types.DangjianException
import cn.dangjian.types.PeriodKind
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

private const val T0 = 1772406000L
private const val DAY = 86400L
private const val NONE = -1 // 0xFFFFFFFF as an Int: absent
private val RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
private val CODES = listOf("login", "reading_time", "daily_quiz", "nap")

private data class Row(val member: Int, val activity: String, val seconds: Long, val duration: Int? = null, val correct: Int? = null)

private val ROWS = listOf(
    Row(0, "login", T0), // 1
    Row(0, "login", T0 + 60), // 0: one login point a day
    Row(0, "reading_time", T0 + 120, duration = 300), // 5 minutes: 5
    Row(0, "reading_time", T0 + 600, duration = 240), // 4 minutes, but the day's cap 6 leaves 1
    Row(0, "daily_quiz", T0 + DAY, correct = 3), // 3, on 3 March
    Row(1, "daily_quiz", T0, correct = 7), // 7 correct, capped at 5
    Row(1, "nap", T0), // not in the scheme: UNKNOWN_ACTIVITY
    Row(1, "daily_quiz", T0 + 60), // no answers: MISSING_FIELD
)

private fun ints(values: List<Int>): ByteArray =
    ByteBuffer.allocate(4 * values.size).order(ByteOrder.LITTLE_ENDIAN).apply { asIntBuffer().put(values.toIntArray()) }.array()

private fun longs(values: List<Long>): ByteArray =
    ByteBuffer.allocate(8 * values.size).order(ByteOrder.LITTLE_ENDIAN).apply { asLongBuffer().put(values.toLongArray()) }.array()

private fun longsOf(bytes: ByteArray): List<Long> {
    val out = LongArray(bytes.size / 8)
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out)
    return out.toList()
}

private fun rows() = TallyRows(
    membersLe = ints(ROWS.map { it.member }),
    activityCodes = CODES,
    activitiesLe = ints(ROWS.map { CODES.indexOf(it.activity) }),
    secondsLe = longs(ROWS.map { it.seconds }),
    durationSecondsLe = ints(ROWS.map { it.duration ?: NONE }),
    correctAnswersLe = ints(ROWS.map { it.correct ?: NONE }),
)

private fun triples(out: TallyTotals): List<List<Long>> {
    val (m, d, p) = listOf(out.membersLe, out.daysLe, out.pointsLe).map(::longsOf)
    return m.indices.map { listOf(m[it], d[it], p[it]) }
}

fun tallyTests(h: Harness) {
    h.test("CreditsTally.dayTotals: day totals worked by hand, refused rows in place") {
        CreditsTally(CreditsScheme.learningPlatform()).use { t ->
            val out = t.dayTotals(rows())
            checkEq(listOf(listOf(0L, 20514L, 7L), listOf(0L, 20515L, 3L), listOf(1L, 20514L, 5L)), triples(out), "totals")
            checkEq(
                listOf(listOf(6u, "UNKNOWN_ACTIVITY", "activity"), listOf(7u, "MISSING_FIELD", "correct_answers")),
                out.errors.map { listOf(it.index, it.code, it.field) },
                "errors",
            )
        }
    }
    h.test("CreditsTally.dayTotals equals the scorer's day totals on the same events") {
        val events = ROWS.mapIndexed { i, r ->
            val at = Instant.ofEpochSecond(r.seconds).atOffset(ZoneOffset.ofHours(8)).format(RFC3339)
            CreditEvent("e$i", "M${r.member}", r.activity, at, durationSeconds = r.duration?.toUInt(), correctAnswers = r.correct?.toUInt())
        }
        checkEq("2026-03-02T07:00:00+08:00", events[0].occurredAt, "the first instant")
        val byScorer = CreditsScorer(CreditsScheme.learningPlatform()).use { s ->
            s.ingest(events)
            s.totals().filter { it.kind == PeriodKind.DAY }.associate { "${it.memberId} ${it.period}" to it.points }
        }
        val byTally = CreditsTally(CreditsScheme.learningPlatform()).use { t ->
            triples(t.dayTotals(rows())).associate { (m, d, p) -> "M$m ${java.time.LocalDate.ofEpochDay(d)}" to p }
        }
        checkEq(byScorer, byTally, "day totals")
    }
    h.test("CreditsTally.dayTotals: a voided row, and a column that is not whole values is INVALID_COLUMNS") {
        CreditsTally(CreditsScheme.learningPlatform()).use { t ->
            // The 4-minute reading voided: 2 March is 1 + 5.
            val voided = rows().copy(voided = byteArrayOf(0, 0, 0, 1, 0, 0, 0, 0))
            checkEq(listOf(6L, 3L, 5L), triples(t.dayTotals(voided)).map { it[2] }, "points")
            val bad = rows().copy(membersLe = ints(ROWS.map { it.member }).copyOf(31))
            val e = expectThrows<DangjianException.InvalidInput> { t.dayTotals(bad) }
            checkEq(listOf("INVALID_COLUMNS", "members_le"), listOf(e.code, e.field), "code and field")
        }
    }
}
