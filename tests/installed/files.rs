//! What the package put on the system: programs, man pages, completions, the desktop entry that
//! opens `vigil://` links, AppStream metadata, icons, dependencies; and the `.rpm` holds the same.

use std::collections::BTreeSet;
use std::path::Path;

use crate::run;

/// The files (not directories) the installed .deb owns.
fn installed_files() -> BTreeSet<String> {
    run("dpkg", &["-L", "vigil"])
        .lines()
        .filter(|path| Path::new(path).is_file())
        .map(str::to_owned)
        .collect()
}

#[test]
fn programs_man_pages_and_completions_are_where_the_system_looks() {
    let files = installed_files();
    for path in [
        "/usr/bin/vigil-app",
        "/usr/bin/vigil",
        "/usr/share/man/man1/vigil.1.gz",
        "/usr/share/man/man1/vigil-add.1.gz",
        "/usr/share/man/man1/vigil-code.1.gz",
        "/usr/share/man/man1/vigil-verdict.1.gz",
        "/usr/share/bash-completion/completions/vigil",
        "/usr/share/zsh/vendor-completions/_vigil",
        "/usr/share/fish/vendor_completions.d/vigil.fish",
        "/usr/share/applications/Vigil.desktop",
        "/usr/share/metainfo/dev.vigil.Vigil.metainfo.xml",
    ] {
        assert!(
            files.contains(path),
            "{path} is not in the package: {files:#?}"
        );
    }
    // The installed command runs and knows its version and its subcommands.
    let version = run("/usr/bin/vigil", &["--version"]);
    assert_eq!(
        version.trim(),
        format!("vigil {}", env!("CARGO_PKG_VERSION"))
    );
    let page = run("zcat", &["/usr/share/man/man1/vigil-code.1.gz"]);
    assert!(page.contains(".TH vigil-code 1"), "{page}");
    assert!(
        page.contains(&format!("\"vigil {}\"", env!("CARGO_PKG_VERSION"))),
        "{page}"
    );
    let bash = std::fs::read_to_string("/usr/share/bash-completion/completions/vigil").unwrap();
    assert!(bash.contains("complete -F _vigil"), "{bash}");
}

#[test]
fn the_desktop_entry_opens_vigil_links_and_is_found_by_search() {
    let entry = std::fs::read_to_string("/usr/share/applications/Vigil.desktop").unwrap();
    for line in [
        "Exec=vigil-app %u",
        "MimeType=x-scheme-handler/vigil;",
        "Categories=Utility;Security;",
        "Keywords=2FA;authenticator;OTP;TOTP;two-factor;security;",
        "Icon=vigil-app",
        "Name=Vigil",
    ] {
        assert!(
            entry.lines().any(|l| l == line),
            "{line:?} missing:\n{entry}"
        );
    }
    run(
        "desktop-file-validate",
        &["/usr/share/applications/Vigil.desktop"],
    );
    // The system's default handler for vigil:// links is Vigil's entry.
    let handler = run("xdg-mime", &["query", "default", "x-scheme-handler/vigil"]);
    assert_eq!(handler.trim(), "Vigil.desktop");
}

#[test]
fn appstream_metainfo_is_valid() {
    let path = "/usr/share/metainfo/dev.vigil.Vigil.metainfo.xml";
    run("appstreamcli", &["validate", "--no-net", path]);
    let xml = std::fs::read_to_string(path).unwrap();
    for part in [
        "<launchable type=\"desktop-id\">Vigil.desktop</launchable>",
        "<mediatype>x-scheme-handler/vigil</mediatype>",
        "<content_rating type=\"oars-1.1\"",
        &format!("<release version=\"{}\"", env!("CARGO_PKG_VERSION")),
        "<screenshot type=\"default\">",
    ] {
        assert!(xml.contains(part), "{part} missing");
    }
}

#[test]
fn icons_at_every_size_desktops_ask_for() {
    for size in [16, 22, 24, 32, 48, 64, 128, 256, 512] {
        let path = format!("/usr/share/icons/hicolor/{size}x{size}/apps/vigil-app.png");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let image = image::load_from_memory(&bytes).unwrap();
        assert_eq!((image.width(), image.height()), (size, size), "{path}");
    }
}

#[test]
fn dependencies_name_the_runtime_libraries_and_recommend_a_keychain() {
    let depends = run("dpkg-query", &["-W", "-f", "${Depends}", "vigil"]);
    // The tray icon's library is loaded at run time (not seen by ldd): a dependency all the same.
    for package in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libdbus-1-3",
        "libayatana-appindicator3-1",
    ] {
        assert!(depends.contains(package), "{package} missing: {depends}");
    }
    let recommends = run("dpkg-query", &["-W", "-f", "${Recommends}", "vigil"]);
    assert!(recommends.contains("gnome-keyring"), "{recommends}");
    // Every library the two programs load is on the system the package's dependencies bring.
    for program in ["/usr/bin/vigil-app", "/usr/bin/vigil"] {
        let libraries = run("ldd", &[program]);
        assert!(!libraries.contains("not found"), "{program}: {libraries}");
    }
}

/// Whether `path` is a directory of some file in `files`.
fn is_directory_in(files: &BTreeSet<String>, path: &str) -> bool {
    let prefix = format!("{path}/");
    files.iter().any(|f| f.starts_with(&prefix))
}

#[test]
fn the_rpm_holds_the_same_files() {
    let dist =
        std::env::var("VIGIL_DIST").expect("VIGIL_DIST names the bundles (scripts/test-install)");
    let rpm = std::fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "rpm"))
        .expect("an .rpm in dist/");
    let deb = std::fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "deb"))
        .expect("a .deb in dist/");
    let in_rpm: BTreeSet<String> = run("rpm", &["-qpl", rpm.to_str().unwrap()])
        .lines()
        .map(str::to_owned)
        .collect();
    // `dpkg-deb -c` lists `-rw-r--r-- root/root 1234 date time ./usr/bin/vigil`; files and links.
    let in_deb: BTreeSet<String> = run("dpkg-deb", &["-c", deb.to_str().unwrap()])
        .lines()
        .filter(|line| line.starts_with('-') || line.starts_with('l'))
        .filter_map(|line| line.split_whitespace().nth(5))
        .map(|path| format!("/{}", path.trim_start_matches("./")))
        .collect();
    // `rpm -qpl` lists directories too: keep what the .deb lists as files.
    let in_rpm: BTreeSet<String> = in_rpm
        .into_iter()
        .filter(|path| {
            in_deb.contains(path) || !path.ends_with('/') && !is_directory_in(&in_deb, path)
        })
        .collect();
    assert!(in_deb.contains("/usr/bin/vigil"), "{in_deb:#?}");
    assert_eq!(in_rpm, in_deb);
}
