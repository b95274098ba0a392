//! aplan's tree builder against the `toml` crate's `DeTable`: both read `toml_parser`'s
//! events, and what is ours is how the events become tables (dotted keys, headers, arrays
//! of tables, inline tables, the tables they imply, and the rules on defining each once).
//! Whatever one accepts the other must accept with the same tree, and whatever one refuses
//! the other must refuse with the same message and span. Checked on every TOML file in the
//! repository, on corners of the format, and on generated and mangled documents.

#[path = "common/toml_tree.rs"]
mod toml_tree;

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use walkdir::WalkDir;

/// Whether `text` is TOML; fails when the two readings differ.
#[track_caller]
fn agree(text: &str) -> bool {
    toml_tree::agree(text).unwrap_or_else(|difference| panic!("{difference}\nfor:\n{text}"))
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some("target" | ".git")))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect()
}

/// Every TOML file of the repository (plans, settings, fixtures broken on purpose, the
/// manifests), as written, as saved by an editor on Windows, and with a byte-order mark.
#[test]
fn every_file_in_the_repository_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = toml_files(root);
    assert!(files.len() > 100, "{} files", files.len());
    let mut accepted = 0;
    for path in &files {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let lf = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let bom = format!("\u{feff}{crlf}");
        let read = agree(&lf);
        assert_eq!(agree(&text), read, "{} as it is", path.display());
        assert_eq!(agree(&crlf), read, "{} with \\r\\n", path.display());
        assert_eq!(agree(&bom), read, "{} with a BOM", path.display());
        accepted += usize::from(read);
    }
    assert!(
        accepted > files.len() * 9 / 10,
        "{accepted} of {}",
        files.len()
    );
}

/// The bundled plans and settings are TOML.
#[test]
fn bundled_plans_are_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = toml_files(&root.join("plans"));
    files.push(root.join("aplan.toml"));
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        assert!(agree(&text), "{}", path.display());
    }
}

