//! The fast TOML path against the `toml` crate: whenever the fast path accepts a text, the
//! `toml` crate must accept it too and build the same tree (keys, values and spans). Checked
//! on every TOML file in the repository, on hand-picked corners of the format, and on
//! generated and mangled documents.

use std::fs;
use std::path::{Path, PathBuf};

use aplan::model::tree::{parse_fast, parse_with_toml};
use proptest::prelude::*;
use walkdir::WalkDir;

/// Whether the fast path took `text`; fails when it built a tree the `toml` crate does not.
fn agree(text: &str) -> bool {
    let Some(fast) = parse_fast(text) else {
        return false;
    };
    match parse_with_toml(text) {
        Ok(reference) => {
            assert!(
                fast == reference,
                "the trees differ for:\n{text}\nfast: {fast:#?}\ntoml: {reference:#?}"
            );
            assert_eq!(fast.span(), reference.span());
        }
        Err(error) => panic!("the fast path accepted what toml refuses ({error}):\n{text}"),
    }
    true
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect()
}

/// The bundled plans, `aplan.toml` and the test repository are exactly what the fast path
/// is for: none of them may fall back, with either kind of line ending.
#[test]
fn bundled_plans_take_the_fast_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = toml_files(&root.join("plans"));
    files.push(root.join("aplan.toml"));
    files.extend(toml_files(&root.join("tests/fixtures/base")));
    assert!(files.len() > 20);
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            agree(&text),
            "{} fell back to the toml crate",
            path.display()
        );
        // As saved by an editor on Windows.
        let crlf = text.replace('\n', "\r\n");
        assert!(agree(&crlf), "{} with \\r\\n fell back", path.display());
        let bom = format!("\u{feff}{crlf}");
        assert!(agree(&bom), "{} with a BOM fell back", path.display());
    }
}

/// Every fixture, broken ones included, parses the same either way.
#[test]
fn every_fixture_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut fast = 0;
    let files = toml_files(&root.join("tests/fixtures"));
    for path in &files {
        if let Ok(text) = fs::read_to_string(path) {
            fast += usize::from(agree(&text));
        }
    }
    assert!(
        fast > files.len() / 2,
        "{fast} of {} took the fast path",
        files.len()
    );
}

