#!/usr/bin/env bash
# Swift binding checks that need no Swift compiler (none exists on Linux here).
#   bash tests/swift/run.sh
# Generates the Swift bindings into target/bindings/swift (dangjian.swift,
# dangjianFFI.h, dangjianFFI.modulemap), then checks, one test each:
#   - the module map and the .swift agree on the FFI module and header names;
#   - money (the custom type Decimal) is Foundation.Decimal, converted as uniffi.toml says;
#   - the generated C header compiles (gcc -fsyntax-only; also clang when present);
#   - tests/swift/link_check.c builds and links against the real .so, and its
#     calls through the C ABI pass (contract version, core_version, Policy.bundled,
#     assess_dues_json ok and failing with a coded error, Calendar.add_working_days);
#   - every uniffi_/ffi_ symbol the .swift references is exported by the .so;
#   - each membership export (membership_check_member, _check_members, _apply_event, _rights,
#     _check_orgs, _validate_id_number, and the JSON Lines _check_members_lines, _check_orgs_lines) is declared by the header, wrapped by a public func of the
#     .swift and exported by the .so (header_check.c also pins their C signatures, link_check.c calls
#     membership_check_orgs and membership_validate_id_number);
#   - each typed membership export (check_member, member_next_steps, check_members, apply_member_event,
#     member_rights, check_orgs, life_compliance, rate_review, evaluate_election) is wrapped by a public func
#     and exported, and the records it takes and returns are declared in dangjian_types.swift.
# Last stdout line:  swift: N passed, N failed
set -euo pipefail
FFI_SUITE=swift
# shellcheck source-path=SCRIPTDIR source=../lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/ffi.sh"

here="$FFI_ROOT/tests/swift"
ffi_build
ffi_generate swift
gen="$FFI_GEN/swift"
swift_file="$gen/dangjian.swift"
# The core's own types (records, enums, the error, money) are their own UniFFI component, generated beside
# it: dangjian_types.swift with dangjian_typesFFI.h / .modulemap, compiled into the same Swift module.
types_file="$gen/dangjian_types.swift"
work="$FFI_TOOLS/swift-check"
mkdir -p "$work"

# 1. Module map / import consistency.
if grep -q '^module dangjianFFI ' "$gen/dangjianFFI.modulemap" \
    && grep -q 'header "dangjianFFI.h"' "$gen/dangjianFFI.modulemap" \
    && grep -q '^import dangjianFFI$' "$swift_file"; then
    ffi_pass "modulemap declares dangjianFFI with dangjianFFI.h, and dangjian.swift imports it"
else
    ffi_fail "modulemap / import consistency" "$(cat "$gen/dangjianFFI.modulemap")"
fi
if grep -q '^module dangjian_typesFFI ' "$gen/dangjian_typesFFI.modulemap" \
    && grep -q 'header "dangjian_typesFFI.h"' "$gen/dangjian_typesFFI.modulemap" \
    && grep -q '^import dangjian_typesFFI$' "$types_file" \
    && grep -q '^public struct DuesMember\b' "$types_file" \
    && ! grep -q '^public struct DuesMember\b' "$swift_file" \
    && grep -q 'FfiConverterTypeDuesMember_lower' "$swift_file"; then
    ffi_pass "the core's types: dangjian_typesFFI modulemap and header, DuesMember declared once (in dangjian_types.swift) and used by dangjian.swift"
else
    ffi_fail "the core's types component" "$(cat "$gen/dangjian_typesFFI.modulemap" 2>&1)"
fi

# 1b. Money maps to Foundation.Decimal itself: no typealias named Decimal (it would make `Decimal`
# ambiguous for apps importing both Foundation and dangjian), read with the POSIX locale, written with
# its locale-independent description.
if ! grep -q 'typealias Decimal' "$swift_file" "$types_file" \
    && grep -q 'return Decimal(string: builtinValue, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal.nan' "$types_file" \
    && grep -q 'let builtinValue = value.description' "$types_file" \
    && grep -q 'public var amount: Decimal$' "$types_file"; then
    ffi_pass "money is Foundation.Decimal (custom type Decimal, no typealias)"
else
    ffi_fail "money is Foundation.Decimal" "see FfiConverterTypeDecimal in $types_file"
fi

# 2. The header is valid C. gcc knows no Clang nullability qualifiers: define them away.
nullability=(-D_Nullable= -D_Nonnull= -D_Null_unspecified=)
cflags=(-std=c11 -Wall -Wextra -Werror -I "$gen")
if msg=$(gcc "${nullability[@]}" "${cflags[@]}" -fsyntax-only "$here/header_check.c" 2>&1); then
    ffi_pass "dangjianFFI.h compiles (gcc -fsyntax-only)"
else
    ffi_fail "dangjianFFI.h compiles (gcc -fsyntax-only)" "$msg"
fi
if command -v clang >/dev/null 2>&1; then
    if msg=$(clang "${cflags[@]}" -Wno-nullability-completeness -fsyntax-only "$here/header_check.c" 2>&1); then
        ffi_pass "dangjianFFI.h compiles (clang -fsyntax-only, real nullability)"
    else
        ffi_fail "dangjianFFI.h compiles (clang -fsyntax-only)" "$msg"
    fi
else
    log "clang not installed: the clang header check is skipped (gcc covers it)"
