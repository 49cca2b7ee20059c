//! The bounds on what a payroll file may ask for, checked before anything is allocated from it.
//!
//! A workbook declares its own sizes — the sheet's dimension, the shared-string count, the cell references —
//! and calamine allocates from those declarations: a 1–2 KB .xlsx can ask for hundreds of gigabytes. So
//! every workbook is first walked entry by entry (see `zipscan.rs`), decompressing at most these many
//! bytes, and refused with [`LIMIT_EXCEEDED`](crate::codes::LIMIT_EXCEEDED) naming the limit when it claims
//! more. A branch's payroll is a few hundred rows of a few dozen columns: each limit is far above it.

/// The largest input file read at all (CSV or workbook), in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes one zip entry of a workbook may decompress to.
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes all the entries of a workbook together may decompress to.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// The most zip entries in a workbook (a real one has a dozen or two).
pub const MAX_ENTRIES: usize = 10_000;
/// The largest sheet area (rows × columns) — declared, spanned by the cells, or written cell by cell.
/// Four million cells are about 130 MB in calamine's grid.
pub const MAX_CELLS: u64 = 4_000_000;
/// The most shared strings a workbook may declare or hold.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;
/// Excel's own last row (1 048 576) and column (XFD = 16 384): a reference beyond them is malformed.
pub const MAX_ROW: u64 = 1_048_576;
/// See [`MAX_ROW`].
pub const MAX_COLUMN: u64 = 16_384;
/// The longest CSV record, in bytes (quoted line breaks included).
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// The most columns of a CSV record or a sheet row that are read.
pub const MAX_COLUMNS: usize = 1_000;
/// The longest single cell, in characters.
pub const MAX_CELL_CHARS: usize = 4_096;
/// The most rows read (CSV records or sheet rows).
pub const MAX_ROWS: usize = 1_000_000;
