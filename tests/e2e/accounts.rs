//! Adding by link, reading the code, deleting, editing, pinning and moving accounts in the real
//! window; a restart keeps every change.

use fantoccini::Locator;
use vigil_core::OtpUri;

use crate::support::{App, KeychainService};

pub const SHOP: &str =
    "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop";
pub const BANK: &str =
    "otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank";
pub const MAIL: &str =
    "otpauth://totp/Mail:carol?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Mail";

#[tokio::test]
async fn add_by_uri_shows_the_right_code_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("add");
    let app = App::start(dir.path(), &service.0).await;
    // The empty state says how to begin.
    app.text_until(".empty h1", |t| t == "Add your first account")
        .await;
    // No update banner without an update (a copy built from source never offers one).
    let banner = app.find("#update-banner").await;
    assert!(
        !banner.is_displayed().await.unwrap(),
        "an empty update banner shows"
    );

    app.add_by_uri(SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.text_until(".row .label", |t| t == "alice@example.com")
        .await;
    app.text_until("#toast", |t| t == "Added Shop (alice@example.com)")
        .await;

    // The code on screen is the code vigil-core computes for the same moment.
    let uri = OtpUri::parse(SHOP).unwrap();
    app.assert_code(".row .code", &uri.params, &uri.secret)
        .await;
    app.stop().await;

    // A restart shows the same account.
    let app = App::start(dir.path(), &service.0).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.stop().await;
}

#[tokio::test]
async fn a_bad_uri_shows_its_message_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("bad");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri("otpauth://totp/Shop:alice?issuer=Shop")
        .await;
    let message = app.text_until("#add-error", |t| !t.is_empty()).await;
    assert_eq!(message, "This is not a valid otpauth URI: missing secret");
    assert!(app.client.find(Locator::Css(".row")).await.is_err());
    app.stop().await;
}

#[tokio::test]
async fn delete_asks_naming_the_account_then_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("delete");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.row_menu("Shop", "delete").await;
    let question = app.text_until("#delete-text", |t| !t.is_empty()).await;
    assert_eq!(
        question,
        "Delete the account alice@example.com at Shop? Its codes will stop working in this app."
    );
    app.click("#delete-confirm").await;
    app.text_until(".empty h1", |t| t == "Add your first account")
        .await;
    app.stop().await;
}

#[tokio::test]
async fn rename_pin_and_move_are_kept_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("edit");
    let app = App::start(dir.path(), &service.0).await;
    for uri in [SHOP, BANK, MAIL] {
        app.add_by_uri(uri).await;
        app.find("#list .row").await;
    }
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "Mail")
        .await;
    assert_eq!(app.issuers().await, ["Shop", "Bank", "Mail"]);

    // Edit: rename the issuer and label.
    app.row_menu("Bank", "edit").await;
    let issuer = app.find("#edit-issuer").await;
    issuer.clear().await.unwrap();
    issuer.send_keys("Big Bank").await.unwrap();
    let label = app.find("#edit-label").await;
    label.clear().await.unwrap();
    label.send_keys("robert").await.unwrap();
    app.click("#edit-form button[type=submit]").await;
    app.text_until("#list .row:nth-child(2) .label", |t| t == "robert")
        .await;
    // An empty account name is refused beside the field, and nothing changes.
    app.row_menu("Big Bank", "edit").await;
    app.find("#edit-label").await.clear().await.unwrap();
    app.click("#edit-form button[type=submit]").await;
    let refused = app.text_until("#edit-error", |t| !t.is_empty()).await;
    assert_eq!(
        refused,
        "Enter the account name, such as your email address"
    );
    app.click("#edit-dialog [data-action=close]").await;

    // Pin Mail to the top; move Shop down below Big Bank.
    app.row_menu("Mail", "pin").await;
    app.text_until("#list .row:nth-child(1) .issuer", |t| t.contains("Mail"))
        .await;
    app.row_menu("Shop", "down").await;
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "Shop")
        .await;
    // Alt+Up moves the focused row back up (the keyboard way).
    let shop = app.find("#list .row:nth-child(3)").await;
    shop.send_keys("\u{E00A}\u{E013}\u{E000}").await.unwrap(); // Alt + ArrowUp, release
    app.text_until("#list .row:nth-child(2) .issuer", |t| t == "Shop")
        .await;
    let order = ["Mail", "Shop", "Big Bank"];
    assert_eq!(app.issuers().await, order);
    app.stop().await;

    let app = App::start(dir.path(), &service.0).await;
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "Big Bank")
        .await;
    assert_eq!(app.issuers().await, order);
    assert_eq!(app.count("#list .row.favourite").await, 1);
    app.stop().await;
}

