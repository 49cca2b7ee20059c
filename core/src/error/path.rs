//! The field path of a failed plain read (`brackets[1].rate`), rebuilt from the text and the position
//! serde_json reports, instead of tracking the path while reading.
//!
//! Why: a path-tracking reader (serde_path_to_error) wraps every visitor, so every `Deserialize` impl in the
//! module is compiled a second time through its wrappers — in the wasm package that was an eighth of the
//! module. Here the read stays plain, and only a read that fails has its path found: the text is walked up to
//! the error's position, and the place the walk stops at names the field, with the same conventions as the
//! tracking reader (a missing field at its object, a key serde never read at its object, an element at `[i]`).
//!
//! One place is ambiguous: an error positioned just after a closing `}`/`]`. serde gives a position to an
//! error raised outside serde_json (a `try_from` check, a tagged enum read from its buffer) only when the
//! enclosing object or list ends, so such an error of its *last member* lands where an error of the
//! container itself (a missing field) lands. The read is then tried once more with a comma before that
//! closing bracket: the member's error comes again, now at the comma; the container's turns into a
//! trailing-comma error.
#![deny(clippy::arithmetic_side_effects)]

use serde_json::error::Category;

/// Reads the text again (the same plain read that failed), for the one ambiguous place (module docs): a
/// list's element is then found after the comma (serde_json reads past a comma before it ends a list).
pub(crate) type Retry<'r> = &'r dyn Fn(&str) -> Option<serde_json::Error>;

/// The field path at which the plain read of `json` failed with `e`, as the field paths are written
/// (`incomes[0].items`). `retry` re-reads a text as the failed read did (`None` when the type borrows from
/// the text: the ambiguous place is then named at the container).
pub(crate) fn path_of(json: &str, e: &serde_json::Error, retry: Option<Retry<'_>>) -> String {
    if e.line() == 0 {
        return variant_path(json, &message(e), retry);
    }
    let offset = offset_of(json, e.line(), e.column());
    match e.classify() {
        Category::Data => data_path(json, offset, &message(e), retry),
        Category::Eof => syntax_path(&scan(json, offset), &message(e)),
        Category::Syntax | Category::Io => {
            syntax_path(&scan(json, offset.saturating_sub(1)), &message(e))
        }
    }
}

/// An error serde_json never placed: raised outside it and left through nothing but externally tagged enums
/// (`{"month": "2026-13"}`: serde_json places errors as its objects and lists end, not as an enum's does).
/// Its path is the variants it left through: each `{"variant": payload}` from the root inwards whose text
/// cut just after the payload still fails the same way (an internally tagged enum, which reads its whole
/// object first, then fails on the cut text instead).
fn variant_path(json: &str, message: &str, retry: Option<Retry<'_>>) -> String {
    let (mut path, mut found, mut from) = (String::new(), String::new(), 0);
    while let Some((key, start, end)) = single_key_payload(json, from) {
        path = super::join_path(&path, &key);
        let again = json
            .get(..end)
            .and_then(|cut| retry.and_then(|read| read(cut)));
        match again {
            Some(e2) if e2.line() == 0 && self::message(&e2) == message => found.clone_from(&path),
            _ => break,
        }
        from = start;
    }
    found
}

/// The object at `from` if it has exactly one key: that key and where its value starts and ends.
fn single_key_payload(json: &str, from: usize) -> Option<(String, usize, usize)> {
    let bytes = json.as_bytes();
    let open = skip_space(bytes, from);
    if bytes.get(open) != Some(&b'{') {
        return None;
    }
    let key_at = skip_space(bytes, open.saturating_add(1));
    let key_end = string_end(bytes, key_at.saturating_add(1))?;
    let key = serde_json::from_str::<String>(json.get(key_at..=key_end)?).ok()?;
    let colon = skip_space(bytes, key_end.saturating_add(1));
    let start = skip_space(bytes, colon.saturating_add(1));
    let mut values =
        serde_json::Deserializer::from_str(json.get(start..)?).into_iter::<serde::de::IgnoredAny>();
    values.next()?.ok()?;
    let end = start.saturating_add(values.byte_offset());
    let close = skip_space(bytes, end);
    (bytes.get(colon) == Some(&b':') && bytes.get(close) == Some(&b'}'))
        .then_some((key, start, end))
}

/// The first byte at or after `from` that is not JSON whitespace.
fn skip_space(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while matches!(bytes.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        i = i.saturating_add(1);
    }
    i
}

