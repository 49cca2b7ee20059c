/*
 * Calls the real libdangjian_ffi.so through the C ABI declared by the generated
 * Swift FFI header (target/bindings/swift/dangjianFFI.h), i.e. what the Swift
 * bindings do on iOS, and checks the answers:
 *   - ffi_dangjian_ffi_uniffi_contract_version() equals argv[1] (the version the
 *     generated .swift expects) and is printed;
 *   - core_version() returns a non-empty string;
 *   - Policy.bundled() gives a handle; assess_dues_json(policy, a student, "2026-11")
 *     returns the assessment document with "amount":"0.20";
 *   - assess_dues_json with a negative amount fails with RUST_CALL_ERROR (1) and an
 *     error buffer that serialises DangjianError::InvalidInput { code: "NEGATIVE_AMOUNT",
 *     field: "incomes[0].items[0].amount", .. } (variant index as big-endian i32, 1-based;
 *     then each String as big-endian i32 length + UTF-8 bytes);
 *   - Calendar.official().add_working_days("2026-02-12", 4) returns the DateAnswer record
 *     { value: "2026-02-25", findings: [] } (the Spring Festival 2026 window);
 *   - membership_check_orgs(policy, a lone branch, "2026-01-01") returns a report with "findings";
 *     membership_validate_id_number("11010519491231002X", "1949-12-31") succeeds, and with the check character
 *     1 instead of X fails with DangjianError::InvalidInput { code: "INVALID_ID_NUMBER", field: "id_number" };
 *   - the object handles are freed.
 * Object handles are cloned before each call, as the Swift code does (the callee consumes one).
 * Prints "PASS <name>" / "FAIL <name>: <why>" per check; exit code = failures.
 * Built by tests/swift/run.sh with
 *   gcc -D_Nullable= -D_Nonnull= -D_Null_unspecified= -I target/bindings/swift ... -ldangjian_ffi
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dangjianFFI.h"

static int failures;

static void report(int ok, const char *name, const char *why) {
    if (ok) {
        printf("PASS %s\n", name);
    } else {
        printf("FAIL %s: %s\n", name, why);
        failures++;
    }
}

static RustBuffer lower_string(const char *s) {
    RustCallStatus status = {0};
    ForeignBytes bytes = {(int32_t)strlen(s), (const uint8_t *)s};
    return ffi_dangjian_ffi_rustbuffer_from_bytes(bytes, &status);
}

/* A copy of buf as a NUL-terminated string; frees buf. */
static char *lift_string(RustBuffer buf) {
    RustCallStatus status = {0};
    char *s = malloc(buf.len + 1);
    if (s == NULL) {
        exit(99);
    }
    if (buf.len > 0) {
        memcpy(s, buf.data, buf.len);
    }
    s[buf.len] = '\0';
    ffi_dangjian_ffi_rustbuffer_free(buf, &status);
    return s;
}

