//! How far this computer's clock is from a service's: one reading per answer, from the page's
//! `server_time` checked against the HTTP `Date` header, taken at the middle of the round trip.
//! Codes are only accepted within a step or so of the service's time, so a clock minutes off
//! gives codes that are refused; the app shows a banner and can compute codes with the
//! corrected time.

use std::time::{SystemTime, UNIX_EPOCH};

use time::OffsetDateTime;

/// Beyond this many seconds the clock is "off": the banner shows and codes are corrected.
pub const CLOCK_OFF_SECONDS: i64 = 15;

/// `server_time` and `Date` further apart than this mean a cached or broken answer: no reading.
const DATE_AGREEMENT_SECONDS: i64 = 5;

/// A moment on this computer's clock, in Unix milliseconds.
pub fn local_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Now on this computer's clock, in Unix seconds.
pub fn unix_seconds() -> i64 {
    local_millis() / 1000
}

/// The service's clock minus this computer's, in whole seconds (positive: this clock is behind).
///
/// `sent` and `received` are [`local_millis`] just before the request and just after the
/// answer; `server_time` is the page's field and `date` the `Date` header, if any. `None` when
/// the two clocks of the service disagree with each other.
pub fn clock_offset(
    sent: i64,
    received: i64,
    server_time: OffsetDateTime,
    date: Option<&str>,
) -> Option<i64> {
    let server_millis = i64::try_from(server_time.unix_timestamp_nanos() / 1_000_000).ok()?;
    if let Some(date) = date.and_then(|d| httpdate::parse_http_date(d.trim()).ok()) {
        let date_seconds = date
            .duration_since(UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_secs()).ok())?;
        if (date_seconds - server_time.unix_timestamp()).abs() > DATE_AGREEMENT_SECONDS {
            return None;
        }
    }
    let middle = sent + (received.max(sent) - sent) / 2;
    Some(round_seconds(server_millis - middle))
}

/// The offset from a refused request's `Date` header alone (used when a request was refused
/// for its timestamp, before any page could be read).
pub fn offset_from_date(sent: i64, received: i64, date: &str) -> Option<i64> {
    let date = httpdate::parse_http_date(date.trim()).ok()?;
    let date_millis = i64::try_from(date.duration_since(UNIX_EPOCH).ok()?.as_millis()).ok()?;
    let middle = sent + (received.max(sent) - sent) / 2;
    // The header has whole seconds: it is on average half a second behind.
    Some(round_seconds(date_millis + 500 - middle))
}

/// Milliseconds to the nearest whole second.
fn round_seconds(millis: i64) -> i64 {
    millis.saturating_add(500).div_euclid(1000)
}

/// Whether an offset is large enough to matter (more than [`CLOCK_OFF_SECONDS`] either way).
pub fn is_off(offset: i64) -> bool {
    offset.abs() > CLOCK_OFF_SECONDS
}

/// The offset in words: "2 minutes behind", "40 seconds ahead", "1 hour 5 minutes behind".
pub fn describe_offset(words: &vigil_i18n::Words, offset: i64) -> String {
    let seconds = offset.unsigned_abs();
    let minutes = (seconds + 30) / 60;
    let amount = if seconds < 90 {
        words.with("offset-seconds", &[("count", seconds.into())])
    } else if minutes < 60 {
        words.with("offset-minutes", &[("count", minutes.into())])
    } else {
        let (hours, rest) = (minutes / 60, minutes % 60);
        let hours = words.with("offset-hours", &[("count", hours.into())]);
        if rest == 0 {
            hours
        } else {
            let rest = words.with("offset-minutes", &[("count", rest.into())]);
            words.with(
                "offset-hours-minutes",
                &[("hours", hours.into()), ("minutes", rest.into())],
            )
        }
    };
    let key = if offset > 0 {
        "offset-behind"
    } else {
        "offset-ahead"
    };
    words.with(key, &[("amount", amount.into())])
}

/// Codes are corrected by at most this many seconds (10 minutes). A service further off than
/// this is more likely wrong (or hostile) than this computer: it gets a warning, no correction.
pub const MAX_CORRECTION_SECONDS: i64 = 600;

/// What one service says about this computer's clock, when it is off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockOff {
    /// The service's time minus this computer's, in seconds.
    pub offset: i64,
    /// The service whose reading this is.
    pub host: String,
    /// Whether the offset is within [`MAX_CORRECTION_SECONDS`], so codes of that service's
    /// accounts can be corrected by it.
    pub correctable: bool,
}

/// The last clock reading from each linked account's service.
///
/// A reading only ever moves the codes of the account whose service gave it, and only within
/// [`MAX_CORRECTION_SECONDS`]: one linked service (perhaps hostile, perhaps just wrong) can never
/// shift the codes of another account. Unlinking an account forgets its reading.
#[derive(Debug, Clone, Default)]
pub struct ClockReadings {
    readings: std::collections::HashMap<String, (i64, String)>,
}

impl ClockReadings {
    /// Records what the service of `account` said (`Some((offset, host))`), or forgets its
    /// reading (`None`: nothing usable came, or the account was unlinked).
    pub fn record(&mut self, account: &str, reading: Option<(i64, String)>) {
        match reading {
            Some(reading) => self.readings.insert(account.to_owned(), reading),
            None => self.readings.remove(account),
        };
    }

    /// Seconds to add to this computer's clock for the codes of `account`: its own service's
    /// offset when that is off but within [`MAX_CORRECTION_SECONDS`]; otherwise 0.
    pub fn correction_for(&self, account: &str) -> i64 {
        match self.readings.get(account) {
            Some((offset, _)) if is_off(*offset) && offset.abs() <= MAX_CORRECTION_SECONDS => {
                *offset
            }
            _ => 0,
        }
    }

