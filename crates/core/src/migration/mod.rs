//! Google Authenticator export payloads: `otpauth-migration://offline?data=…`.
//!
//! [`decode`] turns one export QR code into accounts (and says which of how many QR codes it
//! was); [`encode`] makes the QR payloads for many accounts, batched as Google does.

mod proto;

use base64::Engine;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, GeneralPurpose as Engine64};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use prost::Message;

pub use proto::{MigrationPayload, OtpParameters};

use crate::{Algorithm, OtpKind, OtpParams, OtpUri, Secret};

/// How many accounts go into one export QR code, as Google Authenticator does.
pub const ACCOUNTS_PER_QR: usize = 10;

const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD: Engine64 = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);
const URL_SAFE: Engine64 = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT);

/// The accounts of one export QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationBatch {
    /// The accounts, in the order the export lists them.
    pub accounts: Vec<OtpUri>,
    /// This QR code's place in the export, from 1 ("2 of 3").
    pub index: u32,
    /// How many QR codes the export has.
    pub size: u32,
    /// Shared by the QR codes of one export.
    pub batch_id: i32,
}

/// What is wrong with an export payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// The text does not start with `otpauth-migration://`.
    #[error("not a Google Authenticator export (otpauth-migration://) URI")]
    NotMigration,
    /// There is no `data=` parameter.
    #[error("the export URI has no data parameter")]
    MissingData,
    /// `data` is not base64.
    #[error("the export data is not base64")]
    NotBase64,
    /// The bytes are not a `MigrationPayload`.
    #[error("the export data is not a Google Authenticator payload: {0}")]
    Protobuf(String),
    /// An account uses something Vigil cannot compute.
    #[error("account {index} of the export ({name}) uses {what}, which is not supported")]
    Unsupported {
        /// From 1.
        index: usize,
        /// Its name in the export.
        name: String,
        /// What it uses.
        what: String,
    },
    /// An account has no secret.
    #[error("account {index} of the export ({name}) has no secret")]
    EmptySecret {
        /// From 1.
        index: usize,
        /// Its name in the export.
        name: String,
    },
}

/// Decodes one `otpauth-migration://offline?data=…` URI.
pub fn decode(uri: &str) -> Result<MigrationBatch, MigrationError> {
    let uri = uri.trim();
    let prefix = "otpauth-migration://";
    let head = uri
        .get(..prefix.len())
        .ok_or(MigrationError::NotMigration)?;
    if !head.eq_ignore_ascii_case(prefix) {
        return Err(MigrationError::NotMigration);
    }
    let query = uri
        .split_once('?')
        .map(|(_, q)| q)
        .ok_or(MigrationError::MissingData)?;
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("data="))
        .ok_or(MigrationError::MissingData)?;
    // Percent-decode only: in base64 a '+' is data, not a space.
    let data: Vec<u8> = percent_decode_str(raw).collect();
    let data: Vec<u8> = data
        .into_iter()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let bytes = STANDARD
        .decode(&data)
        .or_else(|_| URL_SAFE.decode(&data))
        .map_err(|_| MigrationError::NotBase64)?;
    let payload = MigrationPayload::decode(bytes.as_slice())
        .map_err(|e| MigrationError::Protobuf(e.to_string()))?;
    let accounts = payload
        .otp_parameters
        .iter()
        .enumerate()
        .map(|(i, p)| to_account(i + 1, p))
        .collect::<Result<Vec<_>, _>>()?;
    let size = u32::try_from(payload.batch_size).unwrap_or(1).max(1);
    let index = u32::try_from(payload.batch_index)
        .unwrap_or(0)
        .saturating_add(1)
        .min(size);
    Ok(MigrationBatch {
        accounts,
        index,
        size,
        batch_id: payload.batch_id,
    })
}

