//! Terminal progress for long imports: a byte-based bar on standard error when it is a
//! terminal, and one line per rejected record.

use crossdesk_app::intake::{Progress, Rejection};
use indicatif::{ProgressBar, ProgressStyle};

/// Progress over a file of known size.
pub struct FileProgress {
    bar: ProgressBar,
    rejections_shown: u64,
}

const MAX_SHOWN: u64 = 200;

impl FileProgress {
    /// A bar for `total` bytes (hidden when standard error is not a terminal).
    pub fn new(total: u64, what: &str) -> Self {
        let bar =
            ProgressBar::with_draw_target(Some(total), indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(&format!(
            "{what} [{{bar:40}}] {{bytes}}/{{total_bytes}} {{binary_bytes_per_sec}} eta {{eta}}"
        )) {
            bar.set_style(style.progress_chars("=> "));
        }
        Self {
            bar,
            rejections_shown: 0,
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for FileProgress {
    fn advance(&mut self, bytes: u64) {
        self.bar.set_position(bytes);
    }

    fn rejected(&mut self, r: &Rejection) {
        self.rejections_shown += 1;
        if self.rejections_shown <= MAX_SHOWN {
            self.bar
                .suspend(|| eprintln!("line {}: {}: {}", r.at, r.error.field, r.error.message));
        } else if self.rejections_shown == MAX_SHOWN + 1 {
            self.bar
                .suspend(|| eprintln!("… more rejected lines not shown"));
        }
    }
}
