//! CSV on stdout for every command: a header, then rows; a closed pipe (`dangjian … | head`) ends the
//! writing quietly, and the rest of the run — problems, summary, exit status — still happens on stderr.

use std::io::{self, Write};

/// Writes CSV records, going quiet once the reader has gone.
pub(crate) struct CsvOut<W: Write> {
    csv: csv::Writer<W>,
    closed: bool,
}

impl<W: Write> CsvOut<W> {
    /// Starts the CSV with its header row.
    pub(crate) fn new<S: AsRef<[u8]>>(out: W, header: &[S]) -> io::Result<Self> {
        let mut writer = Self {
            csv: csv::Writer::from_writer(out),
            closed: false,
        };
        writer.record(header)?;
        Ok(writer)
    }

    /// Writes one record, each cell made safe for a spreadsheet (see `safe.rs`).
    pub(crate) fn record<S: AsRef<[u8]>>(&mut self, fields: &[S]) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let safe: Vec<String> = fields
            .iter()
            .map(|f| crate::safe::cell(&String::from_utf8_lossy(f.as_ref())).into_owned())
            .collect();
        self.quiet_on_closed_pipe(|csv| csv.write_record(&safe).map_err(io_error))
    }

    /// Flushes what is buffered.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        self.quiet_on_closed_pipe(|csv| csv.flush())
    }

    fn quiet_on_closed_pipe(
        &mut self,
        f: impl FnOnce(&mut csv::Writer<W>) -> io::Result<()>,
    ) -> io::Result<()> {
        match f(&mut self.csv) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// csv's own conversion files every error under `Other`; keep the kind so a closed pipe is recognised.
fn io_error(e: csv::Error) -> io::Error {
    match e.kind() {
        csv::ErrorKind::Io(inner) => io::Error::new(inner.kind(), e.to_string()),
        _ => io::Error::other(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() {
        let mut buf = Vec::new();
        let mut out = CsvOut::new(&mut buf, &["a", "b"]).unwrap();
        out.record(&["x,y", "两行\n文本"]).unwrap();
        out.finish().unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "a,b\n\"x,y\",\"两行\n文本\"\n"
        );
    }
}