fn to_account(index: usize, p: &OtpParameters) -> Result<OtpUri, MigrationError> {
    let unsupported = |what: &str| MigrationError::Unsupported {
        index,
        name: p.name.clone(),
        what: what.to_owned(),
    };
    if p.secret.is_empty() {
        return Err(MigrationError::EmptySecret {
            index,
            name: p.name.clone(),
        });
    }
    let algorithm = match p.algorithm {
        0 | 1 => Algorithm::Sha1,
        2 => Algorithm::Sha256,
        3 => Algorithm::Sha512,
        4 => return Err(unsupported("the MD5 algorithm")),
        other => return Err(unsupported(&format!("algorithm number {other}"))),
    };
    let digits = match p.digits {
        0 | 1 => 6,
        2 => 8,
        other => return Err(unsupported(&format!("digit count number {other}"))),
    };
    let (kind, counter) = match p.r#type {
        0 | 2 => (OtpKind::Totp, 0),
        1 => (OtpKind::Hotp, u64::try_from(p.counter).unwrap_or(0)),
        other => return Err(unsupported(&format!("OTP type number {other}"))),
    };
    let issuer = p.issuer.trim().to_owned();
    let (prefix, label) = match p.name.split_once(':') {
        Some((prefix, rest)) => (prefix.trim(), rest.trim()),
        None => ("", p.name.trim()),
    };
    let issuer = if issuer.is_empty() {
        prefix.to_owned()
    } else {
        issuer
    };
    let params = OtpParams {
        kind,
        algorithm,
        digits,
        period: 30,
        counter,
    };
    Ok(OtpUri::new(
        &issuer,
        label,
        Secret::from_bytes(p.secret.clone()),
        params,
    ))
}

/// Why accounts cannot go into an export payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Google's format has only 6 or 8 digits, 30-second TOTP and HOTP.
    #[error("{name} cannot be put in a Google Authenticator export: {why}")]
    Unrepresentable {
        /// The account.
        name: String,
        /// What the format lacks.
        why: String,
    },
}

/// The `otpauth-migration://` URIs for `accounts`, [`ACCOUNTS_PER_QR`] per QR code.
pub fn encode(accounts: &[OtpUri], batch_id: i32) -> Result<Vec<String>, ExportError> {
    let chunks: Vec<&[OtpUri]> = accounts.chunks(ACCOUNTS_PER_QR).collect();
    let size = i32::try_from(chunks.len()).unwrap_or(i32::MAX);
    let mut uris = Vec::with_capacity(chunks.len());
    for (index, chunk) in chunks.iter().enumerate() {
        let otp_parameters = chunk
            .iter()
            .map(to_parameters)
            .collect::<Result<Vec<_>, ExportError>>()?;
        let payload = MigrationPayload {
            otp_parameters,
            version: 1,
            batch_size: size,
            batch_index: i32::try_from(index).unwrap_or(i32::MAX),
            batch_id,
        };
        let data = base64::engine::general_purpose::STANDARD.encode(payload.encode_to_vec());
        uris.push(format!(
            "otpauth-migration://offline?data={}",
            utf8_percent_encode(&data, NON_ALPHANUMERIC)
        ));
    }
    Ok(uris)
}