fi
if msg=$(echo '#include "dangjian_typesFFI.h"' | gcc "${nullability[@]}" "${cflags[@]}" -x c -fsyntax-only - 2>&1); then
    ffi_pass "dangjian_typesFFI.h compiles (gcc -fsyntax-only)"
else
    ffi_fail "dangjian_typesFFI.h compiles (gcc -fsyntax-only)" "$msg"
fi

# 3. A C program links against the real .so and calls it like the Swift bindings do.
expected_contract=$(sed -n 's/^ *let bindings_contract_version = \([0-9][0-9]*\)$/\1/p' "$swift_file")
if msg=$(gcc "${nullability[@]}" "${cflags[@]}" "$here/link_check.c" -o "$work/link_check" \
    -L "$FFI_LIB_DIR" -Wl,-rpath,"$FFI_LIB_DIR" -ldangjian_ffi 2>&1); then
    ffi_pass "link_check.c builds and links against libdangjian_ffi.so"
    rc=0
    out=$("$work/link_check" "${expected_contract:-unknown}") || rc=$?
    while IFS= read -r line; do
        case $line in
            "PASS "*) ffi_pass "${line#PASS }" ;;
            "FAIL "*) ffi_fail "${line#FAIL }" ;;
            *) log "link_check: $line" ;;
        esac
    done <<<"$out"
    if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' <<<"$out"; then
        ffi_fail "link_check runs" "exit code $rc"
    fi
else
    ffi_fail "link_check.c builds and links against libdangjian_ffi.so" "$msg"
fi

# 4. Every FFI symbol the Swift code calls is exported by the library.
mapfile -t wanted < <(grep -ohE '\b(uniffi|ffi)_[A-Za-z0-9_]+' "$swift_file" "$types_file" | sort -u)
exported="$work/exported-symbols.txt"
nm -D --defined-only "$FFI_LIB" | awk '{print $NF}' | sort -u >"$exported"
missing=()
for sym in "${wanted[@]}"; do
    grep -qxF "$sym" "$exported" || missing+=("$sym")
done
if [ "${#wanted[@]}" -eq 0 ]; then
    ffi_fail "FFI symbols referenced by dangjian.swift" "found none (generator output changed?)"
elif [ "${#missing[@]}" -eq 0 ]; then
    ffi_pass "all ${#wanted[@]} uniffi_/ffi_ symbols referenced by dangjian.swift and dangjian_types.swift are exported by the .so"
else
    ffi_fail "FFI symbols exported" "missing from the .so: ${missing[*]}"
fi

# 5. The membership exports: declared, wrapped in Swift, exported.
membership=(check_member:membershipCheckMember check_members:membershipCheckMembers
    apply_event:membershipApplyEvent rights:membershipRights check_orgs:membershipCheckOrgs
    validate_id_number:membershipValidateIdNumber
    check_members_lines:membershipCheckMembersLines check_orgs_lines:membershipCheckOrgsLines)
for pair in "${membership[@]}"; do
    fn=uniffi_dangjian_ffi_fn_func_membership_${pair%%:*}
    swift_name=${pair#*:}
    problems=()
    grep -qE "\b$fn\(" "$gen/dangjianFFI.h" || problems+=("not declared in dangjianFFI.h")
    grep -qE "^public func $swift_name\(" "$swift_file" || problems+=("no public func $swift_name in dangjian.swift")
    grep -qE "\b$fn\(" "$swift_file" || problems+=("dangjian.swift does not call it")
    grep -qxF "$fn" "$exported" || problems+=("not exported by the .so")
    if [ "${#problems[@]}" -eq 0 ]; then
        ffi_pass "membership: $fn declared, wrapped as $swift_name and exported"
    else
        ffi_fail "membership: $fn" "${problems[*]}"
    fi
done

# 6. The typed membership exports take and return the core's records, declared in dangjian_types.swift.
typed=(check_member:checkMember member_next_steps:memberNextSteps check_members:checkMembers
    apply_member_event:applyMemberEvent member_rights:memberRights check_orgs:checkOrgs
    life_compliance:lifeCompliance rate_review:rateReview evaluate_election:evaluateElection)
for pair in "${typed[@]}"; do
    fn=uniffi_dangjian_ffi_fn_func_${pair%%:*}
    swift_name=${pair#*:}
    problems=()
    grep -qE "^public func $swift_name\(" "$swift_file" || problems+=("no public func $swift_name in dangjian.swift")
    grep -qE "\b$fn\(" "$swift_file" || problems+=("dangjian.swift does not call it")
    grep -qxF "$fn" "$exported" || problems+=("not exported by the .so")
    if [ "${#problems[@]}" -eq 0 ]; then
        ffi_pass "membership typed: $fn wrapped as $swift_name and exported"
    else
        ffi_fail "membership typed: $fn" "${problems[*]}"
    fi
done
missing_types=()
for t in "struct MemberRecord" "enum MemberEvent" "struct MemberReport" "struct CheckBatch" "struct Rights" \
    "struct NextStep" "struct OrgDocument" "struct OrgReport" "struct LifeReport" "struct RatingReport" \
    "struct ElectionReport" "struct DateRange" "enum Stage"; do
    grep -qE "^public $t\b" "$types_file" || missing_types+=("$t")
done
if [ "${#missing_types[@]}" -eq 0 ]; then
    ffi_pass "membership typed: the records are the core's, declared in dangjian_types.swift"
else
    ffi_fail "membership typed: records in dangjian_types.swift" "missing: ${missing_types[*]}"
fi

ffi_finish
