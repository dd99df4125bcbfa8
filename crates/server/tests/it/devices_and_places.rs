//! Devices and places in words (issue 16, point 3): the city from a MaxMind-format city database
//! (a tiny one written by the test with `mmdb-writer`) stored with the sign-in and shown in the
//! feed and both sessions lists beside the country, and the device read by uap-core's rules.

use std::collections::BTreeMap;
use std::path::Path;

use ipnet::IpNet;
use serde::Serialize;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness, site_sessions};

/// RIPE NCC's address, in Amsterdam in the test's city database.
const AMSTERDAM: &str = "193.0.6.139";
/// In Great Britain (`iptocc`), not in the test's city database.
const UNKNOWN_TO_THE_CITY_DATABASE: &str = "81.2.69.142";
/// Chrome 131 on an Android phone, as every current Chrome on Android sends it (UA reduction).
const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

#[derive(Serialize)]
struct Names {
    names: BTreeMap<&'static str, &'static str>,
}

#[derive(Serialize)]
struct Country {
    iso_code: &'static str,
    names: BTreeMap<&'static str, &'static str>,
}

/// A record as GeoIP2 City databases hold it (city and country).
#[derive(Serialize)]
struct CityRecord {
    city: Names,
    country: Country,
}

fn write_city_database(path: &Path) {
    let mut writer = mmdb_writer::Writer::new("GeoIP2-City");
    let record = CityRecord {
        city: Names {
            names: [
                ("en", "Amsterdam"),
                ("nl", "Amsterdam"),
                ("ja", "アムステルダム"),
            ]
            .into(),
        },
        country: Country {
            iso_code: "NL",
            names: [("en", "Netherlands")].into(),
        },
    };
    writer
        .insert("193.0.6.0/24".parse::<IpNet>().unwrap(), &record)
        .unwrap();
    std::fs::write(path, writer.to_bytes().unwrap()).unwrap();
}

fn find<'a>(list: &'a Value, key: &str, id: &Value) -> &'a Value {
    list[key]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| &item["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {list}"))
}

async fn city_case(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cities.mmdb");
    write_city_database(&path);
    let h = Harness::start_configured(backend, false, move |config| {
        config.city_database = Some(path);
    })
    .await;
    let (id, secret) = h.enrol().await;

    // A sign-in (an accepted code) from an address the city database knows, and one it does not.
    let known = h.sign_in(&id, &secret, AMSTERDAM).await;
    let unknown = h.sign_in(&id, &secret, UNKNOWN_TO_THE_CITY_DATABASE).await;
    // A sign-in the site reports, with a session and Chrome on Android.
    h.clock.advance(60);
    let (status, reported) = h
        .event(
            &id,
            json!({"kind": "sign_in", "ip": AMSTERDAM, "user_agent": CHROME_ANDROID,
                   "session": "phone-1"}),
        )
        .await;
    assert_eq!(status, 201, "{reported}");

    let feed = h.feed(&secret, &id).await;
    let event = find(&feed, "events", &known["event_id"]);
    assert_eq!(event["city"], "Amsterdam", "{event}");
    assert_eq!(event["country"], "NL");
    assert_eq!(
        event["device"],
        json!({"browser": "Firefox 133", "os": "Windows"})
    );
    let event = find(&feed, "events", &unknown["event_id"]);
    assert!(event.get("city").is_none(), "{event}");
    assert_eq!(event["country"], "GB");
    let event = find(&feed, "events", &reported["event_id"]);
    assert_eq!(event["city"], "Amsterdam", "{event}");
    assert_eq!(
        event["device"],
        json!({"browser": "Chrome 131", "os": "Android"})
    );

    // The session the reported sign-in started has the place and the structured device, for
    // the site and for the app.
    let site = site_sessions(&h, &id).await;
    let session = find(&site, "sessions", &json!("phone-1"));
    assert_eq!(session["city"], "Amsterdam", "{session}");
    assert_eq!(session["country"], "NL");
    assert_eq!(session["device_words"], "Chrome 131 on Android");
    assert_eq!(
        session["device"],
        json!({"browser": "Chrome 131", "os": "Android"})
    );
    let response = h
        .signed(
            &secret,
            &id,
            "GET",
            &format!("/v1/feed/{id}/sessions"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    let app: Value = response.json().await.unwrap();
    let session = find(&app, "sessions", &json!("phone-1"));
    assert_eq!(session["city"], "Amsterdam", "{session}");
    assert_eq!(
        session["device"],
        json!({"browser": "Chrome 131", "os": "Android"})
    );
    // The typed form reads both back.
    let typed: vigil_core::activity::SessionList = serde_json::from_value(app.clone()).unwrap();
    assert!(
        typed
            .sessions
            .iter()
            .any(|session| session.city.as_deref() == Some("Amsterdam"))
    );
}
each_backend!(
    a_sign_in_from_a_known_address_has_its_city_and_an_unknown_one_none,
    city_case
);

async fn no_city_database_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let signed_in = h.sign_in(&id, &secret, AMSTERDAM).await;
    let feed = h.feed(&secret, &id).await;
    let event = find(&feed, "events", &signed_in["event_id"]);
    assert!(event.get("city").is_none(), "{event}");
    assert_eq!(event["country"], "NL");
}
each_backend!(
    without_a_city_database_there_is_no_city,
    no_city_database_case
);