/// serde's message without its position (" at line 1 column 9").
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_owned(),
        None => text,
    }
}

/// The byte offset of serde_json's position: `line` counts from 1, `column` is the bytes since that line's
/// start (serde_json's own arithmetic, so the two agree byte for byte).
fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let start = json
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .filter(|_| line > 1)
        .map_or(0, |(i, _)| i.saturating_add(1));
    start.saturating_add(column).min(json.len())
}

/// A data error (a value of the wrong type, a missing or unknown field): serde_json placed it where it
/// stopped reading, after the value at fault or after the object a field is missing from.
fn data_path(json: &str, offset: usize, message: &str, retry: Option<Retry<'_>>) -> String {
    let walk = scan(json, offset);
    let Some(closed) = walk.closed.as_ref() else {
        return element_or_member(&walk, message, json.as_bytes().get(offset));
    };
    let Some(last) = closed.last_member.as_ref() else {
        return closed.path.clone();
    };
    let at = offset.saturating_sub(1);
    let (Some(head), Some(tail)) = (json.get(..at), json.get(at..)) else {
        return closed.path.clone();
    };
    let text = format!("{head},{tail}");
    match retry.and_then(|read| read(&text)) {
        Some(e2)
            if e2.classify() == Category::Data
                && self::message(&e2) == message
                && (at..=at.saturating_add(1)).contains(&offset_of(
                    &text,
                    e2.line(),
                    e2.column(),
                )) =>
        {
            super::join_path(&closed.path, last)
        }
        _ => closed.path.clone(),
    }
}

/// A data error in a list, just after a comma: serde_json places an error raised outside it (a tagged enum
/// read from its buffer, a `try_from` check) only when the list goes on, after the comma that follows the
/// element at fault — unless it is its own refusal of the next element (a list or object where neither is
/// read), placed at that element's opening bracket.
fn element_or_member(walk: &Walk, message: &str, next: Option<&u8>) -> String {
    if let Some(Frame {
        kind: Kind::List(i),
        state: State::Next,
    }) = walk.stack.last()
    {
        let refused = matches!(next, Some(b'{' | b'['))
            && (message.starts_with("invalid type: map")
                || message.starts_with("invalid type: sequence"));
        if *i > 0 && !refused {
            return format!("{}[{}]", walk.container_path(), i.saturating_sub(1));
        }
    }
    member_path(walk, message)
}

/// A syntax error: serde_json stopped at the byte it could not read. A fault in the structure (a comma or
/// bracket expected, a key that is not a string) is its container's; a fault in a value, the value's.
fn syntax_path(walk: &Walk, message: &str) -> String {
    const STRUCTURE: [&str; 8] = [
        "trailing characters",
        "expected `,` or `}`",
        "expected `,` or `]`",
        "trailing comma",
        "key must be a string",
        "expected `:`",
        "EOF while parsing an object",
        "EOF while parsing a list",
    ];
    // After a list's comma, the end of the text is found looking for the next element, not in it.
    let list_next = matches!(walk.stack.last(), Some(Frame { kind: Kind::List(i), state: State::Next }) if *i > 0);
    if STRUCTURE.iter().any(|s| message.starts_with(s))
        || (list_next && message.starts_with("EOF while parsing a value"))
    {
        return walk.container_path();
    }
    member_path(walk, message)
}

/// The path of the member the walk stopped in: the key once read (a key serde refused, or named twice, is
/// its object's), the element's index.
fn member_path(walk: &Walk, message: &str) -> String {
    let Some(frame) = walk.stack.last() else {
        return String::new();
    };
    let parent = walk.container_path();
    match (&frame.kind, frame.state) {
        (Kind::List(i), _) => format!("{parent}[{i}]"),
        (Kind::Object(Some(_)), State::AfterKey)
            if message.starts_with("duplicate field") || message.starts_with("unknown variant") =>
        {
            parent
        }
        (Kind::Object(Some(key)), State::AfterKey | State::Value) => super::join_path(&parent, key),
        (Kind::Object(_), _) => parent,
    }
}

/// An open object (with the key of the member being read, once its key is read) or list (with the index of
/// the element being read).
#[derive(Debug)]
enum Kind {
    Object(Option<String>),
    List(usize),
}

/// Where in its container the walk is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    /// After the opening bracket or a comma: a key (object) or an element (list) comes next.
    Next,
    /// Inside a key's string.
    InKey,
    /// After a key, before its colon.
    AfterKey,
    /// After the colon, in the value, or after it.
    Value,
}

