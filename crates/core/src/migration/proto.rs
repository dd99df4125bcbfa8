//! The protobuf messages inside Google Authenticator's export QR codes, declared for `prost`.

/// One export QR code's payload.
#[derive(Clone, PartialEq, prost::Message)]
pub struct MigrationPayload {
    /// The accounts in this QR code.
    #[prost(message, repeated, tag = "1")]
    pub otp_parameters: Vec<OtpParameters>,
    /// Format version (1).
    #[prost(int32, tag = "2")]
    pub version: i32,
    /// How many QR codes the export has.
    #[prost(int32, tag = "3")]
    pub batch_size: i32,
    /// This QR code's place in the export, from 0.
    #[prost(int32, tag = "4")]
    pub batch_index: i32,
    /// Shared by the QR codes of one export.
    #[prost(int32, tag = "5")]
    pub batch_id: i32,
}

/// One account.
#[derive(Clone, PartialEq, prost::Message)]
pub struct OtpParameters {
    /// Raw secret bytes.
    #[prost(bytes = "vec", tag = "1")]
    pub secret: Vec<u8>,
    /// The label, often `Issuer:account`.
    #[prost(string, tag = "2")]
    pub name: String,
    /// The issuer.
    #[prost(string, tag = "3")]
    pub issuer: String,
    /// 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5.
    #[prost(int32, tag = "4")]
    pub algorithm: i32,
    /// 0 unspecified, 1 six, 2 eight.
    #[prost(int32, tag = "5")]
    pub digits: i32,
    /// 0 unspecified, 1 HOTP, 2 TOTP.
    #[prost(int32, tag = "6")]
    pub r#type: i32,
    /// HOTP counter.
    #[prost(int64, tag = "7")]
    pub counter: i64,
}

impl Drop for OtpParameters {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.secret);
    }
}
