//! Running `vigil` with a private vault, and reading what it printed.

use std::process::{Command, Output, Stdio};

/// A private data directory and keychain service for `vigil`; keychain items cleared on drop.
pub struct Home {
    pub dir: tempfile::TempDir,
    pub service: String,
}

impl Home {
    pub fn new() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        Self {
            dir: tempfile::tempdir().unwrap(),
            service: format!("vigil-cli-test-{}-{nanos}", std::process::id()),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_vigil"));
        command
            .args(args)
            .env("VIGIL_DATA_DIR", self.dir.path())
            .env("VIGIL_KEYCHAIN_SERVICE", &self.service)
            // English, whatever the machine's locale; a test in another language sets these.
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("VIGIL_LANG")
            .stdin(Stdio::null());
        command
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }

    /// Runs `vigil` with these environment variables set (a language, say).
    pub fn run_with_env(&self, env: &[(&str, &str)], args: &[&str]) -> Run {
        let mut command = self.command(args);
        command.envs(env.iter().copied());
        Run::from(command.output().unwrap())
    }

    /// Runs and insists on success.
    /// Runs `vigil` with `input` on its standard input.
    pub fn with_stdin(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .command(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        Run::from(child.wait_with_output().unwrap())
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.status, 0, "vigil {args:?} failed: {}", run.stderr);
        run.stdout
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = Command::new("secret-tool")
            .args(["clear", "service", &self.service])
            .status();
    }
}

/// What one run printed, and its exit status.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Self {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The code `oathtool` (an independent implementation) gives for a base32 TOTP secret.
pub fn oathtool_totp(secret: &str, at: u64, extra: &[&str]) -> String {
    let mode = if extra.iter().any(|a| a.starts_with("--totp")) {
        None
    } else {
        Some("--totp")
    };
    let output = Command::new("oathtool")
        .args(mode)
        .args(["--base32", secret, "--now"])
        .arg(format!("@{at}"))
        .args(extra)
        .output()
        .expect("oathtool (Debian package oathtool) must be installed");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}
