//! Emails, received by a real SMTP server: alerts (one per rule per hour), lock, unlock, digest.

use reqwest::Method;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn emails_case(backend: Backend) {
    let h = Harness::start_with(backend, true).await;
    let smtp = h.smtp.as_ref().unwrap();
    let (id, secret) = h.enrol().await;
    let email = h
        .site(Method::GET, &format!("/v1/accounts/{id}"), None)
        .await;
    assert_eq!(email.status(), 200);
    let first = h.sign_in(&id, &secret, "81.2.69.142").await;
    assert!(first["event_id"].is_string());
    h.clock.advance(20 * 60);
    let code = h.code(&secret, 0);
    let flagged = h.verify(&id, &code, "193.0.6.139").await;
    let flagged_id = flagged.json::<Value>().await.unwrap()["event_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let alerts = smtp.wait_for("unusual sign-in (Netherlands)", 1).await;
    let alert = &alerts[0];
    assert!(alert.contains(" UTC"), "time with its zone: {alert}");
    assert!(alert.contains("193.0.6.139"));
    assert!(alert.contains("Firefox 133 on Windows"));
    assert!(alert.contains("This wasn't me"));
    // The link names the service too (account ids are only the service's own).
    let service = h.base.trim_start_matches("http://").replace(':', "%3A");
    assert!(
        alert.contains(&format!(
            "vigil://activity?service={service}&account={id}&event={flagged_id}"
        )),
        "{alert}"
    );
    assert!(alert.contains("text/html") && alert.contains("text/plain"));
    assert!(!alert.contains(&code), "never a code");
    assert!(
        !alert.contains(secret.to_base32().expose().as_str()),
        "never a secret"
    );
    let locks = smtp.wait_for("your account is locked", 1).await;
    assert!(locks[0].contains("Sign-ins from GB and NL"));

    // Confirm: unlocked, with its email.
    assert_eq!(
        h.verdict(&secret, &id, &flagged_id, "mine").await.1["account_state"],
        "active"
    );
    smtp.wait_for("your account is unlocked", 1).await;
    // The same rule again within the hour: no second alert, but the lock email is never held back.
    let (_, body) = h
        .event(&id, json!({"kind": "sign_in", "ip": "8.8.8.8"}))
        .await;
    assert_eq!(body["account_state"], "locked_pending_verification");
    smtp.wait_for("your account is locked", 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        smtp.messages()
            .iter()
            .filter(|m| m.contains("unusual sign-in"))
            .count(),
        1
    );
    // Hours later, the rule alerts again.
    let feed = h.feed(&secret, &id).await;
    for event in feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["flagged"] == true)
    {
        h.verdict(&secret, &id, event["id"].as_str().unwrap(), "mine")
            .await;
    }
    assert_eq!(h.state(&id).await, "active");
    h.clock.advance(3 * 3600);
    h.event(&id, json!({"kind": "sign_in", "ip": "133.11.0.1"}))
        .await;
    h.clock.advance(60);
    let (_, body) = h
        .event(&id, json!({"kind": "sign_in", "ip": "200.160.2.3"}))
        .await;
    assert_eq!(body["account_state"], "locked_pending_verification");
    smtp.wait_for("unusual sign-in (Brazil)", 1).await;

    // The digest: the last 7 days' sign-ins, orders (masked) and bookings.
    h.event(&id, json!({"kind": "order_placed", "details": {"reference": "ORD-99887766", "amount": "42.00", "currency": "EUR"}})).await;
    h.event(&id, json!({"kind": "booking_created", "details": {"reference": "BK-5544", "what": "Concert", "when": "2026-12-24"}})).await;
    let digest: Value = h
        .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(digest["orders"], 1);
    assert_eq!(digest["bookings"], 1);
    assert!(digest["sign_ins"].as_u64().unwrap() >= 4);
    let mails = smtp.wait_for("your activity in the last 7 days", 1).await;
    let text = &mails[0];
    assert!(
        text.contains("7766") && !text.contains("ORD-99887766"),
        "masked order reference"
    );
    assert!(text.contains("Concert"));
    assert!(text.contains("200.160.2.3") && text.contains("Brazil"));
}
each_backend!(alerts_locks_unlocks_and_digests_arrive_by_smtp, emails_case);

