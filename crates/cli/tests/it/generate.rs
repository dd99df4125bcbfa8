//! `vigil generate`: the man pages and completions the release bundles install, and the version.

use crate::support::Home;

#[test]
fn man_pages_name_every_subcommand() {
    let home = Home::new();
    let out = home.dir.path().join("man");
    home.ok(&["generate", "man", "--out", out.to_str().unwrap()]);
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for page in [
        "vigil.1",
        "vigil-activity.1",
        "vigil-add.1",
        "vigil-code.1",
        "vigil-export.1",
        "vigil-link.1",
        "vigil-list.1",
        "vigil-remove.1",
        "vigil-rename.1",
        "vigil-scan.1",
        "vigil-unlink.1",
        "vigil-verdict.1",
    ] {
        assert!(
            pages.contains(&page.to_string()),
            "{page} missing: {pages:?}"
        );
    }
    // The packagers' own subcommand is not documented as a user's.
    assert!(!pages.iter().any(|p| p.contains("generate")), "{pages:?}");
    let main = std::fs::read_to_string(out.join("vigil.1")).unwrap();
    assert!(main.starts_with(".ie"), "not roff: {main}");
    assert!(main.contains("vigil\\-code(1)"), "{main}");
    let add = std::fs::read_to_string(out.join("vigil-add.1")).unwrap();
    assert!(add.contains("\\-\\-uri"), "{add}");
}

#[test]
fn completions_for_each_shell() {
    let home = Home::new();
    let bash = home.ok(&["generate", "bash"]);
    assert!(bash.contains("complete -F _vigil"), "{bash}");
    assert!(bash.contains("verdict"), "{bash}");
    let out = home.dir.path().join("completions");
    for shell in ["bash", "zsh", "fish"] {
        home.ok(&["generate", shell, "--out", out.to_str().unwrap()]);
    }
    let zsh = std::fs::read_to_string(out.join("_vigil")).unwrap();
    assert!(zsh.starts_with("#compdef vigil"), "{zsh}");
    let fish = std::fs::read_to_string(out.join("vigil.fish")).unwrap();
    assert!(fish.contains("complete -c vigil"), "{fish}");
    assert!(out.join("vigil.bash").exists());
}

#[test]
fn man_pages_need_a_folder_and_version_is_the_workspace_one() {
    let home = Home::new();
    let run = home.run(&["generate", "man"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--out DIR"), "{}", run.stderr);
    let version = home.ok(&["--version"]);
    assert_eq!(
        version.trim(),
        format!("vigil {}", env!("CARGO_PKG_VERSION"))
    );
}
