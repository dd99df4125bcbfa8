//! The stable `error` codes of the service's error answers (`{error, message}`,
//! [`super::ErrorBody`]): the service picks one per failure, clients branch on them.

use std::fmt;

/// A machine-readable error code, as [`super::ErrorBody::error`] carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// `malformed_json` (400): not JSON, or not the JSON the endpoint takes.
    MalformedJson,
    /// `invalid_request` (400): a value the service cannot use.
    InvalidRequest,
    /// `body_too_large` (413).
    BodyTooLarge,
    /// `unsupported_document` (415): not a PDF, PNG or JPEG.
    UnsupportedDocument,
    /// `unauthorized` (401): a bearer key or the review login is missing or wrong.
    Unauthorized,
    /// `timestamp_out_of_range` (401): the signed request's time is too far from the service's
    /// clock; the client learns the service's time from the answer's `Date` and signs again.
    TimestampOutOfRange,
    /// `bad_signature` (401): a signing header is missing or the signature does not match.
    BadSignature,
    /// `nonce_reused` (401): a replayed nonce.
    NonceReused,
    /// `account_not_found` (404).
    AccountNotFound,
    /// `not_found` (404): no such event, document or endpoint.
    NotFound,
    /// `invalid_code` (401).
    InvalidCode,
    /// `code_already_used` (409).
    CodeAlreadyUsed,
    /// `account_locked` (423), with `state`.
    AccountLocked,
    /// `too_many_attempts` (429), with `retry_after`.
    TooManyAttempts,
    /// `conflict` (409).
    Conflict,
    /// `enrolment_closed` (410): the enrolment QR code is gone once a code was accepted.
    EnrolmentClosed,
    /// `internal` (500).
    Internal,
    /// `unsupported_signature_version` (401): the request is not signed in the protocol's
    /// signature version (`Vigil-Signature-Version: v2`); the old v1 form is refused.
    UnsupportedSignatureVersion,
    /// `account_not_locked` (409): documents are accepted only while the account is locked.
    AccountNotLocked,
    /// `too_many_documents` (409): the account holds as many documents as it may.
    TooManyDocuments,
    /// `request_timeout` (408): the request (its body included) took too long to arrive or run.
    RequestTimeout,
    /// `overloaded` (503): the service is handling as many requests as it may; try again.
    Overloaded,
    /// `session_not_found` (404): the account has no session with that id.
    SessionNotFound,
    /// `session_ended` (409): the session ended already; a new sign-in needs a new session id.
    SessionEnded,
}

impl ErrorCode {
    /// Every code, in the order above.
    pub const ALL: [ErrorCode; 24] = [
        ErrorCode::MalformedJson,
        ErrorCode::InvalidRequest,
        ErrorCode::BodyTooLarge,
        ErrorCode::UnsupportedDocument,
        ErrorCode::Unauthorized,
        ErrorCode::TimestampOutOfRange,
        ErrorCode::BadSignature,
        ErrorCode::NonceReused,
        ErrorCode::AccountNotFound,
        ErrorCode::NotFound,
        ErrorCode::InvalidCode,
        ErrorCode::CodeAlreadyUsed,
        ErrorCode::AccountLocked,
        ErrorCode::TooManyAttempts,
        ErrorCode::Conflict,
        ErrorCode::EnrolmentClosed,
        ErrorCode::Internal,
        ErrorCode::UnsupportedSignatureVersion,
        ErrorCode::AccountNotLocked,
        ErrorCode::TooManyDocuments,
        ErrorCode::RequestTimeout,
        ErrorCode::Overloaded,
        ErrorCode::SessionNotFound,
        ErrorCode::SessionEnded,
    ];

    /// The wire code, e.g. `timestamp_out_of_range`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::BodyTooLarge => "body_too_large",
            ErrorCode::UnsupportedDocument => "unsupported_document",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::TimestampOutOfRange => "timestamp_out_of_range",
            ErrorCode::BadSignature => "bad_signature",
            ErrorCode::NonceReused => "nonce_reused",
            ErrorCode::AccountNotFound => "account_not_found",
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidCode => "invalid_code",
            ErrorCode::CodeAlreadyUsed => "code_already_used",
            ErrorCode::AccountLocked => "account_locked",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::Conflict => "conflict",
            ErrorCode::EnrolmentClosed => "enrolment_closed",
            ErrorCode::Internal => "internal",
            ErrorCode::UnsupportedSignatureVersion => "unsupported_signature_version",
            ErrorCode::AccountNotLocked => "account_not_locked",
            ErrorCode::TooManyDocuments => "too_many_documents",
            ErrorCode::RequestTimeout => "request_timeout",
            ErrorCode::Overloaded => "overloaded",
            ErrorCode::SessionNotFound => "session_not_found",
            ErrorCode::SessionEnded => "session_ended",
        }
    }

    /// The code a wire string names (`None` for a code this version does not know).
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|code| code.as_str() == text)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_distinct() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
        }
        let mut names: Vec<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len());
        assert_eq!(ErrorCode::parse("something_new"), None);
        assert_eq!(
            ErrorCode::TimestampOutOfRange.to_string(),
            "timestamp_out_of_range"
        );
    }
}