/* Reads a big-endian i32 at *pos, advancing it; -1 when out of bounds. */
static long read_i32(const RustBuffer *buf, uint64_t *pos) {
    if (*pos + 4 > buf->len) {
        return -1;
    }
    const uint8_t *p = buf->data + *pos;
    *pos += 4;
    return (long)(((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3]);
}

/* Compares the length-prefixed string at *pos with want, advancing *pos. */
static int read_string_eq(const RustBuffer *buf, uint64_t *pos, const char *want) {
    long len = read_i32(buf, pos);
    if (len < 0 || *pos + (uint64_t)len > buf->len) {
        return 0;
    }
    int eq = (size_t)len == strlen(want) && memcmp(buf->data + *pos, want, (size_t)len) == 0;
    *pos += (uint64_t)len;
    return eq;
}

int main(int argc, char **argv) {
    char why[256];

    uint32_t contract = ffi_dangjian_ffi_uniffi_contract_version();
    printf("contract version %u\n", contract);
    unsigned long expected = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
    snprintf(why, sizeof why, "library says %u, the generated Swift expects %lu", contract, expected);
    report(contract == expected, "contract version matches the generated Swift", why);

    {
        RustCallStatus status = {0};
        char *v = lift_string(uniffi_dangjian_ffi_fn_func_core_version(&status));
        printf("core version %s\n", v);
        snprintf(why, sizeof why, "status %d, value \"%s\"", status.code, v);
        report(status.code == 0 && v[0] != '\0', "core_version() via the C ABI", why);
        free(v);
    }

    {
        RustCallStatus status = {0};
        uint64_t policy = uniffi_dangjian_ffi_fn_constructor_policy_bundled(&status);
        snprintf(why, sizeof why, "status %d", status.code);
        report(status.code == 0 && policy != 0, "Policy.bundled() via the C ABI", why);

        RustCallStatus call = {0};
        uint64_t arg = uniffi_dangjian_ffi_fn_clone_policy(policy, &status);
        char *v = lift_string(uniffi_dangjian_ffi_fn_func_assess_dues_json(
            arg, lower_string("{\"member_id\":\"S1\",\"category\":\"student\"}"), lower_string("2026-11"), 0, &call));
        snprintf(why, sizeof why, "status %d, value %.160s", call.code, v);
        report(call.code == 0 && strstr(v, "\"amount\":\"0.20\"") != NULL,
               "assess_dues_json(bundled, a student, 2026-11) -> amount 0.20 via the C ABI", why);
        free(v);

        RustCallStatus fail = {0};
        arg = uniffi_dangjian_ffi_fn_clone_policy(policy, &status);
        RustBuffer out = uniffi_dangjian_ffi_fn_func_assess_dues_json(
            arg,
            lower_string("{\"member_id\":\"E1\",\"category\":\"employed\",\"incomes\":[{\"items\":"
                         "[{\"code\":\"net_base\",\"amount\":\"-1.00\"}]}]}"),
            lower_string("2026-11"), 0, &fail);
        RustBuffer err = fail.errorBuf;
        uint64_t pos = 0;
        long variant = fail.code == 1 ? read_i32(&err, &pos) : -1;
        int ok = fail.code == 1 && variant == 1 /* InvalidInput */
                 && read_string_eq(&err, &pos, "NEGATIVE_AMOUNT")
                 && read_string_eq(&err, &pos, "incomes[0].items[0].amount");
        snprintf(why, sizeof why, "status %d, variant %ld, error buffer of %llu bytes", fail.code, variant,
                 (unsigned long long)err.len);
        report(ok, "assess_dues_json(a negative amount) -> InvalidInput(NEGATIVE_AMOUNT, incomes[0].items[0].amount)",
               why);
        RustCallStatus free_status = {0};
        ffi_dangjian_ffi_rustbuffer_free(fail.code == 0 ? out : err, &free_status);

        uniffi_dangjian_ffi_fn_free_policy(policy, &status);
        snprintf(why, sizeof why, "status %d", status.code);
        report(status.code == 0, "Policy handles cloned and freed", why);
    }

    {
        RustCallStatus status = {0};
        uint64_t cal = uniffi_dangjian_ffi_fn_constructor_calendar_official(&status);
        RustCallStatus call = {0};
        uint64_t arg = uniffi_dangjian_ffi_fn_clone_calendar(cal, &status);
        RustBuffer out = uniffi_dangjian_ffi_fn_method_calendar_add_working_days(arg, lower_string("2026-02-12"), 4, &call);
        uint64_t pos = 0;
        int ok = call.code == 0 && read_string_eq(&out, &pos, "2026-02-25") && read_i32(&out, &pos) == 0
                 && pos == out.len;
        snprintf(why, sizeof why, "status %d, record of %llu bytes", call.code, (unsigned long long)out.len);
        report(ok, "Calendar.official().add_working_days(2026-02-12, 4) -> { 2026-02-25, no findings }", why);
        RustCallStatus free_status = {0};
        ffi_dangjian_ffi_rustbuffer_free(call.code == 0 ? out : call.errorBuf, &free_status);
        uniffi_dangjian_ffi_fn_free_calendar(cal, &status);
        snprintf(why, sizeof why, "status %d", status.code);
        report(status.code == 0, "Calendar handles cloned and freed", why);
    }

    {
        RustCallStatus status = {0};
        uint64_t policy = uniffi_dangjian_ffi_fn_constructor_policy_bundled(&status);
        uint64_t cal = uniffi_dangjian_ffi_fn_constructor_calendar_official(&status);
        RustCallStatus call = {0};
        uint64_t policy_arg = uniffi_dangjian_ffi_fn_clone_policy(policy, &status);
        char *v = lift_string(uniffi_dangjian_ffi_fn_func_membership_check_orgs(
            policy_arg, lower_string("{\"orgs\":[{\"id\":\"B1\",\"kind\":\"branch\"}]}"),
            lower_string("2026-01-01"), &call));
        snprintf(why, sizeof why, "status %d, value %.160s", call.code, v);
        report(call.code == 0 && strstr(v, "\"findings\":[") != NULL,
               "membership_check_orgs(bundled, a lone branch, 2026-01-01) -> a report with findings via the C ABI",
               why);
        free(v);

        RustCallStatus ok = {0};
        uniffi_dangjian_ffi_fn_func_membership_validate_id_number(lower_string("11010519491231002X"),
                                                                   lower_string("1949-12-31"), &ok);
        snprintf(why, sizeof why, "status %d", ok.code);
        report(ok.code == 0, "membership_validate_id_number(11010519491231002X, 1949-12-31) passes via the C ABI", why);
        if (ok.code != 0) {
            RustCallStatus free_status = {0};
            ffi_dangjian_ffi_rustbuffer_free(ok.errorBuf, &free_status);
        }

        RustCallStatus fail = {0};
        uniffi_dangjian_ffi_fn_func_membership_validate_id_number(lower_string("110105194912310021"),
                                                                   lower_string("1949-12-31"), &fail);
        RustBuffer err = fail.errorBuf;
        uint64_t pos = 0;
        long variant = fail.code == 1 ? read_i32(&err, &pos) : -1;
        int coded = fail.code == 1 && variant == 1 /* InvalidInput */
                    && read_string_eq(&err, &pos, "INVALID_ID_NUMBER") && read_string_eq(&err, &pos, "id_number");
        snprintf(why, sizeof why, "status %d, variant %ld, error buffer of %llu bytes", fail.code, variant,
                 (unsigned long long)err.len);
        report(coded, "membership_validate_id_number(110105194912310021, 1949-12-31) -> InvalidInput(INVALID_ID_NUMBER, id_number)",
               why);
        if (fail.code != 0) {
            RustCallStatus free_status = {0};
            ffi_dangjian_ffi_rustbuffer_free(err, &free_status);
        }

        uniffi_dangjian_ffi_fn_free_calendar(cal, &status);
        uniffi_dangjian_ffi_fn_free_policy(policy, &status);
        snprintf(why, sizeof why, "status %d", status.code);
        report(status.code == 0, "membership: Policy and Calendar handles cloned and freed", why);
    }

    return failures;
}
