//! The documents a customer may send for review (`POST /v1/feed/{id}/documents`): which kinds,
//! recognised by their first bytes, and how large. The service refuses the rest; clients check
//! before sending.

/// The largest document accepted, in bytes (10 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// A kind of document the service accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentType {
    /// `application/pdf`, starting `%PDF-`.
    Pdf,
    /// `image/png`, starting with the PNG signature.
    Png,
    /// `image/jpeg`, starting `FF D8 FF`.
    Jpeg,
}

impl DocumentType {
    /// Every accepted kind.
    pub const ALL: [DocumentType; 3] = [DocumentType::Pdf, DocumentType::Png, DocumentType::Jpeg];

    /// What a document's first bytes say it is; `None` for anything else (and empty files).
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| bytes.starts_with(kind.magic()))
    }

    /// The first bytes of every document of this kind.
    pub fn magic(self) -> &'static [u8] {
        match self {
            DocumentType::Pdf => b"%PDF-",
            DocumentType::Png => b"\x89PNG\r\n\x1a\n",
            DocumentType::Jpeg => b"\xFF\xD8\xFF",
        }
    }

    /// The MIME type sent and stored, e.g. `application/pdf`.
    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_recognised_by_their_first_bytes() {
        assert_eq!(
            DocumentType::sniff(b"%PDF-1.7\n..."),
            Some(DocumentType::Pdf)
        );
        assert_eq!(
            DocumentType::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(DocumentType::Png)
        );
        assert_eq!(
            DocumentType::sniff(b"\xff\xd8\xff\xe0JFIF"),
            Some(DocumentType::Jpeg)
        );
        for other in [&b""[..], b"%PDF", b"GIF89a", b"\x89PNG", b"<svg/>"] {
            assert_eq!(DocumentType::sniff(other), None, "{other:?}");
        }
        assert_eq!(DocumentType::Jpeg.content_type(), "image/jpeg");
        assert_eq!(MAX_DOCUMENT_BYTES, 10_485_760);
    }
}
