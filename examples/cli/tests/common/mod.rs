//! What the binary tests share: the example data, running `dangjian`, reading its output.
#![allow(clippy::expect_used, dead_code)]

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
