//! Where an IP address is: its country offline (`iptocc`, registry data compiled in), and with an
//! optional MaxMind-format city database, its city (English name, shown in feeds and sessions)
//! and its coordinates for the travel-speed rule.

use std::net::IpAddr;
use std::path::Path;

/// IP to place.
#[derive(Default)]
pub struct Geo {
    cities: Option<maxminddb::Reader<Vec<u8>>>,
}

impl std::fmt::Debug for Geo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Geo")
            .field("city_database", &self.cities.is_some())
            .finish()
    }
}

/// The city database cannot be opened.
#[derive(Debug, thiserror::Error)]
#[error("cannot open the city database {path}: {source}")]
pub struct GeoError {
    /// The file.
    pub path: String,
    /// Why.
    pub source: maxminddb::MaxMindDbError,
}

impl Geo {
    /// Countries only, or countries and coordinates when a city database is given.
    pub fn open(city_database: Option<&Path>) -> Result<Self, GeoError> {
        let cities = match city_database {
            Some(path) => {
                Some(
                    maxminddb::Reader::open_readfile(path).map_err(|source| GeoError {
                        path: path.display().to_string(),
                        source,
                    })?,
                )
            }
            None => None,
        };
        Ok(Self { cities })
    }

    /// The ISO 3166-1 alpha-2 country of an address (`None` for private or unknown ones).
    pub fn country(&self, ip: &str) -> Option<String> {
        let address: IpAddr = ip.trim().parse().ok()?;
        if let Some(code) = self.city(address).and_then(|city| {
            city.country
                .and_then(|country| country.iso_code.map(str::to_owned))
        }) {
            return Some(code);
        }
        iptocc::country_code(address).map(str::to_owned)
    }

    /// The city's English name (`names["en"]`), when a city database knows the address.
    pub fn city_name(&self, ip: &str) -> Option<String> {
        let address: IpAddr = ip.trim().parse().ok()?;
        let names = self.city(address)?.city?.names?;
        let name = names.get("en")?.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// Latitude and longitude, when a city database knows the address.
    pub fn coordinates(&self, ip: &str) -> Option<(f64, f64)> {
        let address: IpAddr = ip.trim().parse().ok()?;
        let location = self.city(address)?.location?;
        Some((location.latitude?, location.longitude?))
    }

    fn city(&self, address: IpAddr) -> Option<maxminddb::geoip2::City<'_>> {
        self.cities.as_ref()?.lookup(address).ok().flatten()
    }
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_addresses_map_to_their_countries() {
        let geo = Geo::default();
        for (ip, country) in [
            ("8.8.8.8", "US"),
            ("193.0.6.139", "NL"),
            ("81.2.69.142", "GB"),
            ("133.11.0.1", "JP"),
            ("200.160.2.3", "BR"),
            ("1.1.1.1", "AU"),
        ] {
            assert_eq!(geo.country(ip).as_deref(), Some(country), "{ip}");
        }
        assert_eq!(geo.country("10.0.0.1"), None);
        assert_eq!(geo.country("not an address"), None);
        assert_eq!(geo.coordinates("8.8.8.8"), None);
        assert_eq!(geo.city_name("8.8.8.8"), None);
    }

    #[test]
    fn distance_paris_new_york_is_about_5840_km() {
        let km = distance_km((48.8566, 2.3522), (40.7128, -74.0060));
        assert!((km - 5837.0).abs() < 20.0, "{km}");
    }
}
