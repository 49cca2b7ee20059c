//! What an item carries besides its content: the channels it is disclosed through, its attachments' metadata
//! and the catalogue entry it fulfils (条例 第十四条, 第十五条). A leaf under [`super::item`], which re-exports them.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

/// A channel of disclosure (meetings, documents, bulletin boards, websites, new media …).
///
/// ```
/// use dangjian::disclosure::Channel;
/// let c: Vec<Channel> = serde_json::from_str(r#"["bulletin_board", {"other":"广播"}]"#).unwrap();
/// assert_eq!(c[0], Channel::BulletinBoard);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Channel {
    /// A meeting (会议).
    Meeting,
    /// A document (文件).
    Document,
    /// A bulletin board (党务公开栏).
    BulletinBoard,
    /// A website.
    Website,
    /// An app (智慧党建 app).
    App,
    /// New media (微信公众号 and the like).
    NewMedia,
    /// Another channel, by its label.
    Other(String),
}

/// An attachment's metadata (the file itself stays with the host).
///
/// ```
/// let a: dangjian::disclosure::Attachment = serde_json::from_str(r#"{"name":"决议.pdf","media_type":"application/pdf","size_bytes":1024}"#).unwrap();
/// assert_eq!(a.size_bytes, 1024);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// File name.
    pub name: String,
    /// Media type (`application/pdf`).
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: u64,
    /// SHA-256 of the file, hex, when the host computed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// Which catalogue entry and period an item fulfils (`{"code":"dues_annual","period":"2025"}`).
///
/// ```
/// let r: dangjian::disclosure::CatalogueRef = serde_json::from_str(r#"{"code":"activity_quarterly","period":"2026-Q1"}"#).unwrap();
/// assert_eq!(r.period, "2026-Q1");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueRef {
    /// The catalogue entry's code.
    pub code: String,
    /// The period label: `2025`, `2026-Q1`, `2026-03`.
    pub period: String,
}
