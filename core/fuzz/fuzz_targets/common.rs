// Shared by the targets: the input split into documents at NUL bytes (no JSON text contains a raw NUL), so
// one input can hold a record, an event and a roster.

/// The input as text (invalid UTF-8 replaced, so every input reaches the parsers) cut at NUL bytes.
pub fn parts(data: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(data).split('\0').map(str::to_owned).collect()
}

/// Part `i`, or `default` when the input has fewer parts.
pub fn part<'a>(parts: &'a [String], i: usize, default: &'a str) -> &'a str {
    parts.get(i).map(String::as_str).unwrap_or(default)
}