/// Signs an account in from GB, then 20 minutes later from NL: flagged, alerted and locked.
async fn sign_in_from_gb_then_nl(h: &Harness, accounts: &[(String, vigil_core::Secret)]) {
    for (id, secret) in accounts {
        h.sign_in(id, secret, "81.2.69.142").await;
    }
    h.clock.advance(20 * 60);
    for (id, secret) in accounts {
        let code = h.code(secret, 0);
        h.verify(id, &code, "193.0.6.139").await;
    }
}

async fn languages_case(backend: Backend) {
    let h = Harness::start_with(backend, true).await;
    let smtp = h.smtp.as_ref().unwrap();
    let mut accounts = Vec::new();
    for locale in ["de-DE", "fr", "ja"] {
        let external = format!("{locale}-{}", uuid::Uuid::new_v4());
        let enrolled = h
            .enrol_with(json!({
                "external_id": external,
                "email": format!("{external}@example.com"),
                "issuer": "Shop",
                "locale": locale,
            }))
            .await;
        let status: Value = h
            .site(Method::GET, &format!("/v1/accounts/{}", enrolled.id), None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(status["locale"], locale);
        accounts.push((enrolled.id, enrolled.uri.secret));
    }
    // A locale that is not a language tag is refused, naming the field.
    let refused = h
        .site(
            Method::POST,
            "/v1/accounts",
            Some(json!({"external_id": "x-1", "email": "x@example.com", "locale": "<de>"})),
        )
        .await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("locale"));
    sign_in_from_gb_then_nl(&h, &accounts).await;

    // German: subject, body, CLDR country name, the time with its zone, the page's language.
    let german = smtp
        .wait_for("Shop: ungewöhnliche Anmeldung (Niederlande)", 1)
        .await;
    let alert = &german[0];
    for phrase in [
        "Guten Tag,",
        "Wir haben eine ungewöhnliche Anmeldung bei Ihrem Konto bei Shop bemerkt:",
        "Wo: Niederlande (IP-Adresse 193.0.6.139)",
        "Gerät: Firefox 133 auf Windows",
        "„Das war ich nicht“",
        " UTC",
        "lang=\"de\"",
        "Wir fragen Sie niemals per E-Mail nach einem Code oder einem Passwort.",
    ] {
        assert!(alert.contains(phrase), "{phrase:?} missing: {alert}");
    }
    assert!(!alert.contains("unusual sign-in"), "{alert}");
    let locked = smtp.wait_for("Shop: Ihr Konto ist gesperrt", 1).await;
    assert!(
        locked[0].contains("Ihr Konto bei Shop ist gesperrt: "),
        "{}",
        locked[0]
    );

    // French.
    let french = smtp
        .wait_for("Shop : connexion inhabituelle (Pays-Bas)", 1)
        .await;
    let alert = &french[0];
    for phrase in [
        "Bonjour,",
        "Nous avons remarqué une connexion inhabituelle à votre compte Shop :",
        "Où : Pays-Bas (adresse IP 193.0.6.139)",
        "« Ce n'était pas moi »",
        " UTC",
        "lang=\"fr\"",
    ] {
        assert!(alert.contains(phrase), "{phrase:?} missing: {alert}");
    }
    smtp.wait_for("Shop : votre compte est verrouillé", 1).await;

    // A language the service does not speak: English.
    let english = smtp
        .wait_for("Shop: unusual sign-in (Netherlands)", 1)
        .await;
    assert!(english[0].contains("Hello,"), "{}", english[0]);
    assert!(english[0].contains("Where: Netherlands (IP address 193.0.6.139)"));
    smtp.wait_for("Shop: your account is locked", 1).await;

    // The digest in German: the events in the app's words, masked, with German country names.
    let (german_id, _) = &accounts[0];
    h.event(german_id, json!({"kind": "order_placed", "details": {"reference": "ORD-99887766", "amount": "42.00", "currency": "EUR"}})).await;
    h.site(
        Method::POST,
        &format!("/v1/accounts/{german_id}/digest"),
        None,
    )
    .await;
    let digest = smtp
        .wait_for("Shop: Ihre Aktivität der letzten 7 Tage", 1)
        .await;
    let text = &digest[0];
    assert!(
        text.contains("Bestellung ••••") && text.contains("7766 · 42.00 EUR"),
        "{text}"
    );
    assert!(!text.contains("IP-Adresse unbekannte"), "{text}");
    assert!(text.contains("Vereinigtes Königreich"), "{text}");
    assert!(!text.contains("ORD-99887766"));
}
each_backend!(
    emails_are_in_the_language_of_the_account_locale,
    languages_case
);