/// Corners of the format, each with whether it is TOML.
#[test]
fn corners_of_the_format() {
    let cases: &[(&str, bool)] = &[
        ("", true),
        ("# only a comment", true),
        ("a = 1\r\nb = 2\r\n", true),
        ("a=1", true),
        ("a = 1\r", false),
        ("a = 1\rb = 2", false),
        ("\u{feff}a = 1\n[t]\nb = \"x\"", true),
        ("a = 1\n\u{feff}b = 2", false),
        ("a = 1 # comment with ✓ mark", true),
        ("a = 1 # comment with \u{7} bell", false),
        ("a = 1 b = 2", false),
        ("= 1", false),
        ("a =", false),
        ("a = = 1", false),
        ("a", false),
        // Integers in every radix, with underscores, signs and leading zeros.
        ("a = 0\nb = -0\nc = +0\nd = +17\ne = -17", true),
        ("a = 1_000\nb = 1_2_3\nc = -1_0", true),
        ("a = 1__0", false),
        ("a = _1", false),
        ("a = 1_", false),
        ("a = 01", false),
        (
            "a = 0x1f\nb = 0xDEAD_beef\nc = 0o755\nd = 0b1010_1010",
            true,
        ),
        ("a = 0X1f", false),
        ("a = -0x1f", false),
        // An integer without digits, which aplan then reports as not a number.
        ("a = 0x", true),
        ("a = 0o8", false),
        ("a = 0b2", false),
        ("a = 99999999999999999999", true),
        ("a = 0xffffffffffffffffffff", true),
        // Floats.
        ("a = 0.5\nb = -2.5e-3\nc = 1E6\nd = 1e+2\ne = +1.5", true),
        ("a = 1_000.000_1\nb = 6.626e-3_4", true),
        ("a = 0e5\nb = -0.0\nc = 0.0\nd = 0.0e0", true),
        (
            "a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan",
            true,
        ),
        ("a = 1.", false),
        ("a = .5", false),
        ("a = 1.e5", false),
        ("a = 1e", false),
        ("a = Inf", false),
        ("a = 00.5", false),
        // Booleans.
        ("a = true\nb = false", true),
        ("a = tru", false),
        ("a = True", false),
        // Dates, times and offsets.
        ("d = 2016-02-29\ne = 2000-02-29\nf = 1900-02-28", true),
        ("d = 0000-01-01\ne = 9999-12-31", true),
        ("d = 2017-02-29", false),
        ("d = 2017-13-01", false),
        ("d = 2017-01-00", false),
        ("d = 2017-1-01", false),
        ("d = 2017-03-14 # the meeting", true),
        ("d = 2017-03-14 07:30:00", true),
        ("d = 2017-03-14T07:30:00Z\ne = 2017-03-14t07:30:00z", true),
        (
            "d = 2017-03-14T07:30:00.123456+05:30\ne = 2017-03-14T07:30:00-08:00",
            true,
        ),
        ("d = 2017-03-14T07:30\ne = 07:30\nf = 07:30:00.5", true),
        ("d = 07:30:00", true),
        ("d = 24:00:00", false),
        ("d = 07:60:00", false),
        ("d = 2017-03-14T07:30:00+25:00", false),
        ("d = 2017-03-14 07:30:00 # two atoms", true),
        ("d = 2017-03-14T", false),
        // Strings and every escape.
        (r#"s = "plain""#, true),
        ("s = \"tab\tinside\"", true),
        (
            r#"s = "esc \" \\ \b \t \n \f \r \e \u00e9 \U0001F600 \x41""#,
            true,
        ),
        (r#"s = "bad \q""#, false),
        (r#"s = "bad \uD800""#, false),
        (r#"s = "short \u12""#, false),
        (r#"s = "beyond \U00110000""#, false),
        ("s = \"unterminated", false),
        ("s = \"line\nbreak\"", false),
        ("s = \"bell \u{7}\"", false),
        ("s = \"del \u{7f}\"", false),
        (
            "a = \"next line \u{85} is not a control for TOML\" # nor \u{85} here",
            true,
        ),
        ("s = 'literal \\ no escapes'", true),
        ("s = 'unterminated", false),
        ("s = \"\"\"\nfirst\nsecond\n\"\"\"", true),
        ("s = \"\"\"no newline first\"\"\"", true),
        ("s = \"\"\"one quote at the end\"\"\"\"", true),
        ("s = \"\"\"two quotes\"\"\"\"\"", true),
        ("s = \"\"\"three quotes\"\"\"\"\"\"", false),
        ("s = \"\"\"with \"quotes\" and \"\" pairs\"\"\"", true),
        ("s = \"\"\"\\\n   joined \\\n\n  lines\"\"\"", true),
        ("s = \"\"\"escapes \\t \\\" \\u00e9 \\e\"\"\"", true),
        ("s = \"\"\"backslash then blank \\  \n next\"\"\"", true),
        ("s = \"\"\"bad \\  x\"\"\"", false),
        ("s = \"\"\"\r\ncrlf\r\nlines\r\n\"\"\"", true),
        ("s = '''\r\ncrlf\r\n'''\r\nt = 1", true),
        ("s = \"\"\"a \\\r\n  \r\n  b\"\"\"", true),
        ("s = \"\"\"lone \r return\"\"\"", false),
        ("s = '''\nliteral \\ text\n'''", true),
        ("s = '''ends in quotes'''''", true),
        ("s = \"\"\"unterminated", false),
        // Keys.
        ("\"quoted key\" = 1\n'literal key' = 2\n\"\" = 3", true),
        ("\"esc\\tkey\" = 1\n\"esc\\u00e9\" = 2", true),
        ("bare-key_9 = 1\n1234 = 2\n-- = 3", true),
        ("é = 1", false),
        ("\"\"\"ml\"\"\" = 1", false),
        ("a = 1\na = 2", false),
        ("a = 1\n\"a\" = 2", false),
        ("a = 1\n'a' = 2", false),
        // Dotted keys and the tables they imply.
        ("a.b = 1\na.c = 2", true),
        ("a . b = 1\n\"a\".'c' = 2", true),
        ("3.14 = 1", true),
        ("a.b.c = 1\na.b.d = 2\na.e = 3", true),
        ("a.b = 1\na.b = 2", false),
        ("a.b = 1\na = 2", false),
        ("a = 1\na.b = 2", false),
        ("a.b = 1\na.b.c = 2", false),
        ("a = [1]\na.b = 2", false),
        ("a = {b = 1}\na.c = 2", false),
        ("a.b = {c = 1}\na.b.d = 2", false),
        ("a. = 1", false),
        (".a = 1", false),
        ("a..b = 1", false),
        ("a.b = 1\n[a]", false),
        ("a.b = 1\n[a.c]", true),
        ("a.b.c = 1\n[a.b.d]", true),
        ("[a.b.c]\n[a]\nb.d = 1", true),
        ("[a.b.c]\n[a]\nb.d = 1\n[a.b]", false),
        ("[a.b]\n[a]\nb.c = 1", false),
        ("[a]\nb.c = 1\n[a.b]", false),
        ("[a]\nb.c = 1\n[a.b.d]", true),
        ("[[t.a]]\n[t]\na.b.c = 1", true),
        ("[[t.a]]\n[t]\na.x = 1", false),
        // Headers.
        ("[t]\na = 1\n[u]\nb = 2", true),
        ("[ t . u ]\na = 1", true),
        ("[\"quoted\".'header']\na = 1", true),
        ("[t] # header comment\na = 1", true),
        ("[t]\n[t]", false),
        ("[t]\n['t']", false),
        ("[t]\na = 1\n[t.a]", false),
        ("[t.u]\na = 1\n[t]\nb = 2", true),
        ("[t.u]\n[t]\n[t]", false),
        ("[t.u]\n[t.u]", false),
        ("[t] a = 1", false),
        ("[ [t]]", false),
        ("[[t] ]", false),
        ("[t", false),
        ("[[t]", false),
        ("[t]]", false),
        ("[]", false),
        ("[t.]", false),
        ("[.t]", false),
        // Arrays of tables, and tables under them.
        ("[[t]]\na = 1\n[[t]]\na = 2", true),
        ("[[t]]\n[t.u]\na = 1\n[[t]]\n[t.u]\nb = 2", true),
        ("[[t.u]]\n[t]\na = 1", true),
        (
            "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a]]\n[[a.b]]\nx = 3",
            true,
        ),
        ("[[a]]\n[a.b]\n[[a.b.c]]\n[[a]]", true),
        ("[[a.b]]\n[[a]]", false),
        ("[[a.b]]\n[a]\n[[a]]", false),
        ("[t]\n[[t]]", false),
        ("[[t]]\n[t]", false),
        ("t = []\n[[t]]", false),
        ("t = [{a = 1}]\n[[t]]", false),
        ("t = [{a = 1}]\n[t.b]", false),
        ("t = {a = 1}\n[t.b]", false),
        ("t = {a = 1}\n[t]", false),
        ("t = 1\n[t.b]", false),
        ("[[t]]\nu = {}\n[t.u.v]", false),
        (
            "[[actions]]\nid = \"a\"\n[[actions.updates]]\nnote = \"x\"\n[[actions.updates]]\nnote = \"y\"\n[[actions]]\nid = \"b\"",
            true,
        ),
        // Arrays.
        ("a = [1, 2, 3]", true),
        ("a = [ ]\nb = []", true),
        ("a = [\n  1, # one\n  2,\n]", true),
        ("a = [1 2]", false),
        ("a = [,]", false),
        ("a = [1,,2]", false),
        ("a = [1", false),
        ("a = 1]", false),
        ("a = [[1, 2], [\"x\"], []]", true),
        ("a = [1, \"mixed\", 2017-01-01, {b = 1}, [true]]", true),
        // Inline tables.
        ("t = { a = 1, b = \"x\", c = { d = [] } }", true),
        ("t = {}", true),
        ("t = { a = 1, }", true),
        ("t = { a = 1,\n b = 2 }", true),
        ("t = {\n  a = 1, # one\n}", true),
        ("t = { a = 1, a = 2 }", false),
        ("t = { a.b = 1, a.c = 2 }", true),
        ("t = { a.b = 1, a = 2 }", false),
        ("t = { a = {b = 1}, a.c = 2 }", false),
        ("t = { a = [], a.b = 1 }", false),
        ("t = { a.b = 1, a.b.c = 2 }", false),
        ("t = { , }", false),
        ("t = { a }", false),
        ("t = { a = }", false),
        ("t = { a = 1 b = 2 }", false),
        ("t = { a = 1", false),
        ("t = a = 1 }", false),
    ];
    let wrong: Vec<&str> = cases
        .iter()
        .filter(|(text, toml)| agree(text) != *toml)
        .map(|(text, _)| *text)
        .collect();
    assert!(wrong.is_empty(), "these are not as expected: {wrong:#?}");
}

/// The order of a table's entries is the order they were written in: unknown keys are
/// reported in that order.
#[test]
fn entries_keep_their_order() {
    let text = "z = 1\n[m]\nb = 2\na = 3\n[a.c]\n[a]\nd = 4";
    let root = aplan::model::tree::parse(text).unwrap();
    let keys: Vec<&str> = root
        .get_ref()
        .iter()
        .map(|(k, _)| k.get_ref().as_ref())
        .collect();
    assert_eq!(keys, ["z", "m", "a"]);
    let m = root
        .get_ref()
        .get("m")
        .unwrap()
        .get_ref()
        .as_table()
        .unwrap();
    let keys: Vec<&str> = m.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
    assert_eq!(keys, ["b", "a"]);
}

/// The nesting limit of 80 is the `toml` crate's, for arrays, inline tables, dotted keys
/// and headers alike.
#[test]
fn nesting_is_limited_as_toml_limits_it() {
    for depth in [1, 40, 79, 80, 81, 200] {
        let texts = [
            format!("a = {}{}", "[".repeat(depth), "]".repeat(depth)),
            format!("a = {}1{}", "{b = ".repeat(depth), "}".repeat(depth)),
            format!("a = {}1{}", "[{b = ".repeat(depth), "}]".repeat(depth)),
            format!("a{} = 1", ".b".repeat(depth)),
            format!("[a{}]", ".b".repeat(depth)),
            format!("[[a{}]]", ".b".repeat(depth)),
            format!("a = {{ b{} = 1 }}", ".c".repeat(depth)),
        ];
        for text in texts {
            let read = agree(&text);
            if depth < 79 {
                assert!(read, "depth {depth}: {text}");
            }
            if depth > 80 {
                assert!(!read, "depth {depth}: {text}");
            }
        }
    }
}

/// A table of many keys is read like a small one.
#[test]
fn wide_tables_agree() {
    let wide: String = (0..1000).map(|i| format!("k{i} = {i}\n")).collect();
    assert!(agree(&wide));
    let headers: String = (0..300).map(|i| format!("[t.k{i}]\nv = {i}\n")).collect();
    assert!(agree(&headers));
    assert!(!agree(&format!("{wide}k999 = 0")));
}

/// Pieces of TOML, right and wrong, that documents are generated from.
const PIECES: &[&str] = &[
    "[t]",
    "[u]",
    "[t.u]",
    "[[t]]",
    "[[t.v]]",
    "[[a]]",
    "[a.b]",
    "[[a.b]]",
    "[a.b.c]",
    "[ \"t\" ]",
    "[t",
    "[[t]",
    "a = 1",
    "a = -7",
    "a = 0x1F",
    "a = 1_000",
    "b = 0.25",
    "b = 1e3",
    "b = nan",
    "c = \"text\"",
    "c = \"esc \\\" \\u00e9\"",
    "c = 'lit'",
    "d = 2017-03-14",
    "d = 2017-02-30",
    "d = 2017-03-14 10:00:00",
    "d = 10:00:00",
    "d = 1979-05-27T07:32:00-08:00",
    "e = true",
    "f = [1, 2]",
    "f = [\n1,\n2,\n]",
    "g = { x = 1, y = \"z\" }",
    "g = { x = 1, }",
    "g = { x.y = 1, x.z = 2 }",
    "h = \"\"\"\nmulti\nline\n\"\"\"",
    "h = '''\nraw\n'''",
    "h = \"\"\"\r\nwindows \\\r\n  joined\"\"\"",
    "h = \"\"\"quote at the end\"\"\"\"",
    "\"k\\u0061\" = 1",
    "'k a' = 2",
    "\u{feff}bom = 1",
    "i.j = 1",
    "i.k.l = 2",
    "a.b = 3",
    "b.c = 4",
    "t.w = 5",
    "t = 1",
    "u = { }",
    "v = [ { w = 1 }, { w = 2 } ]",
    "# comment",
    "",
    "   ",
    "k = 01",
    "k = 1__0",
    "l =",
    "\"q\" = 1",
];

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 0..16),
        prop::bool::ANY,
    )
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

/// A bundled plan, with either kind of line ending, with a few bytes changed, added or
/// taken away.
fn mangled_plan() -> impl Strategy<Value = String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plans: Vec<String> = toml_files(&root.join("plans"))
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let edit = (
        any::<prop::sample::Index>(),
        0..3usize,
        prop::sample::select(
            &[
                "\"", "'", "[", "]", "{", "}", ",", "=", ".", "\n", "\r", " ", "#", "\\", "-", "0",
                "a", "\u{7}", "é", "\"\"\"", "[[", "x.y", "_",
            ][..],
        ),
    );
    (
        prop::sample::select(plans),
        prop::bool::ANY,
        prop::collection::vec(edit, 1..4),
    )
        .prop_map(|(plan, crlf, edits)| {
            let mut text = if crlf {
                plan.replace('\n', "\r\n")
            } else {
                plan
            };
            for (at, remove, insert) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + remove).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, insert);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_agree(text in document()) {
        agree(&text);
    }

    #[test]
    fn mangled_plans_agree(text in mangled_plan()) {
        agree(&text);
    }
}
