/*
 * Calls the real libdangjian_ffi.so through the C ABI declared by the generated
 * Swift FFI header (target/bindings/swift/dangjianFFI.h), i.e. what the Swift
 * bindings do on iOS, and checks the answers:
 *   - ffi_dangjian_ffi_uniffi_contract_version() equals argv[1] (the version the
 *     generated .swift expects) and is printed;
 *   - core_version() returns a non-empty string;
 *   - check_amount("12.50") returns "12.50";
 *   - check_amount("-1") fails with RUST_CALL_ERROR (1) and an error buffer that
 *     serialises DangjianError::InvalidInput { code: "INVALID_AMOUNT", field: "amount", .. }
 *     (variant index as big-endian i32, 1-based; then each String as big-endian
 *     i32 length + UTF-8 bytes).
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
        char *v = lift_string(uniffi_dangjian_ffi_fn_func_check_amount(lower_string("12.50"), &status));
        snprintf(why, sizeof why, "status %d, value \"%s\"", status.code, v);
        report(status.code == 0 && strcmp(v, "12.50") == 0, "check_amount(\"12.50\") via the C ABI", why);
        free(v);
    }

    {
        RustCallStatus status = {0};
        RustBuffer out = uniffi_dangjian_ffi_fn_func_check_amount(lower_string("-1"), &status);
        RustBuffer err = status.errorBuf;
        uint64_t pos = 0;
        long variant = status.code == 1 ? read_i32(&err, &pos) : -1;
        int ok = status.code == 1 && variant == 1 /* InvalidInput */
                 && read_string_eq(&err, &pos, "INVALID_AMOUNT") && read_string_eq(&err, &pos, "amount");
        snprintf(why, sizeof why, "status %d, variant %ld, error buffer of %llu bytes", status.code, variant,
                 (unsigned long long)err.len);
        report(ok, "check_amount(\"-1\") -> InvalidInput(INVALID_AMOUNT, amount) via the C ABI", why);
        RustCallStatus free_status = {0};
        if (status.code == 0) {
            ffi_dangjian_ffi_rustbuffer_free(out, &free_status);
        } else {
            ffi_dangjian_ffi_rustbuffer_free(err, &free_status);
        }
    }

    return failures;
}
