//! The last activity feed read for each linked account (the service's JSON and when it was read).
//! Removing an account, or changing its link ([`Vault::set_activity`]), removes its cached feed.

use rusqlite::{OptionalExtension, params};

use crate::{AccountId, SecretStore, Vault, VaultError};

/// A cached feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedFeed {
    /// The feed page as the service sent it (JSON).
    pub json: String,
    /// When it was read, in Unix seconds.
    pub fetched_at: i64,
}

impl<S: SecretStore> Vault<S> {
    /// Keeps `json` as the account's latest feed, read at `fetched_at`.
    pub fn save_feed(
        &mut self,
        id: &AccountId,
        json: &str,
        fetched_at: i64,
    ) -> Result<(), VaultError> {
        self.connection
            .execute(
                "INSERT INTO feed_cache (account_id, feed_json, fetched_at)
                 SELECT id, ?2, ?3 FROM accounts WHERE id = ?1 AND pending = 0
                 ON CONFLICT (account_id) DO UPDATE SET feed_json = ?2, fetched_at = ?3",
                params![id.as_str(), json, fetched_at],
            )
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    /// The account's cached feed, if one was read.
    pub fn cached_feed(&self, id: &AccountId) -> Result<Option<CachedFeed>, VaultError> {
        self.connection
            .query_row(
                "SELECT feed_json, fetched_at FROM feed_cache WHERE account_id = ?1",
                [id.as_str()],
                |row| {
                    Ok(CachedFeed {
                        json: row.get(0)?,
                        fetched_at: row.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.db(e))
    }
}

#[cfg(test)]
mod tests {
    use vigil_core::{OtpParams, OtpUri, Secret};

    use crate::{MemoryStore, Vault};

    #[test]
    fn feeds_are_kept_replaced_and_go_with_their_account_or_link() {
        let dir = tempfile::tempdir().unwrap();
        let mut vault = Vault::open(dir.path(), MemoryStore::new()).unwrap();
        let uri = OtpUri::new(
            "Shop",
            "a",
            Secret::from_bytes(vec![1; 20]),
            OtpParams::totp(),
        );
        let id = vault.add(&uri).unwrap().id;
        assert_eq!(vault.cached_feed(&id).unwrap(), None);
        vault.save_feed(&id, r#"{"events":[]}"#, 100).unwrap();
        vault.save_feed(&id, r#"{"events":[1]}"#, 200).unwrap();
        let cached = vault.cached_feed(&id).unwrap().unwrap();
        assert_eq!(
            (cached.json.as_str(), cached.fetched_at),
            (r#"{"events":[1]}"#, 200)
        );
        // Linking drops what was cached; linking again to the same feed keeps it.
        let shop = "https://shop.example/v1/feed/a";
        vault.set_activity(&id, Some(shop)).unwrap();
        assert_eq!(vault.cached_feed(&id).unwrap(), None);
        vault.save_feed(&id, r#"{"events":[2]}"#, 250).unwrap();
        vault.set_activity(&id, Some(shop)).unwrap();
        assert!(
            vault.cached_feed(&id).unwrap().is_some(),
            "same link, same feed"
        );
        // Relinking elsewhere or unlinking forgets the old service's events.
        vault
            .set_activity(&id, Some("https://other.example/v1/feed/b"))
            .unwrap();
        assert_eq!(vault.cached_feed(&id).unwrap(), None, "relinked");
        vault.save_feed(&id, r#"{"events":[3]}"#, 260).unwrap();
        let unlinked = vault.set_activity(&id, None).unwrap();
        assert_eq!(unlinked.activity, None);
        assert_eq!(vault.cached_feed(&id).unwrap(), None, "unlinked");
        vault.save_feed(&id, "{}", 300).unwrap();
        vault.remove(&id).unwrap();
        let again = vault.add(&uri).unwrap().id;
        assert_eq!(vault.cached_feed(&again).unwrap(), None);
        assert_eq!(
            vault
                .connection
                .query_row("SELECT count(*) FROM feed_cache", [], |r| r
                    .get::<_, i64>(0))
                .unwrap(),
            0,
            "a removed account's feed is removed too"
        );
    }
}
