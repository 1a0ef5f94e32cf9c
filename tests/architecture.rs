//! The layers of ARCHITECTURE.md, checked on the source: a lower layer must not import a
//! higher one.
//!
//! - `store`, `model`, `rules`, `import`, `report`, `certificate`, `files`, `logging`,
//!   `i18n`, `text`, `error` must not use `crate::app`, `crate::cli` or `crate::service`;
//! - `service` must not use `crate::app` or `crate::cli`;
//! - `cli` must not use `crate::app` (`main.rs` chooses between app and command line);
//! - `app` must not use `crate::store` or `rusqlite`: it reads and writes through services.
//!   It holds the open database as a `service::Database`, which the worker owns and passes
//!   to service functions; it never reaches through it to the store underneath
//!   (`.store()`, `.store_mut()`) and opens no transaction (`.transact(`).
//!
//! The check reads `src/` as text: comments and string literals are blanked out, then every
//! `crate::x` path (also `use crate::{x, y::z}`) and every `rusqlite` name is looked at.

use std::path::{Path, PathBuf};

/// What `app` must not call on the database: the way to the store underneath, and writes
/// outside a service.
const APP_FORBIDDEN_CALLS: &[(&str, &str)] = &[
    (".store()", "reaches the store underneath the database"),
    (".store_mut()", "reaches the store underneath the database"),
    (
        ".transact(",
        "opens a transaction (writes belong in a service)",
    ),
];

/// The layers below the services: the domain, its rules, storage, files and formats.
const LOWER: &[&str] = &[
    "store",
    "model",
    "rules",
    "import",
    "report",
    "certificate",
    "files",
    "logging",
    "i18n",
    "text",
    "error",
];

/// The top-level modules a module of `layer` must not use.
fn forbidden(layer: &str) -> &'static [&'static str] {
    match layer {
        l if LOWER.contains(&l) => &["app", "cli", "service"],
        "service" => &["app", "cli"],
        "cli" => &["app"],
        "app" => &["store"],
        _ => &[],
    }
}

/// One use of another module: `crate::<module>` (or `rusqlite`) on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Use {
    module: String,
    line: usize,
}

