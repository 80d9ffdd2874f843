use std::process::ExitCode;

use clap::Parser;
use miyabi_org::cli::Cli;
use miyabi_org::error::Error;
use miyabi_org::exit::ExitStatus;
use miyabi_org::output::Printer;

// The cost engine allocates and frees a buffer per column per batch; mimalloc keeps those off
// glibc's mmap path (about a fifth of a 10 M-line report, measured with scripts/bench.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            // clap's own usage status is 2, which means drift here.
            return if err.use_stderr() { ExitStatus::Usage } else { ExitStatus::Success }.into();
        }
    };
    let printer = Printer::new(&cli.global);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a tokio runtime");
    let result = runtime.block_on(async {
        let run = miyabi_org::commands::run(cli);
        tokio::pin!(run);
        tokio::select! {
            result = &mut run => result,
            _ = tokio::signal::ctrl_c() => {
                // A command that holds something remote (a running Athena query) gets a moment to stop it.
                let _ = tokio::time::timeout(std::time::Duration::from_secs(3), &mut run).await;
                Err(Error::Interrupted)
            }
        }
    });
    match result {
        Ok(status) => status.into(),
        Err(err) => {
            printer.error(&err);
            err.exit_status().into()
        }
    }
}
