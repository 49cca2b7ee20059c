//! Signed checkpoints: the organization's SM2 key (GM/T 0003, with SM3 of GM/T 0004) signs the log's head —
//! how many entries, and the hash of the last — so a verifier holding the public key can tell a log the
//! organization exported from one rewritten by anyone else, even with every hash recomputed.
//!
//! **What is signed.** The canonical encoding (as for entries: `<byte length>:<bytes>\n` per field) of the tag
//! `dangjian.disclosure.audit.checkpoint.v1`, the number of entries covered, the head hash, the algorithm
//! (`SM2-SM3`) and the key id, signed by SM2DSA (ZA ‖ M hashed with SM3, the default distinguishing identifier
//! `1234567812345678` of GM/T 0009). The signature is `r ‖ s`, 128 hex digits. Nonces are derived
//! deterministically from the key and the message (RFC 6979 style, as the `sm2` crate does): the core takes
//! no randomness, and signing the same head with the same key gives the same signature.
//!
//! **Keys.** PEM: PKCS#8 (`-----BEGIN PRIVATE KEY-----`) for the private key, SubjectPublicKeyInfo
//! (`-----BEGIN PUBLIC KEY-----`) for the public one — what `openssl genpkey -algorithm SM2` and
//! `openssl pkey -pubout` write. The key id is the SM3 digest (hex) of the public key's DER encoding
//! (`openssl pkey -pubin -in key.pub.pem -outform DER | openssl dgst -sm3`).
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};
use sm2::dsa::signature::{Signer, Verifier};
use sm2::dsa::{Signature, SigningKey, VerifyingKey};
use sm2::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePublicKey, LineEnding};
use sm3::{Digest, Sm3};

use super::encode::{field, hex, is_digest_hex, unhex};
use crate::{Error, Result};

/// The algorithm name recorded in each checkpoint.
pub const CHECKPOINT_ALGORITHM: &str = "SM2-SM3";

const CHECKPOINT_TAG: &str = "dangjian.disclosure.audit.checkpoint.v1";

/// The distinguishing identifier of GM/T 0009's default, used by OpenSSL and most SM2 tooling.
const DIST_ID: &str = "1234567812345678";

/// A signature over the log's head: the first `entries` entries, ending in the entry whose hash is `head`.
///
/// ```
/// let c: dangjian::disclosure::Checkpoint = serde_json::from_str(r#"{"entries":53,"head":"ab","algorithm":"SM2-SM3",
///   "key_id":"cd","signature":"ef"}"#).unwrap();
/// assert_eq!(c.entries, 53);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// How many entries it covers: entries `0 ..= entries - 1`.
    pub entries: u64,
    /// The hash of the last covered entry ([`super::GENESIS_HASH`] when it covers none).
    pub head: String,
    /// `SM2-SM3`.
    pub algorithm: String,
    /// The signer's key id: SM3 (hex) of its public key's DER (SubjectPublicKeyInfo).
    pub key_id: String,
    /// SM2 signature `r ‖ s` (128 hex digits) over the checkpoint's canonical encoding.
    pub signature: String,
}

impl Checkpoint {
    /// The bytes the signature is taken over.
    fn message(entries: u64, head: &str, algorithm: &str, key_id: &str) -> Vec<u8> {
        let mut buf = Vec::with_capacity(256);
        let mut digits = [0u8; 20];
        field(&mut buf, CHECKPOINT_TAG.as_bytes());
        field(&mut buf, super::encode::decimal(entries, &mut digits));
        field(&mut buf, head.as_bytes());
        field(&mut buf, algorithm.as_bytes());
        field(&mut buf, key_id.as_bytes());
        buf
    }
}

/// The organization's private key, which signs checkpoints.
///
/// ```
/// use dangjian::disclosure::{AuditSigningKey, GENESIS_HASH};
/// // A throwaway key, for this example only.
/// let pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg3D3keRvGdgtuUlIn\ndD3a/W+s6uahh1qtiznFJhJmoS+hRANCAARLcdkOv6CTnx8xC93JD9lqFiXkA4+1\nICFTDv31ylDFLazSSc6fURP8vTicP9OmpckpJhu5Q9fag1i/2mdT5KHw\n-----END PRIVATE KEY-----\n";
/// let key = AuditSigningKey::from_pem(pem).unwrap();
/// let c = key.sign(0, GENESIS_HASH).unwrap();
/// assert!(key.verifying_key().check(&c).is_ok());
/// assert_eq!((c.signature.len(), c.key_id.as_str()), (128, key.key_id()));
/// ```
#[derive(Clone)]
pub struct AuditSigningKey {
    key: SigningKey,
    key_id: String,
}

impl std::fmt::Debug for AuditSigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret.
        f.debug_struct("AuditSigningKey")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