/// Waits until the list shows `expected` (issuers of the rows not filtered out), in order.
async fn shown_until(app: &App, expected: &[&str]) {
    let mut shown = Vec::new();
    for _ in 0..100 {
        let value = app
            .js(
                "return Array.from(document.querySelectorAll('#list .row'))
                   .filter((r) => !r.hidden).map((r) => r.dataset.issuer);",
                vec![],
            )
            .await;
        shown = serde_json::from_value::<Vec<String>>(value).unwrap_or_default();
        if shown == expected {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the list shows {shown:?}, not {expected:?}");
}

/// Picks `value` in the select `css`, as a person would (a change event follows).
async fn pick(app: &App, css: &str, value: &str) {
    let picked = app
        .js(
            "const select = document.querySelector(arguments[0]);
             if (!select || !Array.from(select.options).some((o) => o.value === arguments[1])) return false;
             select.value = arguments[1];
             select.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![serde_json::json!(css), serde_json::json!(value)],
        )
        .await;
    assert_eq!(picked, serde_json::json!(true), "no {value} in {css}");
}

/// Puts the account of `issuer` in `groups` through the edit dialog.
async fn put_in_groups(app: &App, issuer: &str, groups: &str) {
    app.row_menu(issuer, "edit").await;
    let field = app.find("#edit-groups").await;
    field.clear().await.unwrap();
    field.send_keys(groups).await.unwrap();
    app.click("#edit-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Saved").await;
}

#[tokio::test]
async fn groups_filter_the_list_and_it_sorts_by_service_name_or_recent_use() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("groups");
    let app = App::start(dir.path(), &service.0).await;
    for uri in [SHOP, BANK, MAIL] {
        app.add_by_uri(uri).await;
        app.find("#list .row").await;
    }
    shown_until(&app, &["Shop", "Bank", "Mail"]).await;
    assert_eq!(app.count("#group-filter").await, 0, "no groups, no filter");

    put_in_groups(&app, "Bank", "Money").await;
    put_in_groups(&app, "Mail", "Money, Work").await;
    pick(&app, "#group-filter", "Money").await;
    shown_until(&app, &["Bank", "Mail"]).await;
    pick(&app, "#group-filter", "Work").await;
    shown_until(&app, &["Mail"]).await;
    // The filter stays when the list is redrawn by a change.
    app.row_menu("Mail", "pin").await;
    shown_until(&app, &["Mail"]).await;
    app.row_menu("Mail", "pin").await;
    pick(&app, "#group-filter", "").await;
    shown_until(&app, &["Shop", "Bank", "Mail"]).await;

    // By service, by account name (alice@…, bob, carol); rows cannot be moved then.
    pick(&app, "#sort-order", "issuer").await;
    shown_until(&app, &["Bank", "Mail", "Shop"]).await;
    let movable = app
        .js(
            "document.querySelector('#list .row .more').click();
             const up = document.querySelector('#row-menu [data-menu=up]');
             const hidden = up.hidden;
             document.querySelectorAll('dialog[open]').forEach((d) => d.close());
             return !hidden;",
            vec![],
        )
        .await;
    assert_eq!(movable, serde_json::json!(false), "Move up is hidden");
    pick(&app, "#sort-order", "name").await;
    shown_until(&app, &["Shop", "Bank", "Mail"]).await;

    // Recently used: the account whose code was copied last comes first.
    app.click("#list .row[data-issuer=Mail]").await;
    app.text_until("#list .row[data-issuer=Mail] .code", |t| t == "Copied")
        .await;
    pick(&app, "#sort-order", "recent").await;
    shown_until(&app, &["Mail", "Shop", "Bank"]).await;
    app.stop().await;

    // The order and the groups are kept.
    let app = App::start(dir.path(), &service.0).await;
    shown_until(&app, &["Mail", "Shop", "Bank"]).await;
    pick(&app, "#group-filter", "Money").await;
    shown_until(&app, &["Mail", "Bank"]).await;
    app.stop().await;
}

/// How many elements on the page show less than their whole text (cut with an ellipsis, or
/// clipped), and the first few of them.
async fn cut_texts(app: &App) -> serde_json::Value {
    app.js(
        "const cut = Array.from(document.querySelectorAll('#list .row *'))
           .filter((e) => e.children.length === 0 && e.textContent.trim() !== '')
           .filter((e) => { const style = getComputedStyle(e);
             return style.textOverflow === 'ellipsis' || e.scrollWidth > e.clientWidth + 1; })
           .map((e) => e.textContent.trim());
         return { count: cut.length, first: cut.slice(0, 5) };",
        vec![],
    )
    .await
}

#[tokio::test]
async fn a_hundred_long_names_are_shown_whole_and_the_list_has_the_window_without_activity() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("long-names");
    {
        let mut vault = vigil_vault::Vault::open_keychain(&vigil_vault::VaultLocation {
            data_dir: dir.path().to_path_buf(),
            keychain_service: service.0.clone(),
        })
        .unwrap();
        for i in 0..100u8 {
            let uri = vigil_core::OtpUri::new(
                &format!("Northern Savings Bank {i}"),
                &format!("customer.name.{i}@example-mail.com"),
                vigil_core::Secret::from_bytes(vec![i.wrapping_add(1); 20]),
                vigil_core::OtpParams::totp(),
            );
            vault.add(&uri).unwrap();
        }
    }
    for size in [(1280, 800), (1024, 1366)] {
        let app = App::start_with(dir.path(), &service.0, size, &[]).await;
        app.text_until("#list .row:nth-child(100) .issuer", |t| {
            t == "Northern Savings Bank 99"
        })
        .await;
        let cut = cut_texts(&app).await;
        assert_eq!(cut["count"], 0, "cut at {size:?}: {cut}");
        // No linked account: no activity pane, and the list is not a narrow column.
        let widths = app
            .js(
                "const pane = document.querySelector('.detail');
                 return [document.querySelector('#list').getBoundingClientRect().width,
                         pane ? pane.getBoundingClientRect().width : 0, window.innerWidth];",
                vec![],
            )
            .await;
        let widths: Vec<f64> = serde_json::from_value(widths).unwrap();
        assert_eq!(widths[1], 0.0, "no empty pane at {size:?}");
        assert!(
            widths[0] >= 700.0,
            "the list is {widths:?} wide at {size:?}"
        );
        app.stop().await;
    }

    // One account linked: the pane is there, beside a list whose names are still whole.
    {
        let mut vault = vigil_vault::Vault::open_keychain(&vigil_vault::VaultLocation {
            data_dir: dir.path().to_path_buf(),
            keychain_service: service.0.clone(),
        })
        .unwrap();
        let first = vault.accounts().unwrap().remove(0);
        vault
            .set_activity(&first.id, Some("http://127.0.0.1:9/v1/feed/acct_1"))
            .unwrap();
    }
    for size in [(1280, 800), (1024, 1366)] {
        let app = App::start_with(dir.path(), &service.0, size, &[]).await;
        app.text_until("#list .row:nth-child(100) .issuer", |t| {
            t == "Northern Savings Bank 99"
        })
        .await;
        let pane = app
            .js(
                "return document.querySelector('.detail').getBoundingClientRect().width;",
                vec![],
            )
            .await;
        assert!(
            pane.as_f64().unwrap_or(0.0) > 300.0,
            "the pane at {size:?}: {pane}"
        );
        let cut = cut_texts(&app).await;
        assert_eq!(cut["count"], 0, "cut at {size:?} beside the pane: {cut}");
        app.stop().await;
    }
}

