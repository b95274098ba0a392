//! Where aplan reads and writes: templates only from the templates folder, rendered files
//! only inside `--out`, every write through the one atomic writer, and nothing over the
//! network.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{aplan, repo_with};

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/write.rs` is the only code that writes files, so every write is atomic.
#[test]
fn only_the_atomic_writer_writes_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let writes = [
        "fs::write",
        "File::create",
        "OpenOptions",
        "fs::rename",
        "fs::copy",
        "create_dir",
        "remove_file",
        "set_permissions",
    ];
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("src/write.rs")) {
        let text = fs::read_to_string(file).unwrap();
        for call in writes.iter().filter(|w| text.contains(*w)) {
            found.push(format!("{} uses {call}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "write through write::write_atomic: {found:#?}"
    );
}

/// Nothing in aplan can open a connection: no networking in the code, and no crate that
/// makes requests in the dependency tree.
#[test]
fn nothing_reaches_the_network() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    source_files(&root.join("src"), &mut files);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for network in ["std::net", "TcpStream", "UdpSocket", "tokio"] {
            assert!(!text.contains(network), "{} uses {network}", file.display());
        }
    }
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    for client in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "socket2",
        "mio",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{client}\"")),
            "{client} is in Cargo.lock"
        );
    }
}

/// The rendered HTML fetches nothing: no element loads a resource and the style sheet
/// imports none.
#[test]
fn rendered_html_loads_nothing() {
    let repo = repo_with(None);
    let output = aplan(repo.path())
        .args(["render", "history/2017", "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    for fetch in [
        "src=", "url(", "@import", "<link", "<script", "srcset", "<iframe",
    ] {
        assert!(!html.contains(fetch), "the HTML has {fetch}");
    }
    assert!(
        html.contains("default-src 'none'"),
        "no Content-Security-Policy"
    );
}

fn render_with_template(repo: &Path, template: &str) -> std::process::Output {
    fs::create_dir_all(repo.join("templates")).unwrap();
    fs::write(repo.join("templates/plan.md"), template).unwrap();
    aplan(repo)
        .args(["render", "history/2017", "--format", "md"])
        .output()
        .unwrap()
}

#[test]
fn a_template_cannot_include_a_file_outside_the_templates() {
    let repo = repo_with(None);
    fs::write(repo.path().join("secret.md"), "the secret").unwrap();
    for name in [
        "../secret.md",
        "../aplan.toml",
        "/etc/passwd",
        "templates/../../secret.md",
    ] {
        let output = render_with_template(
            repo.path(),
            &format!("{{{{ title }}}}\n{{% include \"{name}\" %}}\n"),
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains("templates/plan.md"), "{name}: {stderr}");
        assert!(stderr.contains("not found"), "{name}: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_template_linked_from_outside_the_folder_is_refused() {
    let repo = repo_with(None);
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("plan.md"),
        "{{ title }} from elsewhere\n",
    )
    .unwrap();
    fs::create_dir(repo.path().join("templates")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("plan.md"),
        repo.path().join("templates/plan.md"),
    )
    .unwrap();
    let output = aplan(repo.path())
        .args(["render", "history/2017"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("templates/plan.md is a symbolic link to a file outside its folder"),
        "{stderr}"
    );
    // A link between two templates in the folder is fine.
    fs::remove_file(repo.path().join("templates/plan.md")).unwrap();
    fs::write(repo.path().join("templates/mine.md"), "{{ title }} here\n").unwrap();
    std::os::unix::fs::symlink("mine.md", repo.path().join("templates/plan.md")).unwrap();
    let output = aplan(repo.path())
        .args(["render", "history/2017"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).ends_with(" here\n"));
}

/// Every file `--out` writes is inside the folder, whatever a plan's department or file
/// name says, and a link planted in the folder is replaced, not followed.
#[test]
fn out_never_writes_outside_its_folder() {
    let repo = repo_with(None);
    let plan = repo.path().join("plans/2017/history.toml");
    let text = fs::read_to_string(&plan).unwrap().replace(
        "department = \"history\"",
        "department = \"../../../escaped\"",
    );
    fs::write(&plan, text).unwrap();
    fs::write(
        repo.path().join("plans/2017/evil..\\x.toml"),
        "department = \"../x\"\nyear = 2017\nstatus = \"draft\"\n",
    )
    .unwrap();
    let out = repo.path().join("site/out");
    fs::create_dir_all(&out).unwrap();
    let victim = repo.path().join("victim.html");
    fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, out.join("2017-chemistry.html")).unwrap();
    let output = aplan(repo.path())
        .args([
            "render", "--year", "2017", "--format", "html", "--out", "site/out", "--force",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    let mut written: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "2017-chemistry.html",
            "2017-evil---x.html",
            "2017-history.html",
            "index.html"
        ]
    );
    assert!(
        !fs::symlink_metadata(out.join("2017-chemistry.html"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let mut everything = Vec::new();
    list(repo.path(), &mut everything);
    let outside: Vec<&String> = everything
        .iter()
        .filter(|p| p.contains("escaped") || p.ends_with("/x.html"))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
}

fn list(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        out.push(entry.path().display().to_string());
        if entry.file_type().unwrap().is_dir() {
            list(&entry.path(), out);
        }
    }
}
