use chrono::NaiveDate;

use super::validate_id_number;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn code(id: &str, born: &str) -> Option<String> {
    validate_id_number(id, d(born), "id_number")
        .err()
        .map(|e| e.code().to_owned())
}

// Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[Σ mod 11].
//
// 11010519491231002X (GB 11643's example): 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7
//   + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'.
// 110105200001010016: 7+9+0+5+0+20 + 2·2 + 0 + 0 + 0 + 0·7 + 1·9 + 0·10 + 1·5 + 0 + 0 + 1·2 = 61; 61 mod 11 = 6
//   → '6'.
// 110105200002290013: 7+9+0+5+0+20 + 4 + 0+0+0 + 0 + 2·9 + 2·10 + 9·5 + 0 + 0 + 2 = 130; 130 mod 11 = 9 → '3'.
#[test]
fn published_and_hand_computed_numbers_pass() {
    assert_eq!(code("11010519491231002X", "1949-12-31"), None);
    assert_eq!(code("11010519491231002x", "1949-12-31"), None);
    assert_eq!(code("110105200001010016", "2000-01-01"), None);
    assert_eq!(code("110105200002290013", "2000-02-29"), None);
}

#[test]
fn wrong_check_character_is_invalid() {
    // 167 mod 11 = 2 → 'X', so any other last character fails.
    for last in ['0', '1', '2', '9'] {
        let id = format!("11010519491231002{last}");
        assert_eq!(
            code(&id, "1949-12-31").as_deref(),
            Some("INVALID_ID_NUMBER")
        );
    }
    // 61 mod 11 = 6: '6' passes (above), '7' and 'X' fail.
    assert_eq!(
        code("110105200001010017", "2000-01-01").as_deref(),
        Some("INVALID_ID_NUMBER")
    );
    assert_eq!(
        code("11010520000101001X", "2000-01-01").as_deref(),
        Some("INVALID_ID_NUMBER")
    );
}

#[test]
fn malformed_numbers_are_invalid() {
    for id in [
        "",
        "11010519491231002",   // 17 characters
        "11010519491231002X1", // 19
        "1101051949123100２X", // a full-width digit
        "A1010519491231002X",  // a letter among the digits
        "X10105194912310020",  // X elsewhere than last
        "01010519491231002X",  // a region starting with 0
    ] {
        assert_eq!(
            code(id, "1949-12-31").as_deref(),
            Some("INVALID_ID_NUMBER"),
            "{id}"
        );
    }
}

#[test]
fn an_impossible_embedded_date_is_invalid() {
    // 110105200002300010 with a checksum that works: 7+9+0+5+0+20+4+0+0+0+0+18+30+0+0+0+2 = 95; 95 mod 11 = 7
    // → '5'. 2000-02-30 does not exist.
    assert_eq!(
        code("110105200002300015", "2000-02-28").as_deref(),
        Some("INVALID_ID_NUMBER")
    );
}

#[test]
fn birth_date_must_match() {
    assert_eq!(
        code("11010519491231002X", "1949-12-30").as_deref(),
        Some("ID_BIRTH_DATE_MISMATCH")
    );
    assert_eq!(
        code("11010519491231002X", "1950-01-01").as_deref(),
        Some("ID_BIRTH_DATE_MISMATCH")
    );
    let e = validate_id_number("11010519491231002X", d("1949-12-30"), "x.id").unwrap_err();
    assert_eq!(e.detail().field, "x.id");
}
