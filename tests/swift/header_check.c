/* Compiled with -fsyntax-only by tests/swift/run.sh: the generated Swift FFI header must be valid C. */
#include "dangjianFFI.h"

/*
 * The membership exports, each assigned to a pointer of the C signature the Swift bindings call it with
 * (object handles as uint64_t, strings as RustBuffer): a missing or changed declaration fails the compile.
 */
typedef RustBuffer (*membership_two_objects_fn)(uint64_t, uint64_t, RustBuffer, RustBuffer, RustCallStatus *);
membership_two_objects_fn const membership_check_member = uniffi_dangjian_ffi_fn_func_membership_check_member;
membership_two_objects_fn const membership_check_members = uniffi_dangjian_ffi_fn_func_membership_check_members;
membership_two_objects_fn const membership_check_members_lines =
    uniffi_dangjian_ffi_fn_func_membership_check_members_lines;
RustBuffer (*const membership_apply_event)(uint64_t, uint64_t, RustBuffer, RustBuffer, RustBuffer, RustCallStatus *) =
    uniffi_dangjian_ffi_fn_func_membership_apply_event;
RustBuffer (*const membership_rights)(uint64_t, RustBuffer, RustBuffer, RustCallStatus *) =
    uniffi_dangjian_ffi_fn_func_membership_rights;
RustBuffer (*const membership_check_orgs)(uint64_t, RustBuffer, RustBuffer, RustCallStatus *) =
    uniffi_dangjian_ffi_fn_func_membership_check_orgs;
RustBuffer (*const membership_check_orgs_lines)(uint64_t, RustBuffer, RustBuffer, RustCallStatus *) =
    uniffi_dangjian_ffi_fn_func_membership_check_orgs_lines;
void (*const membership_validate_id_number)(RustBuffer, RustBuffer, RustCallStatus *) =
    uniffi_dangjian_ffi_fn_func_membership_validate_id_number;