fn to_parameters(account: &OtpUri) -> Result<OtpParameters, ExportError> {
    let refuse = |why: &str| ExportError::Unrepresentable {
        name: account.display_name(),
        why: why.to_owned(),
    };
    let params = &account.params;
    let (r#type, counter) = match params.kind {
        OtpKind::Totp if params.period == 30 => (2, 0),
        OtpKind::Totp => return Err(refuse("only a 30-second period is possible")),
        OtpKind::Hotp => (1, i64::try_from(params.counter).unwrap_or(i64::MAX)),
        OtpKind::Steam => return Err(refuse("Steam codes are not possible")),
    };
    let digits = match params.digits {
        6 => 1,
        8 => 2,
        _ => return Err(refuse("only 6 or 8 digits are possible")),
    };
    let algorithm = match params.algorithm {
        Algorithm::Sha1 => 1,
        Algorithm::Sha256 => 2,
        Algorithm::Sha512 => 3,
    };
    let name = if account.issuer.is_empty() {
        account.label.clone()
    } else {
        format!("{}:{}", account.issuer, account.label)
    };
    Ok(OtpParameters {
        secret: account.secret.as_bytes().to_vec(),
        name,
        issuer: account.issuer.clone(),
        algorithm,
        digits,
        r#type,
        counter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An export as Google Authenticator writes it: one TOTP account "Example:alice@google.com".
    const GOOGLE: &str = "otpauth-migration://offline?data=CjUKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACj37ZWXBA%3D%3D";

    #[test]
    fn decodes_a_google_export() {
        let batch = decode(GOOGLE).unwrap();
        assert_eq!((batch.index, batch.size), (1, 1));
        let [account] = batch.accounts.as_slice() else {
            panic!("{batch:?}")
        };
        assert_eq!(account.issuer, "Example");
        assert_eq!(account.label, "alice@google.com");
        assert_eq!(account.secret.to_base32().expose(), "JBSWY3DPEHPK3PXP");
        assert_eq!(account.params, OtpParams::totp());
    }

    #[test]
    fn plus_in_data_is_not_a_space() {
        // Encode until the base64 holds a '+', then check it survives unescaped.
        for seed in 0u8..=255 {
            let uri = OtpUri::new(
                "I",
                "l",
                Secret::from_bytes(vec![seed; 10]),
                OtpParams::totp(),
            );
            let encoded = encode(std::slice::from_ref(&uri), 1).unwrap().remove(0);
            let data = encoded.split_once("data=").unwrap().1;
            let raw = percent_decode_str(data).decode_utf8().unwrap().into_owned();
            if raw.contains('+') {
                let unescaped = format!("otpauth-migration://offline?data={raw}");
                assert_eq!(decode(&unescaped).unwrap().accounts, vec![uri]);
                return;
            }
        }
        panic!("no payload with '+' found");
    }

    #[test]
    fn encodes_in_batches_and_round_trips() {
        let accounts: Vec<OtpUri> = (0..23u8)
            .map(|i| {
                let params = if i % 2 == 0 {
                    OtpParams {
                        algorithm: Algorithm::Sha256,
                        digits: 8,
                        ..OtpParams::totp()
                    }
                } else {
                    OtpParams::hotp(u64::from(i))
                };
                OtpUri::new(
                    &format!("Issuer {i}"),
                    "me",
                    Secret::from_bytes(vec![i; 20]),
                    params,
                )
            })
            .collect();
        let uris = encode(&accounts, 77).unwrap();
        assert_eq!(uris.len(), 3);
        let mut back = Vec::new();
        for (i, uri) in uris.iter().enumerate() {
            let batch = decode(uri).unwrap();
            assert_eq!(
                (batch.index, batch.size, batch.batch_id),
                (i as u32 + 1, 3, 77)
            );
            back.extend(batch.accounts);
        }
        assert_eq!(back, accounts);
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(
            decode("otpauth://totp/x").unwrap_err(),
            MigrationError::NotMigration
        );
        assert_eq!(
            decode("otpauth-migration://offline").unwrap_err(),
            MigrationError::MissingData
        );
        assert_eq!(
            decode("otpauth-migration://offline?data=%%%").unwrap_err(),
            MigrationError::NotBase64
        );
        assert!(matches!(
            decode("otpauth-migration://offline?data=/////w").unwrap_err(),
            MigrationError::Protobuf(_)
        ));
        let steam = OtpUri::new(
            "S",
            "x",
            Secret::from_bytes(vec![1; 10]),
            OtpParams::steam(),
        );
        assert!(
            encode(&[steam], 1)
                .unwrap_err()
                .to_string()
                .contains("Steam")
        );
    }
}
