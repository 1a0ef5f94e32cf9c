//! Encryption to the PostgreSQL server, against a real server that speaks TLS only: the
//! `sslmode` of the URL is honoured as libpq does (issue 13, point 1).
//!
//! The test makes a certificate authority and a server certificate for 127.0.0.1 with the
//! `openssl` command, starts a throwaway server of its own whose `pg_hba.conf` lets TCP
//! connections in only when encrypted (`hostssl`, and `hostnossl … reject`), and opens it
//! as the app and the command line do (`Database::open` with a URL). Without PostgreSQL it
//! says that it was skipped; `.ci/run` installs PostgreSQL and openssl.

#[path = "common/pg.rs"]
mod pg;

use std::path::{Path, PathBuf};
use std::process::Command;

use lotse::i18n::{self, Lang, t};
use lotse::service::Database;

/// Runs `openssl` with `args` in `dir`, panicking with its output when it fails.
fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command (apt-get install openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A certificate authority named `name` in `dir`: `NAME.key`, `NAME.crt`.
fn authority(dir: &Path, name: &str) {
    let (key, crt, subject) = (
        format!("{name}.key"),
        format!("{name}.crt"),
        format!("/CN=Lotse test authority {name}"),
    );
    openssl(
        dir,
        &[
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", &key, "-out",
            &crt, "-subj", &subject,
        ],
    );
}

/// The server's key and a certificate for 127.0.0.1 signed by authority `ca`.
fn server_certificate(dir: &Path, ca: &str) -> (Vec<u8>, Vec<u8>) {
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    let (ca_crt, ca_key) = (format!("{ca}.crt"), format!("{ca}.key"));
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            &ca_crt,
            "-CAkey",
            &ca_key,
            "-CAcreateserial",
            "-days",
            "2",
            "-out",
            "server.crt",
            "-extfile",
            "server.ext",
        ],
    );
    (
        std::fs::read(dir.join("server.key")).unwrap(),
        std::fs::read(dir.join("server.crt")).unwrap(),
    )
}

/// Over TCP only encrypted connections; the socket in the folder stays open.
const TLS_ONLY: &str = "local all all trust\n\
                        hostssl all all 127.0.0.1/32 trust\n\
                        hostnossl all all 127.0.0.1/32 reject\n";

#[test]
fn the_sslmode_of_the_url_is_honoured_by_a_server_that_speaks_tls_only() {
    i18n::set_thread_language(Lang::De);
    if !pg::can_start_own() {
        pg::skipped();
        return;
    }
    let certs = tempfile::tempdir().unwrap();
    authority(certs.path(), "krz");
    authority(certs.path(), "fremd");
    let (key, crt) = server_certificate(certs.path(), "krz");
    let Some(server) = pg::start_server(&pg::Setup {
        files: &[("server.key", &key), ("server.crt", &crt)],
        hba: Some(TLS_ONLY),
        options: "-c ssl=on",
    }) else {
        return;
    };
    let url = |query: &str| PathBuf::from(format!("{}?{query}", server.url));
    let root = |name: &str| {
        certs
            .path()
            .join(format!("{name}.crt"))
            .display()
            .to_string()
    };

    // Encrypted without checking the certificate (libpq's `require`, and `prefer`, the
    // default): the server lets these in only because they are encrypted.
    for query in ["sslmode=require", "sslmode=prefer"] {
        let db = Database::open(&url(query)).unwrap_or_else(|e| panic!("{query}: {e}"));
        assert!(db.is_server());
        drop(db);
    }
    Database::open(&PathBuf::from(server.url.clone())).expect("no sslmode: prefer");

    // Checked against the authority that signed it: in.
    let trusted = format!("sslmode=verify-full&sslrootcert={}", root("krz"));
    Database::open(&url(&trusted)).expect("verify-full with the right authority");

    // Checked against another authority, or the system's: refused, in a sentence that
    // says what to do.
    let foreign = format!("sslmode=verify-full&sslrootcert={}", root("fremd"));
    for query in [foreign.as_str(), "sslmode=verify-full", "sslmode=verify-ca"] {
        let error = Database::open(&url(query))
            .err()
            .unwrap_or_else(|| panic!("{query} must not trust an unknown authority"));
        assert_eq!(error.user_message(), t("error-server-tls"), "{query}");
    }

    // In the clear: the server refuses it, and the message says so without SQL detail.
    let error = Database::open(&url("sslmode=disable"))
        .err()
        .expect("the server accepts encrypted connections only");
    assert_eq!(error.user_message(), t("error-server-login"));
}
