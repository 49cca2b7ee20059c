//! What the vector harnesses share: reading one area's vector files.
#![allow(clippy::unwrap_used, clippy::panic, dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The folder of one area's vectors (`dues`, `credits`, `disclosure`).
pub fn vectors_dir(area: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(area)
}

/// Every `*.json` file of an area, sorted by name, with its parsed document.
pub fn load_vector_files(area: &str) -> Vec<(String, Value)> {
    let dir = vectors_dir(area);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&p).unwrap();
            let doc: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{name}: not valid JSON: {e}"));
            (name, doc)
        })
        .collect()
}
