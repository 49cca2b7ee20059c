//! The reader behind `house.rs`: the module tree of `core/src` from `lib.rs` down, each file's paths, and
//! the file graph they make (see `house.rs` for how a path is resolved).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub(crate) struct Module {
    /// Relative to `core/src`, with `/` separators.
    pub(crate) file: String,
    pub(crate) test: bool,
    parent: Option<usize>,
    children: BTreeMap<String, usize>,
    /// Comments and inline test modules cut, strings kept (for `#[path]`).
    text: String,
    /// The same with string contents blanked (for paths).
    code: String,
}

pub(crate) struct House {
    pub(crate) modules: Vec<Module>,
}

pub(crate) fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The char at `i`, or NUL past the end.
fn ch(c: &[char], i: usize) -> char {
    c.get(i).copied().unwrap_or('\0')
}

/// Cuts comments; blanks string and char contents when `blank` (the quotes stay).
pub(crate) fn strip(text: &str, blank: bool) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let after_ident = c
            .get(i.wrapping_sub(1))
            .is_some_and(|p| p.is_alphanumeric() || *p == '_');
        i = if ch(&c, i) == '/' && ch(&c, i + 1) == '/' {
            line_comment(&c, i)
        } else if ch(&c, i) == '/' && ch(&c, i + 1) == '*' {
            block_comment(&c, i)
        } else if !after_ident && raw_string_at(&c, i) {
            raw_string(&c, i, &mut out, blank)
        } else if ch(&c, i) == '"' {
            string(&c, i, &mut out, blank)
        } else if ch(&c, i) == '\'' && (ch(&c, i + 1) == '\\' || ch(&c, i + 2) == '\'') {
            char_literal(&c, i, &mut out)
        } else {
            out.push(ch(&c, i));
            i + 1
        };
    }
    cut_test_blocks(&out)
}

/// A string content char: kept, or a space when blanking (line breaks stay, so lines still count).
fn keep(out: &mut String, blank: bool, c: char) {
    out.push(if blank && c != '\n' { ' ' } else { c });
}

/// Skips `//…` to the end of the line; returns the index after it.
fn line_comment(c: &[char], mut i: usize) -> usize {
    while i < c.len() && c[i] != '\n' {
        i += 1;
    }
    i
}

/// Skips a (nested) `/* … */`; returns the index after it.
fn block_comment(c: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && ch(c, i + 1) == '*' {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && ch(c, i + 1) == '/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Whether a raw string (`r"…"`, `r#"…"#`, `br"…"`) starts at `i`.
fn raw_string_at(c: &[char], i: usize) -> bool {
    let s = match (ch(c, i), ch(c, i + 1)) {
        ('r', _) => 1,
        ('b', 'r') => 2,
        _ => return false,
    };
    let mut k = s;
    while ch(c, i + k) == '#' {
        k += 1;
    }
    ch(c, i + k) == '"'
}

/// Copies a raw string (its content blanked when `blank`); returns the index after it.
fn raw_string(c: &[char], mut i: usize, out: &mut String, blank: bool) -> usize {
    let s = if ch(c, i) == 'b' { 2 } else { 1 };
    let mut hashes = 0;
    while ch(c, i + s + hashes) == '#' {
        hashes += 1;
    }
    for k in 0..s + hashes + 1 {
        out.push(ch(c, i + k));
    }
    i += s + hashes + 1;
    while i < c.len() {
        if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
            out.push('"');
            out.extend(std::iter::repeat_n('#', hashes));
            return i + 1 + hashes;
        }
        keep(out, blank, c[i]);
        i += 1;
    }
    i
}

/// Copies a `"…"` string (its content blanked when `blank`); returns the index after it.
fn string(c: &[char], mut i: usize, out: &mut String, blank: bool) -> usize {
    out.push('"');
    i += 1;
    while i < c.len() && c[i] != '"' {
        if c[i] == '\\' {
            keep(out, blank, c[i]);
            i += 1;
        }
        if i < c.len() {
            keep(out, blank, c[i]);
            i += 1;
        }
    }
    out.push('"');
    i + 1
}

/// Skips a char literal's content (a lifetime has no closing quote two places on); returns the index after it.
fn char_literal(c: &[char], mut i: usize, out: &mut String) -> usize {
    out.push('\'');
    i += 1;
    while i < c.len() && c[i] != '\'' {
        if c[i] == '\\' {
            i += 1;
        }
        i += 1;
    }
    out.push('\'');
    i + 1
}

/// Removes `#[cfg(test)] mod name { … }` blocks (other attributes may stand between).
pub(crate) fn cut_test_blocks(text: &str) -> String {
    let mut out = text.to_owned();
    let mut from = 0;
    while let Some(p) = out[from..].find("#[cfg(test)]").map(|p| p + from) {
        let mut rest = out[p + "#[cfg(test)]".len()..].trim_start();
        while rest.starts_with("#[") {
            let end = rest.find(']').map_or(rest.len(), |e| e + 1);
            rest = rest[end..].trim_start();
        }
        let rest = rest.strip_prefix("pub ").unwrap_or(rest);
        let head: String = rest
            .chars()
            .take_while(|&ch| ch != ';' && ch != '{')
            .collect();
        let is_block = rest.starts_with("mod ") && rest[head.len()..].starts_with('{');
        if !is_block {
            from = p + 1;
            continue;
        }
        let open = out.len() - rest.len() + head.len();
        let mut depth = 0;
        let mut end = out.len();
        for (k, ch) in out[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(p..end, "");
        from = p;
    }
    out
}

/// `mod` declarations of a file: (name, `#[path]`, declared under `#[cfg(test)]`).
pub(crate) fn mod_decls(text: &str) -> Vec<(String, Option<String>, bool)> {
    let mut out = Vec::new();
    let mut attrs: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("#[") {
            attrs.push(line);
            continue;
        }
        let decl = line
            .strip_prefix("pub(crate) ")
            .or_else(|| line.strip_prefix("pub(super) "))
            .or_else(|| line.strip_prefix("pub "))
            .unwrap_or(line);
        if let Some(name) = decl.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            let path = attrs.iter().find_map(|a| {
                let a = a.strip_prefix("#[path")?.trim_start().strip_prefix('=')?;
                Some(
                    a.trim()
                        .trim_end_matches(']')
                        .trim()
                        .trim_matches('"')
                        .to_owned(),
                )
            });
            let test = attrs.iter().any(|a| a.contains("cfg(test)"));
            out.push((name.trim().to_owned(), path, test));
        }
        if !line.is_empty() {
            attrs.clear();
        }
    }
    out
}