impl AuditSigningKey {
    /// Reads an SM2 private key in PKCS#8 PEM. Error: `INVALID_PRIVATE_KEY` at `private_key`.
    pub fn from_pem(pem: &str) -> Result<Self> {
        let bad = || {
            Error::input(
                "INVALID_PRIVATE_KEY",
                "private_key",
                "私钥应为 PKCS#8 PEM 格式的 SM2 私钥（openssl genpkey -algorithm SM2）",
                "the private key must be an SM2 key in PKCS#8 PEM (openssl genpkey -algorithm SM2)",
            )
        };
        let secret = sm2::SecretKey::from_pkcs8_pem(pem.trim()).map_err(|_| bad())?;
        let key = SigningKey::new(DIST_ID, &secret).map_err(|_| bad())?;
        let key_id = key_id_of(key.verifying_key()).ok_or_else(bad)?;
        Ok(Self { key, key_id })
    }

    /// The key id (SM3 of the public key's DER, hex).
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The matching public key.
    pub fn verifying_key(&self) -> AuditVerifyingKey {
        AuditVerifyingKey {
            key: self.key.verifying_key().clone(),
            key_id: self.key_id.clone(),
        }
    }

    /// Signs a head: the first `entries` entries, the last with hash `head`. Error: `SIGNING_FAILED` (not
    /// expected with a valid key).
    pub fn sign(&self, entries: u64, head: &str) -> Result<Checkpoint> {
        let message = Checkpoint::message(entries, head, CHECKPOINT_ALGORITHM, &self.key_id);
        let signature: Signature = self.key.try_sign(&message).map_err(|_| {
            Error::input(
                "SIGNING_FAILED",
                "private_key",
                "签名失败",
                "signing failed",
            )
        })?;
        Ok(Checkpoint {
            entries,
            head: head.to_owned(),
            algorithm: CHECKPOINT_ALGORITHM.to_owned(),
            key_id: self.key_id.clone(),
            signature: hex(&signature.to_bytes()),
        })
    }
}

/// The organization's public key, which checks checkpoints.
///
/// ```
/// let e = dangjian::disclosure::AuditVerifyingKey::from_pem("not a key").unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_PUBLIC_KEY", "public_key"));
/// ```
#[derive(Debug, Clone)]
pub struct AuditVerifyingKey {
    key: VerifyingKey,
    key_id: String,
}

impl AuditVerifyingKey {
    /// Reads an SM2 public key in SubjectPublicKeyInfo PEM. Error: `INVALID_PUBLIC_KEY` at `public_key`.
    pub fn from_pem(pem: &str) -> Result<Self> {
        let bad = || {
            Error::input(
                "INVALID_PUBLIC_KEY",
                "public_key",
                "公钥应为 PEM 格式的 SM2 公钥（openssl pkey -pubout）",
                "the public key must be an SM2 key in SubjectPublicKeyInfo PEM (openssl pkey -pubout)",
            )
        };
        let public = sm2::PublicKey::from_public_key_pem(pem.trim()).map_err(|_| bad())?;
        let key = VerifyingKey::new(DIST_ID, public).map_err(|_| bad())?;
        let key_id = key_id_of(&key).ok_or_else(bad)?;
        Ok(Self { key, key_id })
    }

    /// The key id (SM3 of the public key's DER, hex).
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The key as SubjectPublicKeyInfo PEM.
    pub fn to_pem(&self) -> Option<String> {
        self.key.to_public_key_pem(LineEnding::LF).ok()
    }

    /// Whether `checkpoint` was signed by this key, exactly as it reads (entries, head, algorithm, key
    /// id); if not, why: `KEY_MISMATCH` (another key's id) or `SIGNATURE_INVALID`.
    ///
    /// ```
    /// # let pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEMkENa2XrrH7SBTIFLe9zsPazQiD0\n1um+ZGEUjN3AE3FCEjjWaHAUl38/dHvKbxoE8B40KHArJUT1hnhKfI+PZA==\n-----END PUBLIC KEY-----\n";
    /// let key = dangjian::disclosure::AuditVerifyingKey::from_pem(pem).unwrap();
    /// let c: dangjian::disclosure::Checkpoint = serde_json::from_str(r#"{"entries":0,"head":"00","algorithm":"SM2-SM3",
    ///   "key_id":"ab","signature":"00"}"#).unwrap();
    /// assert_eq!(key.check(&c), Err("KEY_MISMATCH"));
    /// ```
    pub fn check(&self, checkpoint: &Checkpoint) -> std::result::Result<(), &'static str> {
        const INVALID: &str = "SIGNATURE_INVALID";
        if checkpoint.key_id != self.key_id {
            return Err("KEY_MISMATCH");
        }
        let bytes = unhex(&checkpoint.signature).ok_or(INVALID)?;
        let signature = Signature::from_slice(&bytes).map_err(|_| INVALID)?;
        let well_formed =
            checkpoint.algorithm == CHECKPOINT_ALGORITHM && is_digest_hex(&checkpoint.head);
        let message = Checkpoint::message(
            checkpoint.entries,
            &checkpoint.head,
            &checkpoint.algorithm,
            &checkpoint.key_id,
        );
        match self.key.verify(&message, &signature) {
            Ok(()) if well_formed => Ok(()),
            _ => Err(INVALID),
        }
    }
}

fn key_id_of(key: &VerifyingKey) -> Option<String> {
    let der = key.to_public_key_der().ok()?;
    Some(hex(&Sm3::digest(der.as_bytes())))
}
