//! The command line, as clap parses it.

use clap::{Args, Parser, Subcommand};

/// Two-factor codes from the command line, over the same vault as the Vigil app.
///
/// Secrets live in the system keychain; the account list in the data directory
/// (VIGIL_DATA_DIR overrides it, VIGIL_KEYCHAIN_SERVICE the keychain service name).
#[derive(Debug, Parser)]
#[command(name = "vigil", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the current code of an account, or of an otpauth URI without storing it.
    Code(CodeArgs),
    /// Add an account from an otpauth URI.
    Add(AddArgs),
    /// List the accounts (never their secrets).
    List(ListArgs),
    /// Remove an account (its secret is deleted from the keychain).
    Remove(RemoveArgs),
    /// Change an account's issuer or label.
    Rename(RenameArgs),
    /// Import accounts from another authenticator's backup (Aegis, 2FAS, andOTP, Bitwarden,
    /// Ente Auth, FreeOTP+, Stratum, Proton, otpauth lines) or Vigil's own encrypted backup.
    Import(ImportArgs),
    /// Export every account: an encrypted Aegis vault (--aegis), or unencrypted forms.
    Export(ExportArgs),
    /// Print what the QR codes in image files hold, one per line.
    Scan(ScanArgs),
    /// Link an account to its service's activity feed (an https:// URL ending /v1/feed/ID).
    Link(LinkArgs),
    /// Unlink an account from its activity feed.
    Unlink(UnlinkArgs),
    /// Print the recent activity of linked accounts, flagged events first.
    Activity(ActivityArgs),
    /// Answer a flagged event: it was you (mine) or it was not (not-mine, which locks the account).
    Verdict(VerdictArgs),
    /// List where linked accounts are signed in on their sites (the active sessions).
    Sessions(SessionsArgs),
    /// Sign one session of an account out (the site is told at once).
    SignOut(SignOutArgs),
    /// Secure an account: sign every session out and have the site ask for a new password (and
    /// lock it for review if a flagged event is unanswered or not yours).
    Secure(SecureArgs),
    /// Write the man pages or a shell's completions (for packagers; `scripts/bundle` uses it).
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// `vigil generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// What to write: man pages (one per subcommand) or a shell's completion script.
    pub what: Generated,
    /// The folder to write into (created if missing); completions go to standard output without it.
    #[arg(long, value_name = "DIR")]
    pub out: Option<std::path::PathBuf>,
}

/// What `vigil generate` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Generated {
    /// Man pages: vigil.1 and vigil-SUBCOMMAND.1.
    Man,
    /// Bash completions (`vigil`).
    Bash,
    /// Zsh completions (`_vigil`).
    Zsh,
    /// Fish completions (`vigil.fish`).
    Fish,
}

/// `vigil link`.
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    pub query: String,
    /// The feed URL (https://, or http:// to this computer).
    pub url: String,
}

/// `vigil unlink`.
#[derive(Debug, Args)]
pub struct UnlinkArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    pub query: String,
}

/// `vigil activity`.
#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// Only this account (every linked account by default).
    pub query: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// How many recent events per account (1-100).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub limit: u32,
}

/// `vigil sessions`.
#[derive(Debug, Args)]
pub struct SessionsArgs {
    /// Only this account (every linked account by default).
    pub query: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `vigil sign-out`.
#[derive(Debug, Args)]
pub struct SignOutArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    pub query: String,
    /// The session's id (as `vigil sessions` shows it).
    pub session: String,
}

/// `vigil secure`.
#[derive(Debug, Args)]
pub struct SecureArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    pub query: String,
}

/// What a customer says of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerdictChoice {
    /// It was me.
    Mine,
    /// It was not me: the account is locked at once.
    NotMine,
}

/// `vigil verdict`.
#[derive(Debug, Args)]
pub struct VerdictArgs {
    /// The event's id (as `vigil activity` shows it).
    pub event_id: String,
    /// mine or not-mine.
    #[arg(value_enum)]
    pub verdict: VerdictChoice,
    /// Look only in this account's activity (part of its issuer or label, or `Issuer:label`);
    /// needed when two services' feeds have an event with that id.
    #[arg(long, value_name = "QUERY")]
    pub account: Option<String>,
}

