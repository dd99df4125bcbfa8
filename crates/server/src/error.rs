//! The one error type of the HTTP API: each variant has its status and `{error, message}` body.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use vigil_core::activity::{AccountState, ErrorBody, ErrorCode, FieldError, SigningError};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not valid JSON, or not the JSON this endpoint takes.
    #[error("The request body is not valid JSON for this endpoint: {0}")]
    MalformedJson(String),
    /// A field or parameter has a value the service cannot use.
    #[error("{0}")]
    InvalidRequest(String),
    /// A field of the JSON body breaks the protocol's bounds (the answer names the field).
    #[error("The field {} {}.", .0.field, .0.problem)]
    InvalidField(FieldError),
    /// The body is larger than the endpoint accepts.
    #[error("The request body is larger than the {0} bytes this endpoint accepts.")]
    BodyTooLarge(usize),
    /// A document that is not a PDF, PNG or JPEG.
    #[error("Documents must be PDF, PNG or JPEG files.")]
    UnsupportedDocument,
    /// The bearer key is missing or wrong.
    #[error("A valid key is required: send it as Authorization: Bearer <key>.")]
    Unauthorized,
    /// The /review page's login (HTTP Basic, the reviewer key as password) is missing or wrong.
    #[error("Sign in with the reviewer key as the password.")]
    ReviewLogin,
    /// A feed request's signature was refused.
    #[error("{0}")]
    Signature(SigningError),
    /// A feed request's nonce was already used within the replay window.
    #[error("This nonce was already used; sign every request with a new one.")]
    NonceReused,
    /// No account has this id.
    #[error("No account has this id.")]
    AccountNotFound,
    /// The account has no such event or document.
    #[error("The account has no such {0}.")]
    NotFound(&'static str),
    /// No endpoint has this path.
    #[error("There is no such endpoint.")]
    NoRoute,
    /// The code is wrong.
    #[error("The code is not valid.")]
    InvalidCode,
    /// The code's time step was already used.
    #[error("This code was already used; wait for the next one.")]
    CodeAlreadyUsed,
    /// The account is locked.
    #[error("The account is locked ({0:?}).")]
    AccountLocked(AccountState),
    /// Too many failed codes in a row.
    #[error("Too many wrong codes; try again in {0} seconds.")]
    TooManyAttempts(u64),
    /// The request conflicts with what is stored (a taken external id, an unlocked account).
    #[error("{0}")]
    Conflict(String),
    /// The enrolment QR code is gone once a code was accepted.
    #[error("The enrolment code is no longer available: the account is enrolled.")]
    EnrolmentClosed,
    /// Documents are accepted only while the account is locked.
    #[error("Documents are accepted only while the account is locked.")]
    AccountNotLocked,
    /// The account holds as many documents as it may.
    #[error("The account holds {0} documents already, the most it may; a reviewer will read them.")]
    TooManyDocuments(i64),
    /// The request took longer than the service allows (its body included).
    #[error("The request took too long; send it again.")]
    RequestTimeout,
    /// The service handles as many requests as it may at once.
    #[error("The service is busy; try again in a moment.")]
    Overloaded,
    /// The account has no session with this id.
    #[error("The account has no session with this id.")]
    SessionNotFound,
    /// The session ended already; its id cannot start another.
    #[error("The session {0} ended already; a new sign-in needs a new session id.")]
    SessionEnded(String),
    /// The database failed.
    #[error("database error")]
    Database(#[from] sqlx::Error),
    /// Something else failed inside the service.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MalformedJson(_)
            | ApiError::InvalidRequest(_)
            | ApiError::InvalidField(_) => StatusCode::BAD_REQUEST,
            ApiError::AccountNotLocked | ApiError::TooManyDocuments(_) => StatusCode::CONFLICT,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::BodyTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedDocument => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unauthorized
            | ApiError::ReviewLogin
            | ApiError::Signature(_)
            | ApiError::NonceReused
            | ApiError::InvalidCode => StatusCode::UNAUTHORIZED,
            ApiError::AccountNotFound
            | ApiError::NotFound(_)
            | ApiError::NoRoute
            | ApiError::SessionNotFound => StatusCode::NOT_FOUND,
            ApiError::SessionEnded(_) => StatusCode::CONFLICT,
            ApiError::CodeAlreadyUsed | ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::AccountLocked(_) => StatusCode::LOCKED,
            ApiError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::EnrolmentClosed => StatusCode::GONE,
            ApiError::Database(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine-readable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::MalformedJson(_) => ErrorCode::MalformedJson,
            ApiError::InvalidRequest(_) | ApiError::InvalidField(_) => ErrorCode::InvalidRequest,
            ApiError::AccountNotLocked => ErrorCode::AccountNotLocked,
            ApiError::TooManyDocuments(_) => ErrorCode::TooManyDocuments,
            ApiError::RequestTimeout => ErrorCode::RequestTimeout,
            ApiError::Overloaded => ErrorCode::Overloaded,
            ApiError::Signature(SigningError::UnsupportedVersion(_)) => {
                ErrorCode::UnsupportedSignatureVersion
            }
            ApiError::BodyTooLarge(_) => ErrorCode::BodyTooLarge,
            ApiError::UnsupportedDocument => ErrorCode::UnsupportedDocument,
            ApiError::Unauthorized | ApiError::ReviewLogin => ErrorCode::Unauthorized,
            ApiError::Signature(SigningError::ClockSkew { .. }) => ErrorCode::TimestampOutOfRange,
            ApiError::Signature(_) => ErrorCode::BadSignature,
            ApiError::NonceReused => ErrorCode::NonceReused,
            ApiError::AccountNotFound => ErrorCode::AccountNotFound,
            ApiError::NotFound(_) | ApiError::NoRoute => ErrorCode::NotFound,
            ApiError::InvalidCode => ErrorCode::InvalidCode,
            ApiError::CodeAlreadyUsed => ErrorCode::CodeAlreadyUsed,
            ApiError::AccountLocked(_) => ErrorCode::AccountLocked,
            ApiError::TooManyAttempts(_) => ErrorCode::TooManyAttempts,
            ApiError::Conflict(_) => ErrorCode::Conflict,
            ApiError::EnrolmentClosed => ErrorCode::EnrolmentClosed,
            ApiError::SessionNotFound => ErrorCode::SessionNotFound,
            ApiError::SessionEnded(_) => ErrorCode::SessionEnded,
            ApiError::Database(_) | ApiError::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            tracing::error!(error = %self, detail = ?self, "request failed");
        }
        let message = match &self {
            ApiError::Database(_) | ApiError::Internal(_) => {
                "The service failed; try again later.".to_owned()
            }
            other => other.to_string(),
        };
        let body = ErrorBody {
            error: self.code().as_str().to_owned(),
            message,
            state: match &self {
                ApiError::AccountLocked(state) => Some(*state),
                _ => None,
            },
            retry_after: match &self {
                ApiError::TooManyAttempts(seconds) => Some(*seconds),
                _ => None,
            },
            field: match &self {
                ApiError::InvalidField(error) => Some(error.field.clone()),
                _ => None,
            },
        };
        let mut response = (status, axum::Json(body)).into_response();
        if let ApiError::TooManyAttempts(seconds) = self
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if matches!(self, ApiError::ReviewLogin) {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"Vigil review\""),
            );
        }
        response
    }
}
