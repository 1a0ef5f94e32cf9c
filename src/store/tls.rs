//! Encryption of the connection to a PostgreSQL server, as libpq's `sslmode` says:
//! `disable` none; `prefer` (the default) and `require` encrypt without checking the
//! server's certificate (many servers, Debian's among them, come with a self-signed one);
//! `verify-ca` and `verify-full` check it against the system's certificate authorities, or
//! the file `sslrootcert` names. Pure Rust (rustls): nothing to install.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{Error, Result};

/// What the URL asks of the connection's encryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tls {
    /// Encrypt at all (`sslmode` other than `disable`).
    pub encrypt: bool,
    /// Check the server's certificate (`verify-ca`, `verify-full`).
    pub verify: bool,
    /// The certificate authorities to trust instead of the system's (`sslrootcert`).
    pub root_cert: Option<String>,
}

/// Splits libpq's TLS options off `url`: the URL the client understands (`sslmode` only
/// `disable`, `prefer` or `require`, no `sslrootcert`) and what they ask for.
pub(super) fn split_options(url: &str) -> (String, Tls) {
    let mut tls = Tls {
        encrypt: true,
        verify: false,
        root_cert: None,
    };
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_owned(), tls);
    };
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (key, value) {
            ("sslmode", "disable") => {
                tls.encrypt = false;
                kept.push(pair.to_owned());
            }
            ("sslmode", "verify-ca" | "verify-full") => {
                tls.verify = true;
                kept.push("sslmode=require".to_owned());
            }
            ("sslmode", "allow") => kept.push("sslmode=prefer".to_owned()),
            ("sslrootcert", file) => tls.root_cert = Some(percent_decode(file)),
            _ => kept.push(pair.to_owned()),
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (url, tls)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The connector for `tls` (used only when the server and `sslmode` agree on TLS).
pub(super) fn connector(tls: &Tls) -> Result<MakeRustlsConnect> {
    // ring, not aws-lc-rs: it builds with a C compiler alone (no cmake), on every platform
    // Lotse runs on. Its lack of post-quantum key exchange is why rustls marks it.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Backend(format!("TLS: {e}")))?;
    let config = if tls.verify {
        builder
            .with_root_certificates(roots(tls.root_cert.as_deref())?)
            .with_no_client_auth()
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider)))
            .with_no_client_auth()
    };
    Ok(MakeRustlsConnect::new(config))
}

/// The system's certificate authorities, or those in `file`.
fn roots(file: Option<&str>) -> Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    match file {
        Some(file) => {
            let pem = std::fs::read(file).map_err(|e| Error::file(file, e))?;
            for cert in rustls_pemfile_certs(&pem) {
                roots
                    .add(cert)
                    .map_err(|e| Error::Backend(format!("sslrootcert: {e}")))?;
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            for e in &found.errors {
                log::warn!("system certificates: {e}");
            }
            let (added, ignored) = roots.add_parsable_certificates(found.certs);
            log::debug!("system certificates: {added} trusted, {ignored} not usable");
        }
    }
    Ok(roots)
}

/// The certificates of a PEM file.
fn rustls_pemfile_certs(pem: &[u8]) -> Vec<CertificateDer<'static>> {
    use rustls::pki_types::pem::PemObject;
    CertificateDer::pem_slice_iter(pem)
        .filter_map(std::result::Result::ok)
        .collect()
}

/// `sslmode=prefer`/`require`: the connection is encrypted and the server's signatures in
/// the handshake are checked, but not who issued its certificate — as libpq does.
#[derive(Debug)]
struct EncryptOnly(Arc<CryptoProvider>);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libpq_options_become_what_the_client_understands() {
        let (url, tls) = split_options("postgres://a@db/lotse");
        assert_eq!(url, "postgres://a@db/lotse");
        assert_eq!((tls.encrypt, tls.verify), (true, false));

        let (url, tls) = split_options(
            "postgres://a@db/lotse?sslmode=verify-full&sslrootcert=%2Fetc%2Fkrz-ca.pem&connect_timeout=5",
        );
        assert_eq!(
            url,
            "postgres://a@db/lotse?sslmode=require&connect_timeout=5"
        );
        assert!(tls.verify);
        assert_eq!(tls.root_cert.as_deref(), Some("/etc/krz-ca.pem"));

        let (url, tls) = split_options("postgres://a@db/lotse?sslmode=disable");
        assert_eq!(url, "postgres://a@db/lotse?sslmode=disable");
        assert!(!tls.encrypt);
    }

    #[test]
    fn both_connectors_can_be_made() {
        for verify in [false, true] {
            let tls = Tls {
                encrypt: true,
                verify,
                root_cert: None,
            };
            assert!(connector(&tls).is_ok());
        }
    }
}