impl House {
    pub(crate) fn read() -> House {
        let mut house = House {
            modules: Vec::new(),
        };
        house.add("lib.rs".into(), false, None);
        house
    }

    /// Reads a module file and, depth first, the modules it declares.
    fn add(&mut self, file: String, test: bool, parent: Option<usize>) -> usize {
        let raw = fs::read_to_string(src().join(&file))
            .unwrap_or_else(|e| panic!("cannot read core/src/{file}: {e}"));
        let ix = self.modules.len();
        self.modules.push(Module {
            text: strip(&raw, false),
            code: strip(&raw, true),
            file: file.clone(),
            test,
            parent,
            children: BTreeMap::new(),
        });
        let dir = Path::new(&file)
            .parent()
            .unwrap_or(Path::new(""))
            .to_owned();
        let stem = Path::new(&file)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // A `mod.rs` or `lib.rs` declares its children beside it, any other file in a folder of its name.
        let base = if stem == "mod" || stem == "lib" {
            dir.clone()
        } else {
            dir.join(&stem)
        };
        for (name, path, is_test) in mod_decls(&self.modules[ix].text) {
            let child = match path {
                Some(p) => dir.join(p),
                None if src().join(base.join(format!("{name}.rs"))).exists() => {
                    base.join(format!("{name}.rs"))
                }
                None => base.join(&name).join("mod.rs"),
            };
            let child = child.to_string_lossy().replace('\\', "/");
            let c = self.add(child, test || is_test, Some(ix));
            self.modules[ix].children.insert(name, c);
        }
        ix
    }

    /// The `use` bindings of a module: name bound → full path (segments).
    fn uses(&self, m: usize) -> Vec<(String, Vec<String>)> {
        let code = &self.modules[m].code;
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(p) = code[from..].find("use ").map(|p| p + from) {
            from = p + 4;
            let before = code[..p].trim_end();
            let starts = before.is_empty()
                || before.ends_with(';')
                || before.ends_with('{')
                || before.ends_with('}')
                || before.ends_with(']')
                || before.ends_with("pub")
                || before.ends_with(')');
            if !starts || code[..p].ends_with(|ch: char| ch.is_alphanumeric() || ch == '_') {
                continue;
            }
            let Some(end) = code[from..].find(';') else {
                break;
            };
            expand(&code[from..from + end], &mut Vec::new(), &mut out);
        }
        out
    }