#[derive(Debug)]
struct Frame {
    kind: Kind,
    state: State,
}

/// A container that ended just where the walk stopped: its path and the path segment of its last member.
#[derive(Debug)]
struct Closed {
    path: String,
    last_member: Option<String>,
}

/// The walk's state at its end: the open containers, and the one that ended on its last byte.
#[derive(Debug, Default)]
struct Walk {
    stack: Vec<Frame>,
    closed: Option<Closed>,
}

impl Walk {
    /// The path of the innermost open container.
    fn container_path(&self) -> String {
        let open = self.stack.len().saturating_sub(1);
        self.path_to(open)
    }

    /// The path of the container at depth `depth` (the members of the containers around it).
    fn path_to(&self, depth: usize) -> String {
        let mut out = String::new();
        for frame in self.stack.iter().take(depth) {
            match &frame.kind {
                Kind::List(i) => out = format!("{out}[{i}]"),
                Kind::Object(Some(key)) => out = super::join_path(&out, key),
                Kind::Object(None) => {}
            }
        }
        out
    }

    /// The segment naming the member the innermost container is reading.
    fn segment(&self) -> Option<String> {
        match &self.stack.last()?.kind {
            Kind::List(i) => Some(format!("[{i}]")),
            Kind::Object(key) => key.clone(),
        }
    }
}

/// Walks `json` up to (not including) byte `end`: which containers are open there, which member each is in.
fn scan(json: &str, end: usize) -> Walk {
    let bytes = json.as_bytes().get(..end).unwrap_or(json.as_bytes());
    let mut walk = Walk::default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        walk.closed = None;
        match b {
            b'"' => {
                let close = string_end(bytes, i.saturating_add(1));
                let key_place = matches!(
                    walk.stack.last(),
                    Some(Frame {
                        kind: Kind::Object(_),
                        state: State::Next
                    })
                );
                if key_place {
                    key_read(&mut walk, json, i, close);
                } else {
                    value_start(&mut walk);
                }
                i = close.map_or(bytes.len(), |c| c.saturating_add(1));
                continue;
            }
            b'{' | b'[' => {
                value_start(&mut walk);
                let kind = if b == b'{' {
                    Kind::Object(None)
                } else {
                    Kind::List(0)
                };
                walk.stack.push(Frame {
                    kind,
                    state: State::Next,
                });
            }
            b'}' | b']' => close(&mut walk),
            b',' => comma(&mut walk),
            b':' => {
                if let Some(f) = walk.stack.last_mut() {
                    f.state = State::Value;
                }
            }
            b' ' | b'\n' | b'\t' | b'\r' => {}
            _ => value_start(&mut walk),
        }
        i = i.saturating_add(1);
    }
    walk
}

/// The index of the quote closing the string whose content starts at `from`, or `None` when the text ends
/// inside it.
fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i = i.saturating_add(2),
            b'"' => return Some(i),
            _ => i = i.saturating_add(1),
        }
    }
    None
}

/// A key's string from `open` to `close` (its quotes): once closed, the member is that key's.
fn key_read(walk: &mut Walk, json: &str, open: usize, close: Option<usize>) {
    let Some(frame) = walk.stack.last_mut() else {
        return;
    };
    let Some(close) = close else {
        frame.state = State::InKey;
        return;
    };
    let key = json
        .get(open..=close)
        .and_then(|text| serde_json::from_str::<String>(text).ok());
    frame.kind = Kind::Object(key);
    frame.state = State::AfterKey;
}

/// A value starts (or goes on) in the innermost container: a list's element is now being read.
fn value_start(walk: &mut Walk) {
    if let Some(f) = walk.stack.last_mut() {
        f.state = State::Value;
    }
}

/// A comma: the next member of the innermost container.
fn comma(walk: &mut Walk) {
    if let Some(f) = walk.stack.last_mut() {
        if let Kind::List(i) = &mut f.kind {
            *i = i.saturating_add(1);
        } else {
            f.kind = Kind::Object(None);
        }
        f.state = State::Next;
    }
}

/// A closing bracket: the innermost container ends (remembered as `closed` until the next byte).
fn close(walk: &mut Walk) {
    let depth = walk.stack.len().saturating_sub(1);
    let path = walk.path_to(depth);
    let last_member = match walk.stack.last() {
        Some(f) if f.state == State::Value => walk.segment(),
        _ => None,
    };
    walk.stack.pop();
    walk.closed = Some(Closed { path, last_member });
}

#[cfg(test)]
#[path = "path_tests.rs"]
mod tests;
