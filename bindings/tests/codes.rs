//! The code registry as the bindings export it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian::codes;
use dangjian_ffi::codes::*;

#[test]
fn every_code_crosses_with_its_record() {
    let all = all_codes();
    assert_eq!(all.len(), codes::all().count());
    let info = describe_code("MISSING_INCOME".to_owned()).unwrap();
    assert_eq!((info.area.as_str(), info.kind.as_str()), ("dues", "error"));
    assert_eq!(info.message_zh, "未提供收入，无法计算党费");
    assert!(describe_code("missing_income".to_owned()).is_none());
}
