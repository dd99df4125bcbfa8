//! What can go wrong talking to an activity service, in words for the person.

/// Why a request to an activity service failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivityError {
    /// No connection could be made (the service is down, or the name does not resolve).
    #[error("Could not reach {host}: {reason}")]
    Unreachable {
        /// The service's host.
        host: String,
        /// The network's reason.
        reason: String,
    },
    /// The service did not answer in time.
    #[error("{host} did not answer in time")]
    Timeout {
        /// The service's host.
        host: String,
    },
    /// The service answered with an error (its own message when it gave one).
    #[error("{host} refused the request ({status}): {message}")]
    Refused {
        /// The service's host.
        host: String,
        /// The HTTP status.
        status: u16,
        /// The service's `error` code (`account_locked`, …), when it gave one.
        code: Option<String>,
        /// The service's message, or the status's meaning.
        message: String,
    },
    /// The answer is not what the protocol says (not JSON, wrong shape).
    #[error("{host} answered something Vigil cannot read: {reason}")]
    Garbage {
        /// The service's host.
        host: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The answer is larger than the limit.
    #[error("{host} sent an answer larger than {limit} bytes")]
    TooLarge {
        /// The service's host.
        host: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// A document to send is empty, too large or not a PDF, PNG or JPEG.
    #[error("{0}")]
    BadDocument(String),
    /// The HTTP client could not be set up.
    #[error("The network client could not start: {0}")]
    Client(String),
}