#[test]
fn lower_layers_do_not_import_higher_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut broken = Vec::new();
    for path in rust_files(&root.join("src")) {
        let rel = relative(root, &path);
        let Some(layer) = layer_of(&rel) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let code = strip_comments_and_strings(&text);
        for u in crate_uses(&code) {
            if !forbidden(layer).contains(&u.module.as_str()) {
                continue;
            }
            broken.push(format!(
                "{rel}:{}: `{layer}` uses `crate::{}`",
                u.line, u.module
            ));
        }
        if layer == "app" {
            for line in rusqlite_lines(&code) {
                broken.push(format!("{rel}:{line}: `app` uses `rusqlite`"));
            }
            for (i, text) in code.lines().enumerate() {
                for (call, what) in APP_FORBIDDEN_CALLS {
                    if text.contains(call) {
                        broken.push(format!("{rel}:{}: `app` {what}", i + 1));
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layering broken (see ARCHITECTURE.md; the app reads and writes through services):\n{}",
        broken.join("\n")
    );
}

/// The checker itself: comments, strings and grouped imports.
#[test]
fn the_checker_sees_paths_in_code_only() {
    let code = strip_comments_and_strings(
        r##"
// use crate::app::Nope;
/* crate::cli:: /* nested crate::app */ still a comment */
/// Doc: see `crate::service::x`.
let s = "crate::app::in_a_string";
let r = r#"crate::app "quoted" "#;
let c = '"'; let l: &'static str = "x";
use crate::{model::Employee, service::{self, employees}};
fn f() { crate::store::Database::open(p); }
let conn: rusqlite::Connection;
"##,
    );
    let uses = crate_uses(&code);
    let modules: Vec<(&str, usize)> = uses.iter().map(|u| (u.module.as_str(), u.line)).collect();
    assert_eq!(
        modules,
        [("model", 8), ("service", 8), ("store", 9)],
        "{code}"
    );
    assert_eq!(rusqlite_lines(&code), [10]);
}

/// All `.rs` files under `dir`, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// `src/app/worker.rs` for a path under the crate root (with `/` on every platform).
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The top-level module a file belongs to: `src/store/x.rs` → `store`, `src/files.rs` →
/// `files`; `None` for the crate root and the binary.
fn layer_of(rel: &str) -> Option<&str> {
    let rest = rel.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then_some(name)
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The source with comments and the contents of string and char literals replaced by
/// spaces; line breaks stay where they were, so line numbers still hold.
fn strip_comments_and_strings(text: &str) -> String {
    let s: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < s.len() && s[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < s.len() {
                if s[i] == '/' && s.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.extend([' ', ' ']);
                    i += 2;
                } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.extend([' ', ' ']);
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(s[i]));
                    i += 1;
                }
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < s.len() && s[i] != '"' {
                if s[i] == '\\' && i + 1 < s.len() {
                    out.push(' ');
                    i += 1;
                }
                out.push(blank(s[i]));
                i += 1;
            }
            if i < s.len() {
                out.push('"');
                i += 1;
            }
        } else if c == '\'' {
            // A char literal ('x', '\n', '\''), else a lifetime ('a, 'static).
            let end = if next == Some('\\') {
                (i + 2..s.len()).find(|&j| s[j] == '\'' && j > i + 2)
            } else if s.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push('\'');
                    out.extend(std::iter::repeat_n(' ', end - i - 1));
                    out.push('\'');
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else if is_ident(c) && (i == 0 || !is_ident(s[i - 1])) {
            let start = i;
            while i < s.len() && is_ident(s[i]) {
                i += 1;
            }
            let word: String = s[start..i].iter().collect();
            out.extend(&s[start..i]);
            // Raw strings: r"…", r#"…"#, br##"…"##, cr"…".
            if matches!(word.as_str(), "r" | "br" | "cr")
                && matches!(s.get(i), Some('#') | Some('"'))
            {
                let hashes = s[i..].iter().take_while(|&&h| h == '#').count();
                if s.get(i + hashes) == Some(&'"') {
                    out.extend(std::iter::repeat_n('#', hashes));
                    out.push('"');
                    i += hashes + 1;
                    let closing: Vec<char> = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', hashes))
                        .collect();
                    while i < s.len() && !s[i..].starts_with(&closing) {
                        out.push(blank(s[i]));
                        i += 1;
                    }
                    if i < s.len() {
                        out.extend(&closing);
                        i += closing.len();
                    }
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// The 1-based line of a char offset.
fn line_at(s: &[char], at: usize) -> usize {
    s[..at].iter().filter(|&&c| c == '\n').count() + 1
}

fn skip_space(s: &[char], mut i: usize) -> usize {
    while i < s.len() && s[i].is_whitespace() {
        i += 1;
    }
    i
}

fn ident_at(s: &[char], i: usize) -> String {
    s[i..].iter().take_while(|&&c| is_ident(c)).collect()
}

/// Every `crate::x` in code that has been through [`strip_comments_and_strings`]: inline
/// paths, `use crate::x::…` and each top-level item of `use crate::{x, y::z}`.
fn crate_uses(code: &str) -> Vec<Use> {
    let s: Vec<char> = code.chars().collect();
    let mut uses = Vec::new();
    let mut i = 0;
    while i + 5 <= s.len() {
        let at_word = i == 0 || !is_ident(s[i - 1]);
        if !(at_word && s[i..].starts_with(&['c', 'r', 'a', 't', 'e']))
            || s.get(i + 5).copied().is_some_and(is_ident)
        {
            i += 1;
            continue;
        }
        let mut j = skip_space(&s, i + 5);
        if !s[j..].starts_with(&[':', ':']) {
            i += 5;
            continue;
        }
        j = skip_space(&s, j + 2);
        if s.get(j) == Some(&'{') {
            // A group: the first name of each top-level item.
            let mut depth = 0;
            let mut item_start = true;
            let mut k = j;
            while k < s.len() {
                match s[k] {
                    '{' => {
                        depth += 1;
                        item_start = depth == 1;
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if item_start && is_ident(c) => {
                        let name = ident_at(&s, k);
                        if name != "self" {
                            uses.push(Use {
                                module: name.clone(),
                                line: line_at(&s, k),
                            });
                        }
                        item_start = false;
                        k += name.chars().count();
                        continue;
                    }
                    _ => {}
                }
                k += 1;
            }
            i = k;
        } else {
            let name = ident_at(&s, j);
            if !name.is_empty() {
                uses.push(Use {
                    module: name,
                    line: line_at(&s, j),
                });
            }
            i = j;
        }
    }
    uses
}

/// The lines naming `rusqlite` in code that has been through [`strip_comments_and_strings`].
fn rusqlite_lines(code: &str) -> Vec<usize> {
    code.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.match_indices("rusqlite").any(|(at, _)| {
                let before = line[..at].chars().next_back();
                let after = line[at + "rusqlite".len()..].chars().next();
                !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
            })
        })
        .map(|(n, _)| n + 1)
        .collect()
}