#[tokio::test]
async fn issuer_icons_match_and_the_menu_chooses_another_or_the_initial() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("icons");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri("otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&issuer=GitHub")
        .await;
    app.add_by_uri(BANK).await;
    app.text_until("#list .row:nth-child(2) .issuer", |t| t == "Bank")
        .await;
    // GitHub is recognised; a bank the set does not know keeps its initial.
    assert_eq!(app.count(".row svg.badge[data-icon=github]").await, 1);
    app.text_until(".row[data-issuer=Bank] span.badge", |t| t == "B")
        .await;

    // "Icon…" finds another by name.
    app.row_menu("GitHub", "icon").await;
    app.text_until("#icon-list .icon-choice", |t| {
        t.starts_with("Automatic (GitHub)")
    })
    .await;
    app.find("#icon-search")
        .await
        .send_keys("gitlab")
        .await
        .unwrap();
    app.click("#icon-list button.icon-choice[data-icon=gitlab]")
        .await;
    // (A query that finds nothing is null, so this waits for the redrawn row.)
    app.text_until(
        ".row[data-issuer=GitHub] svg.badge[data-icon=gitlab]",
        |_| true,
    )
    .await;
    assert_eq!(app.count(".row svg.badge[data-icon=github]").await, 0);
    assert_eq!(
        app.count("#icon-list *").await,
        0,
        "the list goes with the dialog"
    );

    // ...or the initial alone, which a restart keeps.
    app.row_menu("GitHub", "icon").await;
    app.click("#icon-list button.icon-choice[data-icon=initial]")
        .await;
    app.text_until(".row[data-issuer=GitHub] span.badge", |t| t == "G")
        .await;
    app.stop().await;
    let app = App::start(dir.path(), &service.0).await;
    app.text_until(".row[data-issuer=GitHub] span.badge", |t| t == "G")
        .await;
    assert_eq!(app.count(".row svg.badge").await, 0);
    app.stop().await;
}
