//! Files and folders the service creates hold customers' data (the SQLite database, its WAL,
//! the demo URIs with their secrets), so they are made readable by the service's user only:
//! folders 0700, files 0600 (on Unix; elsewhere the platform's defaults apply).

use std::io::Write;
use std::path::Path;

/// Creates `dir` and its missing parents, the new ones 0700.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes `bytes` to `path`, a new file made 0600 (an existing one keeps its mode).
pub fn write_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

/// Before SQLite opens `url` (`sqlite://PATH?…`): creates the database file 0600 if it does not
/// exist (and its missing folders 0700), so SQLite (which gives its WAL and shared-memory files the database's mode) never
/// makes world-readable files. Other URLs are left alone.
pub fn prepare_sqlite_file(url: &str) -> std::io::Result<()> {
    let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    else {
        return Ok(());
    };
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" || Path::new(path).exists() {
        return Ok(());
    }
    if let Some(parent) = Path::new(path).parent()
        && !parent.as_os_str().is_empty()
        && !parent.exists()
    {
        create_private_dir(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}
