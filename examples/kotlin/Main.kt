// A tiny JVM program using the dangjian Kotlin bindings (package cn.dangjian).
// Run it with examples/kotlin/run.sh [AMOUNT...].
package cn.dangjian.example

import cn.dangjian.DangjianException
import cn.dangjian.checkAmount
import cn.dangjian.coreVersion

fun main(args: Array<String>) {
    println("dangjian core ${coreVersion()}")
    val amounts = if (args.isEmpty()) listOf("12.50", "8", "-1") else args.toList()
    for (amount in amounts) {
        try {
            println("check_amount(\"$amount\") = ${checkAmount(amount)}")
        } catch (e: DangjianException.InvalidInput) {
            println("check_amount(\"$amount\") rejected: ${e.code} [${e.field}] ${e.messageZh} / ${e.messageEn}")
        }
    }
}