    /// Every path written in a module (use items and inline `crate::`/`super::`/`self::` paths).
    fn paths(&self, m: usize) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = self.uses(m).into_iter().map(|(_, p)| p).collect();
        let code = &self.modules[m].code;
        for start in ["crate::", "super::", "self::"] {
            for (p, _) in code.match_indices(start) {
                let prev = code[..p].chars().next_back();
                if prev
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$' || ch == ':')
                {
                    continue;
                }
                let path: String = code[p..]
                    .chars()
                    .take_while(|&ch| ch.is_alphanumeric() || ch == '_' || ch == ':')
                    .collect();
                // `crate::{A, B}` and `super::*`: the use items above read those.
                if path.ends_with(':') {
                    continue;
                }
                let segs: Vec<String> = path
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                out.push(segs);
            }
        }
        out
    }

    /// The module a path names and the item after it (none when the path ends at a module). `None` when
    /// the path does not start inside the crate.
    fn walk(&self, m: usize, path: &[String]) -> Option<(usize, Option<String>)> {
        let mut at = m;
        let mut segs = path.iter().peekable();
        match segs.peek().map(|s| s.as_str()) {
            Some("crate") => {
                at = 0;
                segs.next();
            }
            Some("self") => {
                segs.next();
            }
            Some("super") => {
                while segs.peek().is_some_and(|s| *s == "super") {
                    at = self.modules[at].parent?;
                    segs.next();
                }
            }
            Some(first) if self.modules[m].children.contains_key(first) => {}
            Some(first) => {
                // A path through a name the module binds (`time::date_to_day` after `use crate::china_time
                // as time`).
                let (_, full) = self.uses(m).into_iter().find(|(name, _)| name == first)?;
                let whole: Vec<String> = full
                    .into_iter()
                    .chain(path.iter().skip(1).cloned())
                    .collect();
                return self.walk(m, &whole);
            }
            None => return None,
        }
        while let Some(next) = segs.peek() {
            match self.modules[at].children.get(next.as_str()) {
                Some(&c) => {
                    at = c;
                    segs.next();
                }
                None => break,
            }
        }
        Some((at, segs.next().cloned()))
    }

    /// The file of the module a path (written in module `m`) reaches.
    fn resolve(&self, m: usize, path: &[String]) -> Option<usize> {
        self.walk(m, path).map(|(at, _)| at)
    }

    /// Whether `outer` declares `inner`, directly or below: the face of a folder (`lib.rs`, `mod.rs`) or of a
    /// file's own `#[path]` submodules, and a file inside it.
    fn contains(&self, outer: usize, inner: usize) -> bool {
        let mut at = self.modules[inner].parent;
        while let Some(p) = at {
            if p == outer {
                return true;
            }
            at = self.modules[p].parent;
        }
        false
    }

    /// Non-test file → the non-test files it imports.
    pub(crate) fn graph(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (m, module) in self.modules.iter().enumerate() {
            if module.test {
                continue;
            }
            let to = g.entry(module.file.clone()).or_default();
            for path in self.paths(m) {
                if let Some(t) = self.resolve(m, &path) {
                    if t != m
                        && !self.modules[t].test
                        && !self.contains(m, t)
                        && !self.contains(t, m)
                    {
                        if std::env::var("HOUSE_DEBUG").is_ok() {
                            eprintln!(
                                "{} -> {}: {}",
                                module.file,
                                self.modules[t].file,
                                path.join("::")
                            );
                        }
                        to.insert(self.modules[t].file.clone());
                    }
                }
            }
        }
        g
    }
}

/// Expands a `use` tree (`a::{b, c::d as e, self}`) into (bound name, full path) pairs.
pub(crate) fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let inner = tree[open + 1..].trim_end();
        let inner = inner.strip_suffix('}').unwrap_or(inner);
        let n = prefix.len();
        prefix.extend(head);
        let mut depth = 0;
        let mut part = String::new();
        for ch in inner.chars().chain([',']) {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if ch == ',' && depth == 0 {
                if !part.trim().is_empty() {
                    expand(&part, prefix, out);
                }
                part.clear();
            } else {
                part.push(ch);
            }
        }
        prefix.truncate(n);
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim().to_owned())),
        None => (tree, None),
    };
    let mut full = prefix.clone();
    full.extend(
        path.split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "self")
            .map(str::to_owned),
    );
    if path.ends_with('*') {
        return;
    }
    let name = alias.or_else(|| full.last().cloned()).unwrap_or_default();
    out.push((name, full));
}

/// The strongly connected components of more than one file (Tarjan), each sorted.
pub(crate) fn circles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'g> {
        g: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(t: &mut T<'g>, v: &'g str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut c = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                c.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if c.len() > 1 {
                c.sort();
                t.out.push(c);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out.sort();
    t.out
}

/// What ties a circle: each `file -> file` arrow inside it.
pub(crate) fn ties(g: &BTreeMap<String, BTreeSet<String>>, circle: &[String]) -> String {
    let mut s = String::new();
    for a in circle {
        for b in g[a].iter().filter(|b| circle.contains(b)) {
            s.push_str(&format!("\n    {a} -> {b}"));
        }
    }
    s
}
