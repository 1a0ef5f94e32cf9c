//! The check page `pruefen.html`: its script, taken out of the page Lotse writes, runs in
//! `node` (WebCrypto's Ed25519, as in a browser) on a genuine payload, a tampered one, one
//! signed by another database's key, a revoked one and a tampered revocation list.
//! Without `node` the test says so and passes.

mod common;

use common::{city, d, issue, signed_payload};
use lotse::service::certificates;
use lotse::service::certificates::signing;
use serde_json::{Value, json};

/// The page's script and `harness` after it, run by node; its stdout as JSON.
fn run_in_node(page: &str, harness: &str) -> Option<Value> {
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("note: node is not installed; the check page's script is not run");
        return None;
    }
    let start = page.find("<script>").expect("a script") + "<script>".len();
    let end = page.find("</script>").expect("its end");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.js");
    std::fs::write(&file, format!("{}\n{harness}", &page[start..end])).unwrap();
    let out = std::process::Command::new("node")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn the_check_page_tells_genuine_from_tampered_foreign_and_revoked() {
    let mut c = city(3, 3);
    let issued = issue(&mut c, &[0, 1]);
    certificates::revoke(&mut c.store, issued[1].id, d("2026-11-21"), "Irrtum").unwrap();
    let page = signing::verify_page(&mut c.store).unwrap();
    // Self-contained: nothing loaded from elsewhere, the texts in both languages.
    for outside in ["http://", "https://", "src=", "href=", "<link", "@import"] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert!(!page.contains("__LOTSE_"), "every placeholder replaced");
    assert!(page.contains("Urkunde prüfen"));
    assert!(page.contains("Check a certificate"));

    let (list, _) = signing::revocation_list(&mut c.store).unwrap();
    let genuine = signed_payload(&c, &issued[0].serial);
    let revoked = signed_payload(&c, &issued[1].serial);
    // The name changed, the signature kept.
    let parts: Vec<&str> = genuine.split('.').collect();
    let b64 = data_encoding::BASE64URL_NOPAD;
    let body = String::from_utf8(b64.decode(parts[1].as_bytes()).unwrap()).unwrap();
    let forged = body.replace("Weiß0", "Weiß9");
    assert_ne!(forged, body);
    let tampered = format!("LOTSE1.{}.{}", b64.encode(forged.as_bytes()), parts[2]);
    // A byte of the signature changed.
    let mut flipped = genuine.clone().into_bytes();
    let at = flipped.len() - 4;
    flipped[at] = if flipped[at] == b'Q' { b'R' } else { b'Q' };
    let flipped = String::from_utf8(flipped).unwrap();
    let mut other = city(1, 1);
    let theirs = issue(&mut other, &[0]);
    let foreign = signed_payload(&other, &theirs[0].serial);
    let tampered_list = list.replace(&issued[1].serial, "DL-2026-0099");

    let inputs = json!({
        "genuine": genuine,
        "tampered": tampered,
        "flipped": flipped,
        "foreign": foreign,
        "revoked": revoked,
        "list": list,
        "tamperedList": tampered_list,
        "garbage": "LOTSE:DL-2026-0001:K7QM-3XHP-9TRD",
    });
    let harness = format!(
        r#"
const IN = {inputs};
(async () => {{
  const today = "2026-11-21";
  const out = {{ supported: await ed25519Supported(LOTSE_KEYS) }};
  out.genuine = await checkPayload(IN.genuine, LOTSE_KEYS, today, null);
  out.genuineView = describe(out.genuine, "de");
  out.genuineViewEn = describe(out.genuine, "en");
  out.expired = await checkPayload(IN.genuine, LOTSE_KEYS, "2028-11-22", null);
  out.tampered = await checkPayload(IN.tampered, LOTSE_KEYS, today, null);
  out.tamperedView = describe(out.tampered, "de");
  out.flipped = await checkPayload(IN.flipped, LOTSE_KEYS, today, null);
  out.foreign = await checkPayload(IN.foreign, LOTSE_KEYS, today, null);
  out.garbage = await checkPayload(IN.garbage, LOTSE_KEYS, today, null);
  const list = await checkRevocations(IN.list, LOTSE_KEYS);
  out.listLoaded = list !== null;
  out.revoked = await checkPayload(IN.revoked, LOTSE_KEYS, today, list);
  out.revokedView = describe(out.revoked, "de");
  out.notRevoked = await checkPayload(IN.genuine, LOTSE_KEYS, today, list);
  out.tamperedList = await checkRevocations(IN.tamperedList, LOTSE_KEYS);
  out.unsupportedView = describe({{ state: "unsupported" }}, "de");
  console.log(JSON.stringify(out));
}})().catch((e) => {{ console.error(e); process.exit(1); }});
"#
    );
    let Some(out) = run_in_node(&page, &harness) else {
        return;
    };
    assert_eq!(out["supported"], true, "node 20 has Ed25519 in WebCrypto");
    assert_eq!(out["genuine"]["state"], "genuine", "{out}");
    assert_eq!(out["genuine"]["expired"], false);
    assert_eq!(out["genuine"]["statement"]["s"], issued[0].serial.as_str());
    assert_eq!(out["genuine"]["statement"]["n"], "Jürgen Weiß0");
    let view = &out["genuineView"];
    assert_eq!(view["tone"], "good");
    assert_eq!(view["verdict"], "Echt – gültig");
    let rows = view["rows"].to_string();
    for shown in [
        "Jürgen Weiß0",
        "Digitallotse (DL)",
        "21.11.2026",
        "21.11.2028",
    ] {
        assert!(rows.contains(shown), "{shown} in {rows}");
    }
    assert_eq!(out["genuineViewEn"]["verdict"], "Genuine – valid");
    assert_eq!(out["expired"]["expired"], true);
    assert_eq!(out["tampered"]["state"], "tampered");
    assert_eq!(out["flipped"]["state"], "tampered");
    assert!(
        out["tamperedView"]["verdict"]
            .as_str()
            .unwrap()
            .starts_with("Nicht echt"),
        "{out}"
    );
    assert_eq!(out["foreign"]["state"], "unknown-key");
    assert_eq!(out["garbage"]["state"], "malformed");
    assert_eq!(out["listLoaded"], true);
    assert_eq!(out["revoked"]["state"], "genuine");
    assert_eq!(out["revoked"]["revokedOn"], "2026-11-21");
    assert_eq!(out["revokedView"]["tone"], "bad");
    assert_eq!(
        out["revokedView"]["verdict"],
        "Echt – widerrufen am 21.11.2026"
    );
    assert_eq!(out["notRevoked"]["revokedOn"], Value::Null);
    assert_eq!(out["tamperedList"], Value::Null);
    assert!(
        out["unsupportedView"]["verdict"]
            .as_str()
            .unwrap()
            .contains("Ed25519"),
        "{out}"
    );
}