    /// What the banner says: the middle of the services' readings (one vote per service, however
    /// many accounts it has), when it is more than [`CLOCK_OFF_SECONDS`] off.
    pub fn report(&self) -> Option<ClockOff> {
        let mut by_host: std::collections::BTreeMap<&str, i64> = std::collections::BTreeMap::new();
        for (offset, host) in self.readings.values() {
            by_host.insert(host, *offset);
        }
        let mut readings: Vec<(i64, &str)> = by_host.into_iter().map(|(h, o)| (o, h)).collect();
        readings.sort_unstable();
        let (offset, host) = readings.get(readings.len() / 2)?;
        is_off(*offset).then(|| ClockOff {
            offset: *offset,
            host: (*host).to_owned(),
            correctable: offset.abs() <= MAX_CORRECTION_SECONDS,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(seconds).unwrap()
    }

    #[test]
    fn the_offset_is_taken_at_the_middle_of_the_round_trip() {
        // Sent at 1000.0 s, answered at 1002.0 s; the service said 1121 s: 120 s behind.
        assert_eq!(
            clock_offset(1_000_000, 1_002_000, at(1121), None),
            Some(120)
        );
        // This clock ahead by a minute.
        assert_eq!(clock_offset(1_000_000, 1_000_200, at(940), None), Some(-60));
        // A matching Date header is accepted.
        let date = httpdate::fmt_http_date(UNIX_EPOCH + std::time::Duration::from_secs(1121));
        assert_eq!(
            clock_offset(1_000_000, 1_002_000, at(1121), Some(&date)),
            Some(120)
        );
    }

    #[test]
    fn a_date_header_that_disagrees_with_server_time_gives_no_reading() {
        let stale = httpdate::fmt_http_date(UNIX_EPOCH + std::time::Duration::from_secs(500));
        assert_eq!(
            clock_offset(1_000_000, 1_002_000, at(1121), Some(&stale)),
            None
        );
        // A header that is not a date is ignored, and server_time is used.
        assert_eq!(
            clock_offset(1_000_000, 1_002_000, at(1121), Some("yesterday")),
            Some(120)
        );
    }

    #[test]
    fn a_refused_answer_s_date_gives_an_offset() {
        let date = httpdate::fmt_http_date(UNIX_EPOCH + std::time::Duration::from_secs(1600));
        assert_eq!(offset_from_date(1_000_000, 1_000_000, &date), Some(601));
        assert_eq!(offset_from_date(1_000_000, 1_000_000, "garbage"), None);
    }

    #[test]
    fn offsets_in_words() {
        assert!(!is_off(15) && !is_off(-15) && is_off(16) && is_off(-300));
        assert_eq!(
            describe_offset(&vigil_i18n::Words::default(), 120),
            "2 minutes behind"
        );
        assert_eq!(
            describe_offset(&vigil_i18n::Words::default(), -40),
            "40 seconds ahead"
        );
        assert_eq!(
            describe_offset(&vigil_i18n::Words::default(), 1),
            "1 second behind"
        );
        assert_eq!(
            describe_offset(&vigil_i18n::Words::default(), 3900),
            "1 hour 5 minutes behind"
        );
        assert_eq!(
            describe_offset(&vigil_i18n::Words::default(), -7200),
            "2 hours ahead"
        );
        // A reading a second short of the hour is still "1 hour", never "60 minutes".
        assert_eq!(
            describe_offset(&vigil_i18n::Words::default(), 3599),
            "1 hour behind"
        );
    }

    #[test]
    fn the_banner_takes_the_middle_service_and_one_vote_per_service() {
        let mut readings = ClockReadings::default();
        assert_eq!(readings.report(), None);
        readings.record("a", Some((10, "a.example".into())));
        assert_eq!(readings.report(), None, "10 s is not off");
        readings.record("b", Some((120, "b.example".into())));
        readings.record("c", Some((125, "c.example".into())));
        assert_eq!(
            readings.report(),
            Some(ClockOff {
                offset: 120,
                host: "b.example".into(),
                correctable: true,
            })
        );
        // Many accounts at one service are still one vote.
        for n in 0..5 {
            readings.record(&format!("c{n}"), Some((125, "c.example".into())));
        }
        readings.record("d", Some((0, "d.example".into())));
        readings.record("e", Some((0, "e.example".into())));
        assert_eq!(
            readings.report(),
            None,
            "two of four services say the clock is right"
        );
        readings.record("b", None);
        readings.record("c", None);
        for n in 0..5 {
            readings.record(&format!("c{n}"), None);
        }
        assert_eq!(readings.report(), None, "forgotten readings do not count");
    }

    #[test]
    fn a_service_only_moves_its_own_accounts_codes_and_never_beyond_the_bound() {
        let mut readings = ClockReadings::default();
        readings.record("shop", Some((120, "shop.example".into())));
        // A hostile service an hour ahead.
        readings.record("hostile", Some((3600, "evil.example".into())));
        assert_eq!(readings.correction_for("shop"), 120);
        assert_eq!(readings.correction_for("hostile"), 0, "beyond the bound");
        assert_eq!(
            readings.correction_for("unlinked"),
            0,
            "no reading, no shift"
        );
        readings.record("honest", Some((3, "bank.example".into())));
        assert_eq!(readings.correction_for("honest"), 0, "3 s is not off");
        readings.record("shop", None);
        readings.record("honest", None);
        assert_eq!(
            readings.report(),
            Some(ClockOff {
                offset: 3600,
                host: "evil.example".into(),
                correctable: false,
            })
        );
        // Unlinking forgets the reading.
        readings.record("hostile", None);
        assert_eq!(readings.report(), None);
        assert_eq!(readings.correction_for("hostile"), 0);
    }
}
