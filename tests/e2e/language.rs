//! The app's language: the system's (`LANG`/`LC_ALL`), a choice in Settings over it that is kept,
//! and the page's `lang` saying which.

use crate::support::{App, KeychainService};

const FRENCH: &[(&str, &str)] = &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")];

async fn page_lang(app: &App) -> String {
    app.js("return document.documentElement.lang;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_system_language_is_spoken_until_settings_choose_another() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("e2e-language");
    let app = App::start_with(dir.path(), &service.0, (1280, 800), FRENCH).await;
    app.text_until(".empty h1", |t| t == "Ajoutez votre premier compte")
        .await;
    assert_eq!(page_lang(&app).await, "fr");
    assert_eq!(
        app.find("#add-button").await.text().await.unwrap(),
        "Ajouter"
    );

    // An account's row speaks French to screen readers too.
    app.add_by_uri("otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop")
        .await;
    let label = app
        .find("#list .row")
        .await
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        label.starts_with("Shop alice") && label.contains("Entrée pour copier"),
        "{label}"
    );

    // A typed key's problems are said in French too (core names them, the app words them).
    app.click("#add-button").await;
    app.click("[data-action=manual]").await;
    app.find("#m-label").await.send_keys("bob").await.unwrap();
    app.find("#m-secret")
        .await
        .send_keys("JBSW 1Y3D")
        .await
        .unwrap();
    app.click("#manual-form button[type=submit]").await;
    let problem = app.text_until("#e-secret", |t| !t.is_empty()).await;
    assert!(
        problem.starts_with("La clé de configuration n'est pas en base32") && problem.contains("1"),
        "{problem}"
    );
    app.js(
        "document.querySelectorAll('dialog[open]').forEach((d) => d.close());",
        vec![],
    )
    .await;

    // Settings: German over the system's French. The whole page is drawn again in it.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.js(
        "document.querySelector('#s-language').value = 'de';",
        vec![],
    )
    .await;
    app.click("#settings-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Einstellungen gespeichert")
        .await;
    app.text_until("#add-button", |t| t == "Hinzufügen").await;
    assert_eq!(page_lang(&app).await, "de");
    app.stop().await;

    // The choice is kept: the next start is German although the system is still French.
    let app = App::start_with(dir.path(), &service.0, (1280, 800), FRENCH).await;
    app.text_until("#add-button", |t| t == "Hinzufügen").await;
    assert_eq!(page_lang(&app).await, "de");
    let selected = app
        .js(
            "return document.querySelector('#s-language').value;",
            vec![],
        )
        .await;
    assert_eq!(selected, "de");
    app.stop().await;
}
