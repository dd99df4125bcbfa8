//! The travel-speed rule with a MaxMind-format city database: a tiny one is written by the test
//! (`mmdb-writer`, in the GeoIP2 City layout the server reads) with US cities far apart, so the
//! country rule stays silent and only the speed between sign-ins can lock.

use std::collections::BTreeMap;
use std::path::Path;

use ipnet::IpNet;
use serde::Serialize;
use serde_json::Value;
use vigil_server::geo::{Geo, distance_km};

use crate::each_backend;
use crate::support::{Backend, Harness};

/// In New York (documentation range: `iptocc` knows no country for it).
const NEW_YORK: &str = "198.51.100.7";
/// In Philadelphia, about 130 km from New York.
const PHILADELPHIA: &str = "192.0.2.7";
/// In Los Angeles, about 3,900 km from both.
const LOS_ANGELES: &str = "203.0.113.7";
const HOUR: i64 = 3600;

#[derive(Serialize)]
struct Country {
    iso_code: &'static str,
    names: BTreeMap<&'static str, &'static str>,
}

#[derive(Serialize)]
struct CityName {
    names: BTreeMap<&'static str, &'static str>,
}

#[derive(Serialize)]
struct Location {
    latitude: f64,
    longitude: f64,
}

/// A record as GeoIP2 City databases hold it (the fields the server reads, and a city name).
#[derive(Serialize)]
struct CityRecord {
    city: CityName,
    country: Country,
    location: Location,
}

fn write_city_database(path: &Path) {
    let mut writer = mmdb_writer::Writer::new("GeoIP2-City");
    for (network, city, latitude, longitude) in [
        ("198.51.100.0/24", "New York", 40.7128, -74.0060),
        ("192.0.2.0/24", "Philadelphia", 39.9526, -75.1652),
        ("203.0.113.0/24", "Los Angeles", 34.0522, -118.2437),
    ] {
        let record = CityRecord {
            city: CityName {
                names: [("en", city)].into(),
            },
            country: Country {
                iso_code: "US",
                names: [("en", "United States")].into(),
            },
            location: Location {
                latitude,
                longitude,
            },
        };
        writer
            .insert(network.parse::<IpNet>().unwrap(), &record)
            .unwrap();
    }
    std::fs::write(path, writer.to_bytes().unwrap()).unwrap();
}

#[test]
fn the_written_city_database_reads_back_as_the_server_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cities.mmdb");
    write_city_database(&path);
    let geo = Geo::open(Some(&path)).unwrap();
    let new_york = geo.coordinates(NEW_YORK).unwrap();
    let los_angeles = geo.coordinates(LOS_ANGELES).unwrap();
    assert_eq!(new_york, (40.7128, -74.0060));
    assert_eq!(geo.country(NEW_YORK).as_deref(), Some("US"));
    let km = distance_km(new_york, los_angeles);
    assert!((3900.0..4000.0).contains(&km), "{km}");
    // Addresses the file does not hold: no coordinates; countries still from iptocc.
    assert_eq!(geo.coordinates("193.0.6.139"), None);
    assert_eq!(geo.country("193.0.6.139").as_deref(), Some("NL"));
    assert_eq!(Geo::open(None).unwrap().coordinates(NEW_YORK), None);
}

async fn start(backend: Backend, city_database: &Path) -> Harness {
    let path = city_database.to_path_buf();
    Harness::start_configured(backend, false, move |config| {
        config.city_database = Some(path);
    })
    .await
}

fn sign_in_event<'a>(feed: &'a Value, event_id: &Value) -> &'a Value {
    feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|event| &event["id"] == event_id)
        .unwrap()
}

async fn speed_case(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cities.mmdb");
    write_city_database(&path);
    let h = start(backend, &path).await;

    // New York, then Philadelphia an hour later (about 130 km/h): nothing fires.
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, NEW_YORK).await;
    h.clock.advance(HOUR);
    let nearby = h.sign_in(&id, &secret, PHILADELPHIA).await;
    assert_eq!(h.state(&id).await, "active");
    let feed = h.feed(&secret, &id).await;
    let event = sign_in_event(&feed, &nearby["event_id"]);
    assert_eq!(event["flagged"], false, "{event}");
    // The country came from the city database (iptocc has none for documentation ranges).
    assert_eq!(event["country"], "US");

    // Los Angeles an hour after Philadelphia (about 3,850 km/h): locked, in the same country.
    h.clock.advance(HOUR);
    let far = h.sign_in(&id, &secret, LOS_ANGELES).await;
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    let feed = h.feed(&secret, &id).await;
    let reason = feed["state_reason"].as_str().unwrap();
    assert!(
        reason.starts_with("Two sign-ins imply travel at ") && reason.ends_with(" km/h"),
        "{reason}"
    );
    let speed: f64 = reason
        .trim_start_matches("Two sign-ins imply travel at ")
        .trim_end_matches(" km/h")
        .parse()
        .unwrap();
    // Against New York two hours before (about 1,970 km/h) or Philadelphia (about 3,850).
    assert!((1900.0..4000.0).contains(&speed), "{speed}");
    let event = sign_in_event(&feed, &far["event_id"]);
    assert_eq!(event["flagged"], true);
    assert_eq!(
        event["reasons"],
        serde_json::json!(["impossible_travel_speed"])
    );
    assert_eq!(event["country"], "US");

    // The same flight over six hours (about 650 km/h) is below 900 km/h: nothing fires.
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, NEW_YORK).await;
    h.clock.advance(6 * HOUR);
    let slow = h.sign_in(&id, &secret, LOS_ANGELES).await;
    assert_eq!(h.state(&id).await, "active");
    let feed = h.feed(&secret, &id).await;
    assert_eq!(sign_in_event(&feed, &slow["event_id"])["flagged"], false);
}
each_backend!(
    a_sign_in_faster_than_900_kmh_from_the_last_locks_the_account,
    speed_case
);

async fn no_database_case(backend: Backend) {
    // Without a city database the same trip is not judged by speed (and no country is known).
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, NEW_YORK).await;
    h.clock.advance(HOUR);
    h.sign_in(&id, &secret, LOS_ANGELES).await;
    assert_eq!(h.state(&id).await, "active");
}
each_backend!(
    without_a_city_database_speed_is_not_judged,
    no_database_case
);