/// Corners of the format, each with whether the fast path is expected to take it.
#[test]
fn corners_of_the_format() {
    let cases: &[(&str, bool)] = &[
        ("", true),
        ("# only a comment", true),
        ("a = 1\r\nb = 2\r\n", true),
        ("a=1", true),
        ("a = -0", true),
        ("a = 0.5\nb = -2.5e-3\nc = 1E6\nd = 1e+2", true),
        ("a = 01", false),
        ("a = 0e5\nb = -0.0\nc = 0.0", true),
        (
            "a = \"next line \u{85} is not a control for TOML\" # nor \u{85} here",
            true,
        ),
        ("a = 1.", false),
        ("a = .5", false),
        ("a = +1", false),
        ("a = 1_000", false),
        ("a = 0x1f", false),
        ("a = inf", false),
        ("a = nan", false),
        ("a = 99999999999999999999", true),
        ("a = true\nb = false", true),
        ("a = tru", false),
        ("d = 2016-02-29", true),
        ("d = 2017-02-29", false),
        ("d = 2000-02-29\ne = 1900-02-28", true),
        ("d = 2017-13-01", false),
        ("d = 0000-01-01\ne = 0000-02-29\nf = 9999-12-31", true),
        ("d = 2017-01-00", false),
        ("d = 2017-1-01", false),
        ("d = 2017-03-14 # the meeting", true),
        ("d = 2017-03-14 07:30:00", false),
        ("d = 2017-03-14T07:30:00Z", false),
        ("d = 07:30:00", false),
        (r#"s = "plain""#, true),
        (r#"s = "tab	inside""#, true),
        (r#"s = "esc \" \\ \n \t \b \f \r \u00e9 \U0001F600""#, true),
        (r#"s = "bad \q""#, false),
        (r#"s = "bad \uD800""#, false),
        (r#"s = "short \u12""#, false),
        (r#"s = "\e and \x41""#, false),
        ("s = \"unterminated", false),
        ("s = \"line\nbreak\"", false),
        ("s = \"bell \u{7}\"", false),
        ("s = \"del \u{7f}\"", false),
        ("s = 'literal \\ no escapes'", true),
        ("s = 'unterminated", false),
        ("s = \"\"\"\nfirst\nsecond\n\"\"\"", true),
        ("s = \"\"\"no newline first\"\"\"", true),
        ("s = \"\"\"one quote at the end\"\"\"\"", true),
        ("s = \"\"\"two quotes\"\"\"\"\"", true),
        ("s = \"\"\"three quotes\"\"\"\"\"\"", false),
        ("s = \"\"\"with \"quotes\" and \"\" pairs\"\"\"", true),
        ("s = \"\"\"\\\n   joined \\\n\n  lines\"\"\"", true),
        ("s = \"\"\"escapes \\t \\\" \\u00e9\"\"\"", true),
        ("s = \"\"\"backslash then blank \\  \n next\"\"\"", true),
        ("s = \"\"\"bad \\  x\"\"\"", false),
        ("s = \"\"\"\r\ncrlf\r\nlines\r\n\"\"\"", true),
        ("s = '''\r\ncrlf\r\n'''\r\nt = 1", true),
        ("s = \"\"\"a \\\r\n  \r\n  b\"\"\"", true),
        ("s = \"\"\"lone \r return\"\"\"", false),
        ("s = \"\"\"a \\\r  b\"\"\"", false),
        ("s = '''\nliteral \\ text\n'''", true),
        ("s = '''ends in quotes'''''", true),
        ("s = \"\"\"unterminated", false),
        ("a = [1, 2, 3]", true),
        ("a = [ ]\nb = []", true),
        ("a = [\n  1, # one\n  2,\n]", true),
        ("a = [1 2]", false),
        ("a = [,]", false),
        ("a = [[1, 2], [\"x\"], []]", true),
        ("a = [1, \"mixed\", 2017-01-01, {b = 1}]", true),
        ("t = { a = 1, b = \"x\", c = { d = [] } }", true),
        ("t = {}", true),
        ("t = { a = 1, }", false),
        ("t = { a = 1,\n b = 2 }", false),
        ("t = { a = 1, a = 2 }", false),
        ("t = { a.b = 1 }", false),
        ("a.b = 1", false),
        ("a = 1\na = 2", false),
        ("\"quoted key\" = 1\n'literal key' = 2\n\"\" = 3", true),
        ("\"esc\\tkey\" = 1\n\"esc\\u00e9\" = 2", true),
        ("bare-key_9 = 1", true),
        ("é = 1", false),
        ("a = 1 b = 2", false),
        ("= 1", false),
        ("a =", false),
        ("a = 1 # comment", true),
        ("a = 1 # comment with \u{7} bell", false),
        ("a = 1 # comment with ✓ mark", true),
        ("\u{feff}a = 1\n[t]\nb = \"x\"", true),
        ("a = 1\n\u{feff}b = 2", false),
        ("a = 1\r", false),
        ("[t]\na = 1\n[u]\nb = 2", true),
        ("[ t . u ]\na = 1", true),
        ("[\"quoted\".'header']\na = 1", true),
        ("[t]\n[t]", false),
        ("[t]\na = 1\n[t.a]", false),
        ("[t.u]\na = 1\n[t]\nb = 2", true),
        ("[t.u]\n[t]\n[t]", false),
        ("[t.u]\n[t.u]", false),
        ("[[t]]\na = 1\n[[t]]\na = 2", true),
        ("[[t]]\n[t.u]\na = 1\n[[t]]\n[t.u]\nb = 2", true),
        ("[[t.u]]\n[t]\na = 1", true),
        ("[t]\n[[t]]", false),
        ("[[t]]\n[t]", false),
        ("t = []\n[[t]]", false),
        ("t = [{a = 1}]\n[t.b]", false),
        ("t = {a = 1}\n[t.b]", false),
        ("t = 1\n[t.b]", false),
        (
            "[[actions]]\nid = \"a\"\n[[actions.updates]]\nnote = \"x\"\n[[actions.updates]]\nnote = \"y\"\n[[actions]]\nid = \"b\"",
            true,
        ),
        ("[t] # header comment\na = 1", true),
        ("[t] a = 1", false),
        ("[ [t]]", false),
        ("[[t] ]", false),
        ("[t", false),
        ("[]", false),
        ("[t.]", false),
    ];
    for (text, fast) in cases {
        assert_eq!(agree(text), *fast, "fast path for:\n{text}");
    }
}

/// Deep nesting is left to the toml crate, which reports it.
#[test]
fn deep_nesting_falls_back() {
    for depth in [30, 40, 100] {
        let arrays = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
        let tables = format!("a = {}1{}", "{b = ".repeat(depth), "}".repeat(depth));
        let header = format!("[a{}]", ".b".repeat(depth));
        for text in [arrays, tables, header] {
            assert_eq!(agree(&text), depth < 32, "depth {depth}");
        }
    }
}

/// A table of more keys than the fast path indexes by hand falls back, and still agrees.
#[test]
fn wide_tables_fall_back() {
    let wide: String = (0..100).map(|i| format!("k{i} = {i}\n")).collect();
    assert!(!agree(&wide));
    assert!(parse_with_toml(&wide).is_ok());
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
    "[ \"t\" ]",
    "[t",
    "[[t]",
    "a = 1",
    "a = -7",
    "b = 0.25",
    "b = 1e3",
    "c = \"text\"",
    "c = \"esc \\\" \\u00e9\"",
    "c = 'lit'",
    "d = 2017-03-14",
    "d = 2017-02-30",
    "d = 2017-03-14 10:00:00",
    "e = true",
    "f = [1, 2]",
    "f = [\n1,\n2,\n]",
    "g = { x = 1, y = \"z\" }",
    "g = { x = 1, }",
    "h = \"\"\"\nmulti\nline\n\"\"\"",
    "h = '''\nraw\n'''",
    "h = \"\"\"\r\nwindows \\\r\n  joined\"\"\"",
    "h = \"\"\"quote at the end\"\"\"\"",
    "\"k\\u0061\" = 1",
    "'k a' = 2",
    "\u{feff}bom = 1",
    "i.j = 1",
    "t = 1",
    "u = { }",
    "v = [ { w = 1 }, { w = 2 } ]",
    "# comment",
    "",
    "   ",
    "k = 01",
    "k = 1_0",
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
                "a", "\u{7}", "é", "\"\"\"",
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
