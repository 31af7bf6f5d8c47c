//! Streaming JSON-lines input with line numbers, in constant memory.

use serde_json::Value;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// One line of a JSONL input.
#[derive(Debug)]
pub struct Line {
    /// 1-based line number.
    pub number: u64,
    /// Bytes read so far including this line (for progress).
    pub offset: u64,
    /// The parsed value, or why it is not JSON.
    pub value: Result<Value, String>,
}

/// Reads JSON lines one at a time; blank lines are skipped.
pub struct JsonLines<R> {
    reader: R,
    buf: Vec<u8>,
    number: u64,
    offset: u64,
}

impl<R: AsyncBufRead + Unpin> JsonLines<R> {
    /// Wraps a buffered reader.
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            buf: Vec::new(),
            number: 0,
            offset: 0,
        }
    }

    /// The next non-blank line, or `None` at the end.
    pub async fn next(&mut self) -> std::io::Result<Option<Line>> {
        loop {
            self.buf.clear();
            let n = self.reader.read_until(b'\n', &mut self.buf).await?;
            if n == 0 {
                return Ok(None);
            }
            self.number += 1;
            self.offset += n as u64;
            let value = match std::str::from_utf8(&self.buf) {
                Err(e) => Err(format!(
                    "not valid UTF-8 (byte {} of the line)",
                    e.valid_up_to() + 1
                )),
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => serde_json::from_str::<Value>(text.trim())
                    .map_err(|e| format!("not valid JSON: {e}")),
            };
            return Ok(Some(Line {
                number: self.number,
                offset: self.offset,
                value,
            }));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn lines_are_numbered_and_blank_lines_skipped() {
        let input = b"{\"a\":1}\n\n{oops\n{\"b\":2}\n\xff\xfe\n";
        let mut lines = JsonLines::new(&input[..]);
        let first = lines.next().await.unwrap().unwrap();
        assert_eq!(first.number, 1);
        assert!(first.value.is_ok());
        let bad = lines.next().await.unwrap().unwrap();
        assert_eq!(bad.number, 3);
        assert!(bad.value.unwrap_err().contains("not valid JSON"));
        assert_eq!(lines.next().await.unwrap().unwrap().number, 4);
        let binary = lines.next().await.unwrap().unwrap();
        assert!(
            binary.value.unwrap_err().contains("UTF-8"),
            "a bad line is rejected alone"
        );
        assert!(lines.next().await.unwrap().is_none());
    }
}
