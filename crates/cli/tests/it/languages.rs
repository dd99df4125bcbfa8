//! The command speaks the system's language (`LANG`, `LC_ALL`, `LC_MESSAGES`), or `VIGIL_LANG`'s
//! over it; codes, URIs and JSON stay the same in every language.

use crate::support::Home;

const GERMAN: (&str, &str) = ("LANG", "de_DE.UTF-8");

#[test]
fn a_german_system_gets_german_sentences() {
    let home = Home::new();
    let empty = home.run_with_env(&[GERMAN], &["list"]);
    assert_eq!(empty.status, 0, "{}", empty.stderr);
    assert!(
        empty
            .stdout
            .contains("Noch keine Konten. Fügen Sie eines hinzu mit: vigil add"),
        "{}",
        empty.stdout
    );
    let bad = home.run_with_env(&[GERMAN], &["add", "--uri", "otpauth://totp/A:b?issuer=A"]);
    assert_eq!(bad.status, 2);
    // The sentence is German; the detail from below stays English.
    assert!(
        bad.stderr
            .contains("vigil: ungültige otpauth-URI: missing secret"),
        "{}",
        bad.stderr
    );
    let added = home.run_with_env(
        &[GERMAN],
        &[
            "add",
            "--uri",
            "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop",
        ],
    );
    assert_eq!(added.status, 0, "{}", added.stderr);
    assert!(added.stdout.contains("hinzugefügt"), "{}", added.stdout);
    let table = home.run_with_env(&[GERMAN], &["list"]);
    assert!(table.stdout.starts_with("ANBIETER"), "{}", table.stdout);
    let unknown = home.run_with_env(&[GERMAN], &["code", "nothing"]);
    assert_eq!(unknown.status, 2);
    assert!(
        unknown.stderr.contains("Kein Konto passt zu 'nothing'"),
        "{}",
        unknown.stderr
    );
    // Machine output is the same in every language.
    assert_eq!(
        home.run_with_env(&[GERMAN], &["list", "--json"]).stdout,
        home.run(&["list", "--json"]).stdout
    );
    // LC_ALL wins over LANG, as on every POSIX system.
    let french_all = home.run_with_env(&[GERMAN, ("LC_ALL", "fr_FR.UTF-8")], &["code", "nothing"]);
    assert!(
        french_all
            .stderr
            .contains("aucun compte ne correspond à 'nothing'"),
        "{}",
        french_all.stderr
    );
}

#[test]
fn vigil_lang_chooses_over_the_system() {
    let home = Home::new();
    let french = [GERMAN, ("VIGIL_LANG", "fr")];
    let empty = home.run_with_env(&french, &["list"]);
    assert_eq!(empty.status, 0, "{}", empty.stderr);
    assert!(
        empty.stdout.contains("Aucun compte pour l'instant."),
        "{}",
        empty.stdout
    );
    let bad = home.run_with_env(&french, &["code", "--uri", "https://example.com/"]);
    assert_eq!(bad.status, 2);
    assert!(
        bad.stderr
            .contains("vigil: URI otpauth invalide : not an otpauth URI"),
        "{}",
        bad.stderr
    );
    // A language Vigil does not speak: the system's (German here), then English.
    let unknown = home.run_with_env(&[GERMAN, ("VIGIL_LANG", "ja")], &["list"]);
    assert!(
        unknown.stdout.contains("Noch keine Konten"),
        "{}",
        unknown.stdout
    );
    let english = home.run_with_env(&[GERMAN, ("VIGIL_LANG", "en")], &["list"]);
    assert!(
        english.stdout.contains("No accounts yet."),
        "{}",
        english.stdout
    );
}
