//! The `crossdesk` binary: everything is in the library; see `cli`.

fn main() -> std::process::ExitCode {
    crossdesk::cli::main()
}