/// `vigil code`.
#[derive(Debug, Args)]
pub struct CodeArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    #[arg(required_unless_present = "uri", conflicts_with = "uri")]
    pub query: Option<String>,
    /// Compute the code of this otpauth URI instead (needs no vault); `-` reads it from standard
    /// input, which keeps the secret out of the process list and the shell's history.
    #[arg(long, value_name = "URI")]
    pub uri: Option<String>,
    /// The moment, in Unix seconds (now by default).
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<u64>,
    /// For a HOTP account: advance the counter first and print the new code.
    #[arg(long)]
    pub next: bool,
}

/// `vigil add`.
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("source").required(true).args(["uri", "qr", "screen", "clipboard"])
))]
pub struct AddArgs {
    /// The otpauth:// URI (or an otpauth-migration:// export from Google Authenticator); `-`
    /// reads it from standard input, which keeps the secret out of the process list.
    #[arg(long, value_name = "URI")]
    pub uri: Option<String>,
    /// An image (PNG, JPEG, GIF, WebP, BMP) with one or more QR codes to enrol.
    #[arg(long, value_name = "FILE")]
    pub qr: Option<std::path::PathBuf>,
    /// Enrol the QR codes shown on the screen (every display).
    #[arg(long)]
    pub screen: bool,
    /// Enrol from the clipboard: an image with QR codes, or an otpauth URI as text.
    #[arg(long)]
    pub clipboard: bool,
    /// Do not link the account to the activity feed its URI names (`activity=`).
    #[arg(long)]
    pub no_link: bool,
}

/// `vigil list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Only the accounts in this group (a backup's folder or tag; case is ignored).
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
}

/// `vigil remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    pub query: String,
    /// Remove without asking.
    #[arg(long)]
    pub yes: bool,
}

/// `vigil rename`.
#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The account: part of its issuer or label, or `Issuer:label`.
    pub query: String,
    /// The new issuer.
    #[arg(long, required_unless_present = "label")]
    pub issuer: Option<String>,
    /// The new label.
    #[arg(long)]
    pub label: Option<String>,
}

/// `vigil import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The backup file.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,
    /// The format, when detection from the content should not decide: aegis, 2fas, andotp,
    /// bitwarden-json, bitwarden-csv, ente, ente-encrypted, freeotp-plus, stratum, proton, uris
    /// (vigil is an alias of aegis).
    #[arg(long, value_name = "NAME")]
    pub format: Option<String>,
    /// Read the backup's password from the first line of standard input (else it is asked on the
    /// terminal, without echo).
    #[arg(long)]
    pub password_stdin: bool,
    /// Say what would be added and skipped, and store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the outcome as JSON (names only, never a secret).
    #[arg(long)]
    pub json: bool,
}

/// `vigil export`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["uris", "qr", "google", "aegis"])))]
pub struct ExportArgs {
    /// Write every account to --out as an encrypted Aegis vault (Aegis opens it; `vigil import`
    /// reads it back). The password is asked twice on the terminal, or read from standard input
    /// with --password-stdin.
    #[arg(long, requires = "out")]
    pub aegis: bool,
    /// With --aegis: read the password from the first line of standard input.
    #[arg(long, requires = "aegis")]
    pub password_stdin: bool,
    /// Print every account as an otpauth:// URI, one per line.
    #[arg(long)]
    pub uris: bool,
    /// Write the QR code of the account matching QUERY (to move it to a phone) to --out.
    #[arg(long, value_name = "QUERY", requires = "out")]
    pub qr: Option<String>,
    /// Write Google Authenticator export QR codes of every account (FILE-1.png, FILE-2.png…).
    #[arg(long, requires = "out")]
    pub google: bool,
    /// The file to write (a new file: an existing one is not overwritten).
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Print even when the output is a terminal.
    #[arg(long)]
    pub yes: bool,
}

/// `vigil scan`.
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("from").required(true).args(["files", "screen", "clipboard"])
))]
pub struct ScanArgs {
    /// Image files (PNG, JPEG, GIF, WebP, BMP).
    #[arg(value_name = "FILE")]
    pub files: Vec<std::path::PathBuf>,
    /// Scan every display instead.
    #[arg(long, conflicts_with = "files")]
    pub screen: bool,
    /// Scan the clipboard (an image, or text) instead.
    #[arg(long, conflicts_with_all = ["files", "screen"])]
    pub clipboard: bool,
}
