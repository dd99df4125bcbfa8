//! An encrypted Aegis vault (beemdevelopment/Aegis `docs/vault.md`), as Aegis 3 writes it: vault
//! version 1, content version 3 with groups by uuid (plus `vigil_activity` on accounts with an
//! activity feed, which Aegis ignores), one password slot (scrypt, N = 2^15, r = 8,
//! p = 1) wrapping a random master key with AES-256-GCM, and the content sealed with AES-256-GCM
//! under the master key. Aegis opens it, and so does [`crate::import::Aegis`].

use rand_core::CryptoRngCore;
use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::ExportError;
use crate::import::ImportedAccount;
use crate::{OtpKind, Sensitive};

/// The entry field that carries [`crate::OtpUri::activity`] (not an Aegis field).
pub const ACTIVITY_FIELD: &str = "vigil_activity";

/// scrypt's cost for the password slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScryptParams {
    /// log2 of N.
    pub log_n: u8,
    /// Block size.
    pub r: u32,
    /// Parallelism.
    pub p: u32,
}

impl ScryptParams {
    /// What Aegis uses: N = 2^15, r = 8, p = 1 (about 0.1 s and 32 MiB).
    pub const AEGIS: ScryptParams = ScryptParams {
        log_n: 15,
        r: 8,
        p: 1,
    };
}

impl Default for ScryptParams {
    fn default() -> Self {
        Self::AEGIS
    }
}

fn random_bytes<const N: usize>(random: &mut impl CryptoRngCore) -> Zeroizing<[u8; N]> {
    let mut bytes = Zeroizing::new([0u8; N]);
    random.fill_bytes(bytes.as_mut());
    bytes
}

fn random_uuid(random: &mut impl CryptoRngCore) -> String {
    let bytes = random_bytes::<16>(random);
    uuid::Builder::from_random_bytes(*bytes)
        .into_uuid()
        .to_string()
}

/// The vault's content (`db` before encryption): version 3, groups by uuid.
fn content(accounts: &[ImportedAccount], random: &mut impl CryptoRngCore) -> Value {
    let mut groups: Vec<(String, String)> = Vec::new();
    let mut entries = Vec::with_capacity(accounts.len());
    for account in accounts {
        let mut group_ids = Vec::new();
        for name in &account.groups {
            let id = match groups.iter().find(|(_, n)| n == name) {
                Some((id, _)) => id.clone(),
                None => {
                    let id = random_uuid(random);
                    groups.push((id.clone(), name.clone()));
                    id
                }
            };
            if !group_ids.contains(&id) {
                group_ids.push(id);
            }
        }
        let uri = &account.uri;
        let params = &uri.params;
        let secret = uri.secret.to_base32();
        let info = match params.kind {
            OtpKind::Totp => json!({
                "secret": secret.expose(), "algo": params.algorithm.as_str(),
                "digits": params.digits, "period": params.period,
            }),
            OtpKind::Hotp => json!({
                "secret": secret.expose(), "algo": params.algorithm.as_str(),
                "digits": params.digits, "counter": params.counter,
            }),
            OtpKind::Steam => json!({
                "secret": secret.expose(), "algo": "SHA1", "digits": 5, "period": params.period,
            }),
        };
        let mut entry = json!({
            "type": params.kind.as_str(),
            "uuid": random_uuid(random),
            "name": uri.label,
            "issuer": uri.issuer,
            "note": "",
            "favorite": false,
            "icon": null,
            "info": info,
            "groups": group_ids,
        });
        // Vigil's activity feed has no Aegis field: an extra one, which Aegis ignores and
        // Vigil's importer reads back, so Vigil's own backups keep it.
        if let (Some(activity), Some(map)) = (&uri.activity, entry.as_object_mut()) {
            map.insert(ACTIVITY_FIELD.to_owned(), json!(activity));
        }
        entries.push(entry);
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|(uuid, name)| json!({"uuid": uuid, "name": name}))
        .collect();
    json!({"version": 3, "entries": entries, "groups": groups})
}

/// Writes `accounts` (with their groups) as an encrypted Aegis vault under `password`, the
/// randomness (master key, salt, nonces, uuids) drawn from `random`. Returns the vault's JSON,
/// which holds no secret in the clear.
pub fn write_encrypted(
    accounts: &[ImportedAccount],
    password: &Sensitive<String>,
    random: &mut impl CryptoRngCore,
    scrypt: ScryptParams,
) -> Result<String, ExportError> {
    if scrypt.log_n == 0 {
        return Err(ExportError::KdfParams);
    }
    let mut db = content(accounts, random);
    let plaintext = Zeroizing::new(serde_json::to_vec(&db).map_err(|_| ExportError::Encryption)?);
    crate::import::fields::zeroize_strings(&mut db);

    let master_key = random_bytes::<32>(random);
    let salt = random_bytes::<32>(random);
    let slot_nonce = random_bytes::<12>(random);
    let db_nonce = random_bytes::<12>(random);
    let slot_uuid = random_uuid(random);

    let slot_key = crate::import::crypto::scrypt(
        password.expose().as_bytes(),
        salt.as_ref(),
        scrypt.log_n,
        scrypt.r,
        scrypt.p,
    )
    .ok_or(ExportError::KdfParams)?;
    let wrapped = crate::import::crypto::aes_gcm_seal(&slot_key, &slot_nonce, master_key.as_ref())
        .ok_or(ExportError::Encryption)?;
    let sealed = crate::import::crypto::aes_gcm_seal(&master_key, &db_nonce, &plaintext)
        .ok_or(ExportError::Encryption)?;
    let split = |sealed: &[u8]| {
        let at = sealed.len().saturating_sub(crate::import::crypto::TAG_LEN);
        let (body, tag) = sealed.split_at(at);
        (hex::encode(body), hex::encode(tag))
    };
    let (wrapped_key, key_tag) = split(&wrapped);
    let at = sealed.len().saturating_sub(crate::import::crypto::TAG_LEN);
    let (ciphertext, db_tag) = sealed.split_at(at);
    use base64::Engine;
    let vault = json!({
        "version": 1,
        "header": {
            "slots": [{
                "type": 1,
                "uuid": slot_uuid,
                "key": wrapped_key,
                "key_params": {"nonce": hex::encode(slot_nonce.as_ref()), "tag": key_tag},
                "n": 1u64 << scrypt.log_n.min(63),
                "r": scrypt.r,
                "p": scrypt.p,
                "salt": hex::encode(salt.as_ref()),
                "repaired": true,
                "is_backup": false,
            }],
            "params": {"nonce": hex::encode(db_nonce.as_ref()), "tag": hex::encode(db_tag)},
        },
        "db": base64::engine::general_purpose::STANDARD.encode(ciphertext),
    });
    serde_json::to_string_pretty(&vault).map_err(|_| ExportError::Encryption)
}
