//! The rebuilt path against the path-tracking reader (serde_path_to_error, the reference): every JSON
//! object in the test vectors, each of its prefixes (syntax errors at every byte) and its members changed
//! one at a time (wrong types, a member removed, an unknown key, a key named twice), read as the library's
//! document types and as small types with the serde forms whose errors are placed differently (tagged and
//! untagged enums, `try_from` checks, flattened members).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::path_of;

/// The reference: serde_path_to_error's path (written as the library writes paths) and serde's message.
fn tracked<T: DeserializeOwned>(json: &str) -> Option<(String, String)> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let e = serde_path_to_error::deserialize::<_, T>(de).err()?;
    let path = super::super::known_path(e.path());
    Some((path, super::message(e.inner())))
}

/// The plain read, its path rebuilt.
fn rebuilt<T: DeserializeOwned>(json: &str) -> Option<(String, String)> {
    let read = |text: &str| {
        let mut de = serde_json::Deserializer::from_str(text);
        T::deserialize(&mut de).err()
    };
    let e = read(json)?;
    Some((path_of(json, &e, Some(&read)), super::message(&e)))
}

/// Reads `json` both ways; a difference is written into `bad`.
fn compare<T: DeserializeOwned>(name: &str, json: &str, bad: &mut Vec<String>) -> usize {
    let (want, got) = (tracked::<T>(json), rebuilt::<T>(json));
    if want != got {
        bad.push(format!(
            "{name} {json:?}: tracked {want:?}, rebuilt {got:?}"
        ));
    }
    usize::from(want.is_some())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Shapes {
    id: String,
    #[serde(default)]
    n: Option<u32>,
    #[serde(default)]
    list: Vec<Tagged>,
    #[serde(default)]
    either: Option<Either>,
    #[serde(default)]
    outer: Option<Outer>,
    #[serde(default)]
    checked: Option<Checked>,
    #[serde(default)]
    pair: Option<(u8, String)>,
    #[serde(default)]
    flat: Option<Flat>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[allow(dead_code)]
enum Tagged {
    Talk { date: chrono::NaiveDate },
    Vote { yes: u32, no: u32 },
}

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Either {
    Number(u32),
    Words { text: String },
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum Outer {
    Unit,
    Amount(rust_decimal::Decimal),
    Range { from: u32, to: u32 },
    Checked(Checked),
}

#[derive(Deserialize)]
#[serde(try_from = "String")]
struct Checked;

impl TryFrom<String> for Checked {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if s.starts_with('A') {
            Ok(Checked)
        } else {
            Err(format!("{s} does not start with A"))
        }
    }
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Flat {
    a: u32,
    #[serde(flatten)]
    rest: Inner,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Inner {
    b: u32,
}

/// Reads one text as every type under test.
fn all_types(json: &str, bad: &mut Vec<String>) -> usize {
    compare::<crate::dues::DuesMember>("DuesMember", json, bad)
        + compare::<crate::Policy>("Policy", json, bad)
        + compare::<crate::membership::MemberRecord>("MemberRecord", json, bad)
        + compare::<crate::credits::Event>("Event", json, bad)
        + compare::<crate::credits::Scheme>("Scheme", json, bad)
        + compare::<crate::disclosure::AuditLog>("AuditLog", json, bad)
        + compare::<Shapes>("Shapes", json, bad)
        + compare::<Vec<Shapes>>("Vec<Shapes>", json, bad)
}

/// Each member of an object changed: removed, given a value of each other JSON type; a key added; the
/// first key repeated (texts written by hand, a map cannot hold a key twice).
fn variants(object: &Map<String, Value>) -> Vec<String> {
    let others = [
        Value::Null,
        Value::from(true),
        Value::from(-1),
        Value::from(1.5),
        Value::from("x"),
        Value::Array(vec![Value::from(1)]),
        Value::Object(Map::new()),
    ];
    let mut out = Vec::new();
    for key in object.keys() {
        let mut without = object.clone();
        without.remove(key);
        out.push(Value::Object(without).to_string());
        for other in &others {
            let mut changed = object.clone();
            changed.insert(key.clone(), other.clone());
            out.push(Value::Object(changed.clone()).to_string());
            out.push(serde_json::to_string_pretty(&Value::Object(changed)).unwrap());
        }
    }
    let mut extra = object.clone();
    extra.insert("zz_unknown".into(), Value::from(1));
    out.push(Value::Object(extra).to_string());
    let text = Value::Object(object.clone()).to_string();
    if let Some((k, v)) = object.iter().next() {
        out.push(format!("{{{}:{v},{}", Value::from(k.as_str()), &text[1..]));
    }
    out
}

/// Every object in a JSON value, outermost first.
fn objects<'v>(v: &'v Value, out: &mut Vec<&'v Map<String, Value>>) {
    match v {
        Value::Object(m) => {
            out.push(m);
            m.values().for_each(|x| objects(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| objects(x, out)),
        _ => {}
    }
}

fn vector_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            vector_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The documents the vectors hold (each object, and each string that is itself a JSON document).
fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    // Tests run in the crate's directory.
    vector_files(std::path::Path::new("../tests/vectors"), &mut files);
    let mut texts = Vec::new();
    for file in files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut found = Vec::new();
        objects(&v, &mut found);
        texts.extend(
            found
                .iter()
                .map(|m| Value::Object((*m).clone()).to_string()),
        );
        let mut strings = Vec::new();
        json_strings(&v, &mut strings);
        texts.extend(strings);
    }
    texts.sort();
    texts.dedup();
    texts
}

/// Strings in the vectors that are JSON documents themselves (the inputs of the JSON entry points).
fn json_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.trim_start().starts_with(['{', '[']) => out.push(s.clone()),
        Value::Object(m) => m.values().for_each(|x| json_strings(x, out)),
        Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        _ => {}
    }
}

#[test]
fn hand_written_cases_match_the_tracking_reader() {
    let cases = [
        r#"{"id":"a","list":[{"kind":"talk","date":"2024-02-30"}]}"#,
        r#"{"id":"a","list":[{"kind":"talk","date":"2024-02-30"},{"kind":"vote","yes":1,"no":2}]}"#,
        r#"{"id":"a","list":[{"kind":"vote","yes":1}]}"#,
        r#"{"id":"a","list":[{"kind":"vote","yes":1}, {"kind":"vote","yes":1,"no":2}]}"#,
        r#"{"id":"a","list":[{"kind":"vote","yes":1,"no":2}, {}]}"#,
        r#"{"id":"a","list":[{"kind":"vote","yes":1,"no":2}, []]}"#,
        r#"{"id":"a","list":[{"kind":"vote","yes":1}],"n":1"#,
        r#"{"id":"a","list":[{"kind":"nope"}]}"#,
        r#"{"id":"a","either":{"text":1}}"#,
        r#"{"id":"a","either":{"text":1},"n":1}"#,
        r#"{"id":"a","outer":{"range":{"from":1}}}"#,
        r#"{"id":"a","outer":{"bogus":1}}"#,
        r#"{"id":"a","outer":{"amount":"x"}}"#,
        r#"{"id":"a","outer":"unit","checked":"B"}"#,
        r#"{"checked":"B","id":"a"}"#,
        r#"{"id":"a","pair":[1]}"#,
        r#"{"id":"a","outer":{"checked":"A"},"checked":"B"}"#,
        r#"{"id":"a","pair":[1,"x",3]}"#,
        r#"{"id":"a","flat":{"a":1}}"#,
        r#"{"id":"a","flat":{"a":1,"b":"x"}}"#,
        r#"{"id":"a","id":"b"}"#,
        r#"{"id":"a","n":1 x}"#,
        r#"{"id":"a","n":tru}"#,
        r#"{"id":"a","n":1.}"#,
        r#"{"id":"a","n":}"#,
        r#"{"id":"a","n" 1}"#,
        r#"{"id":"a","n":1,}"#,
        r#"{"id":"a\x"}"#,
        r#"{"id":"a","list":[{"kind":"vote","yes":1,"no":2},]}"#,
        " { \"id\" : \"a\" , \"n\" : \"1\" } ",
        "[{\"id\":\"a\"},\n {\"id\":1}]",
        "{\n  \"id\": \"a\",\n  \"list\": [\n    {\"kind\": \"talk\", \"date\": \"x\"}\n  ]\n}",
    ];
    let mut bad = Vec::new();
    for case in [
        r#"{"checked":"B"}"#,
        r#"{"checked" : "B" }"#,
        r#"{"range":{"from":1}}"#,
        r#""unit""#,
        "{}",
    ] {
        compare::<Outer>("Outer", case, &mut bad);
    }
    compare::<Tagged>("Tagged", r#"{"kind":"nope"}"#, &mut bad);
    compare::<Tagged>("Tagged", r#"{"kind":"talk","date":"x"}"#, &mut bad);
    for case in cases {
        compare::<Shapes>("Shapes", case, &mut bad);
        compare::<Vec<Shapes>>("Vec<Shapes>", case, &mut bad);
    }
    assert!(
        bad.is_empty(),
        "{} differences:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn every_vector_document_and_its_variants_match_the_tracking_reader() {
    let mut bad = Vec::new();
    let mut failures = 0;
    for (n, text) in corpus().into_iter().enumerate() {
        failures += all_types(&text, &mut bad);
        // Every prefix of one short document in sixteen (syntax errors at every byte; all of them took 80 s).
        let cuts = if text.len() <= 300 && n % 16 == 0 {
            text.len()
        } else {
            0
        };
        for cut in (0..cuts).filter(|&i| text.is_char_boundary(i)) {
            failures += all_types(&text[..cut], &mut bad);
        }
        // The members of one document in three changed (all of them: 3 times as long).
        let Ok(Value::Object(object)) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if n % 3 != 0 {
            continue;
        }
        for variant in variants(&object) {
            failures += all_types(&variant, &mut bad);
        }
    }
    bad.truncate(40);
    assert!(
        bad.is_empty(),
        "differences (first 40):\n{}",
        bad.join("\n")
    );
    assert!(
        failures > 10_000,
        "only {failures} failing reads were compared"
    );
}
