// A minimal, strict JSON reader (RFC 8259) and writer for the shared test vectors,
// so the JVM tests need no JSON library. Objects become ordered Map<String, Any?>,
// arrays List<Any?>, numbers exact java.math.BigDecimal, and strings, booleans
// and null the obvious Kotlin values. Duplicate keys are an error.
package cn.dangjian.tests

import java.math.BigDecimal

class JsonParseException(message: String) : Exception(message)

object Json {
    private val NUMBER = Regex("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?").toPattern()

    fun parse(text: String): Any? {
        val p = Parser(text)
        p.skipWs()
        val value = p.value()
        p.skipWs()
        if (p.pos != text.length) p.fail("trailing characters")
        return value
    }

    /**
     * Writes a value read by [parse] (or built of the same kinds: Map, List, String, Number, Boolean, null)
     * as compact JSON; with [sortKeys], object keys in sorted order (a canonical form to compare).
     */
    fun write(value: Any?, sortKeys: Boolean = false): String =
        StringBuilder().also { writeTo(it, value, sortKeys) }.toString()

    private fun writeTo(out: StringBuilder, value: Any?, sortKeys: Boolean) {
        when (value) {
            null -> out.append("null")
            is Boolean -> out.append(value)
            is BigDecimal -> out.append(value.toPlainString())
            is Number -> out.append(value.toString())
            is String -> writeString(out, value)
            is Map<*, *> -> {
                out.append('{')
                val entries = value.entries.map { it.key as String to it.value }
                val ordered = if (sortKeys) entries.sortedBy { it.first } else entries
                ordered.forEachIndexed { i, (k, v) ->
                    if (i > 0) out.append(',')
                    writeString(out, k)
                    out.append(':')
                    writeTo(out, v, sortKeys)
                }
                out.append('}')
            }
            is List<*> -> {
                out.append('[')
                value.forEachIndexed { i, v ->
                    if (i > 0) out.append(',')
                    writeTo(out, v, sortKeys)
                }
                out.append(']')
            }
            else -> throw IllegalArgumentException("not a JSON value: ${value::class}")
        }
    }

    private fun writeString(out: StringBuilder, s: String) {
        out.append('"')
        for (c in s) {
            when {
                c == '"' -> out.append("\\\"")
                c == '\\' -> out.append("\\\\")
                c == '\n' -> out.append("\\n")
                c == '\r' -> out.append("\\r")
                c == '\t' -> out.append("\\t")
                c < ' ' -> out.append(String.format("\\u%04x", c.code))
                else -> out.append(c)
            }
        }
        out.append('"')
    }

    private class Parser(val s: String) {
        var pos = 0

        fun fail(message: String): Nothing = throw JsonParseException("$message at offset $pos")

        fun skipWs() {
            while (pos < s.length && s[pos] in " \t\r\n") pos++
        }

        fun expect(c: Char) {
            if (pos >= s.length || s[pos] != c) fail("expected '$c'")
            pos++
        }

        fun value(): Any? {
            if (pos >= s.length) fail("unexpected end of input")
            return when (s[pos]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> str()
                't' -> literal("true", true)
                'f' -> literal("false", false)
                'n' -> literal("null", null)
                else -> num()
            }
        }

        fun literal(word: String, v: Any?): Any? {
            if (!s.startsWith(word, pos)) fail("invalid literal")
            pos += word.length
            return v
        }

        fun obj(): Map<String, Any?> {
            val map = LinkedHashMap<String, Any?>()
            expect('{')
            skipWs()
            if (pos < s.length && s[pos] == '}') {
                pos++
                return map
            }
            while (true) {
                skipWs()
                if (pos >= s.length || s[pos] != '"') fail("expected a string key")
                val key = str()
                if (map.containsKey(key)) fail("duplicate key \"$key\"")
                skipWs()
                expect(':')
                skipWs()
                map[key] = value()
                skipWs()
                if (pos < s.length && s[pos] == ',') {
                    pos++
                    continue
                }
                expect('}')
                return map
            }
        }

        fun arr(): List<Any?> {
            val list = ArrayList<Any?>()
            expect('[')
            skipWs()
            if (pos < s.length && s[pos] == ']') {
                pos++
                return list
            }
            while (true) {
                skipWs()
                list.add(value())
                skipWs()
                if (pos < s.length && s[pos] == ',') {
                    pos++
                    continue
                }
                expect(']')
                return list
            }
        }

        fun str(): String {
            expect('"')
            val out = StringBuilder()
            while (true) {
                if (pos >= s.length) fail("unterminated string")
                val c = s[pos++]
                when {
                    c == '"' -> return out.toString()
                    c == '\\' -> {
                        if (pos >= s.length) fail("unterminated escape")
                        when (val e = s[pos++]) {
                            '"', '\\', '/' -> out.append(e)
                            'b' -> out.append('\b')
                            'f' -> out.append('\u000C')
                            'n' -> out.append('\n')
                            'r' -> out.append('\r')
                            't' -> out.append('\t')
                            'u' -> {
                                val hex = if (pos + 4 <= s.length) s.substring(pos, pos + 4) else ""
                                val code = if (hex.length == 4) hex.toIntOrNull(16) else null
                                out.append((code ?: fail("invalid \\u escape")).toChar())
                                pos += 4
                            }
                            else -> fail("invalid escape '\\$e'")
                        }
                    }
                    c < ' ' -> fail("control character in string")
                    else -> out.append(c)
                }
            }
        }

        fun num(): BigDecimal {
            val m = NUMBER.matcher(s).region(pos, s.length)
            if (!m.lookingAt()) fail("invalid value")
            pos = m.end()
            return BigDecimal(m.group())
        }
    }
}
