//! The UniFFI bindings generator, pinned to the same UniFFI version as the
//! library: `cargo run --manifest-path bindings/bindgen/Cargo.toml -- generate --library …`.
//!
//! After UniFFI's `generate`, one step of its own: the error's message. The core exports its `Display`
//! (`field：中文说明 [CODE]`), which UniFFI 0.32 gives Kotlin as `toString()` and Swift as `description`,
//! but its templates have no option for Kotlin's `message` (a dump of the four fields) nor Python's `str(e)`
//! (the error template ignores an exported `Display`). So the generated Kotlin's `message` returns
//! `toString()`, and the generated Python module gets a `__str__` writing the same sentence. A generated
//! file without the text this step expects fails the run (a new UniFFI changed its templates).

use std::path::{Path, PathBuf};

/// The Kotlin getter UniFFI 0.32 writes for each variant of `DangjianException`.
const KOTLIN_DUMP: &str = r#"get() = "code=${ `code` }, field=${ `field` }, messageZh=${ `messageZh` }, messageEn=${ `messageEn` }""#;

/// Python's `str(e)`: the core's `Display` (core/src/surface.rs), field, full-width colon, message, code.
const PYTHON_STR: &str = r#"

# Added by dangjian's uniffi-bindgen (bindings/src/bin/uniffi-bindgen.rs): str(e) is the core's sentence
# `field：中文说明 [CODE]`, as Kotlin's message and Swift's description, not a dump of the four fields.
def _dangjian_error_str(self):
    return (self.field + "：" if self.field else "") + self.message_zh + " [" + self.code + "]"


DangjianError.__str__ = _dangjian_error_str  # type: ignore
"#;

fn main() {
    uniffi::uniffi_bindgen_main();
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) != Some("generate") {
        return;
    }
    if let Err(e) = sentences(&args) {
        eprintln!("uniffi-bindgen (dangjian): {e}");
        std::process::exit(1);
    }
}

/// The values of an option given as `--name value`, `--name=value` or `-n value`.
fn option<'a>(args: &'a [String], long: &str, short: &str) -> Vec<&'a str> {
    let prefix = format!("{long}=");
    let mut out = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if a == long || a == short {
            out.extend(args.get(i + 1).map(String::as_str));
        } else if let Some(v) = a.strip_prefix(&prefix) {
            out.push(v);
        }
    }
    out
}

/// Applies the error-message step to the files generated for each language asked.
fn sentences(args: &[String]) -> Result<(), String> {
    let Some(out) = option(args, "--out-dir", "-o").first().map(PathBuf::from) else {
        return Ok(());
    };
    for language in option(args, "--language", "-l") {
        match language {
            "kotlin" => patch(&out, "dangjian_types.kt", |s| {
                s.contains(KOTLIN_DUMP)
                    .then(|| s.replace(KOTLIN_DUMP, "get() = toString()"))
            })?,
            "python" => patch(&out, "dangjian_types.py", |s| {
                s.contains("class DangjianError(Exception):")
                    .then(|| format!("{s}{PYTHON_STR}"))
            })?,
            _ => {}
        }
    }
    Ok(())
}

/// Rewrites the generated file `name` (found under `out`) with `edit`; `None` from `edit` is a failure.
fn patch(out: &Path, name: &str, edit: impl Fn(&str) -> Option<String>) -> Result<(), String> {
    let path =
        find(out, name).ok_or_else(|| format!("{name} not found under {}", out.display()))?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let new = edit(&text).ok_or_else(|| {
        format!(
            "{}: the error template is not UniFFI 0.32's",
            path.display()
        )
    })?;
    std::fs::write(&path, new).map_err(|e| format!("{}: {e}", path.display()))
}

/// The first file named `name` under `dir`, depth first.
fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Some(found) = find(&path, name) {
                return Some(found);
            }
        } else if path.file_name().is_some_and(|n| n == name) {
            return Some(path);
        }
    }
    None
}
