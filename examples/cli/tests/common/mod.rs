//! What the binary tests share: the example data, running `dangjian`, reading its output.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file of `examples/data/`.
pub fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(file)
}

/// A file of `examples/data/` as a command-line argument.
pub fn data_arg(file: &str) -> String {
    data(file).to_str().expect("UTF-8 path").to_owned()
}

/// Runs the built binary with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dangjian"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Its standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

/// Its standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

/// A file `name` in the test's own folder `dir` of the target's temporary directory (created if missing), so
/// that test files running in parallel do not write over each other's files.
pub fn tmp_in(dir: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// The table's blocks by their first word (a member or organization id): the header line and the indented
/// lines under it.
pub fn blocks(o: &Output) -> BTreeMap<String, (String, Vec<String>)> {
    let mut out: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut current = String::new();
    for line in stdout(o).lines() {
        if let Some(detail) = line.strip_prefix("  ") {
            out.get_mut(&current).unwrap().1.push(detail.to_owned());
        } else {
            current = line.split(' ').next().unwrap().to_owned();
            out.insert(current.clone(), (line.to_owned(), Vec::new()));
        }
    }
    out
}

/// A usage error as `dangjian` prints it: exit status 2, nothing on stdout, and two lines on stderr — the
/// error, then which help to read (`run `dangjian dues --help``). Returns the error line.
pub fn usage_error(o: &Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(o.stdout.is_empty(), "{}", stdout(o));
    let lines: Vec<&str> = err.lines().collect();
    let [error, help] = lines[..] else {
        panic!("two lines expected: {err}")
    };
    assert!(error.starts_with("error: "), "{err}");
    assert!(
        help.starts_with("run `dangjian") && help.ends_with(" --help`"),
        "{err}"
    );
    error.to_owned()
}
