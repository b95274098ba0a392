//! `--format eml`: the digest as an RFC 5322 message that any mail client opens, with the
//! Markdown as its text part and the HTML page as its HTML part. Nothing is sent: the
//! message is marked unsent (`X-Unsent: 1`), so Outlook opens it ready to send, and other
//! clients open it to read, forward or edit as new.
//!
//! The message is the same, byte for byte, for the same files and day: its Date is
//! midnight (UTC) of the digest's last day, and its Message-ID and MIME boundary are made
//! from its content rather than the clock or a random number.

use std::hash::{DefaultHasher, Hash, Hasher};

use anyhow::Result;
use chrono::NaiveTime;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::{BodyPart, MimePart};

use crate::render::{Format, Renderer};
use crate::report::digest::Digest;

/// The host of the Message-ID when the sender has no e-mail address to take one from: a
/// name reserved never to exist (RFC 2606).
const NO_DOMAIN: &str = "aplan.invalid";

/// The message's bytes, lines ending in CRLF.
pub fn message(digest: &Digest, renderer: &Renderer) -> Result<Vec<u8>> {
    let text = renderer.digest(digest, Format::Markdown, false)?;
    let html = renderer.digest(digest, Format::Html, true)?;
    let fingerprint = fingerprint(&[&digest.subject, &text, &html]);
    let boundary = boundary(fingerprint, &[&text, &html]);
    let domain = digest
        .librarian
        .as_ref()
        .and_then(|l| l.email.as_deref())
        .and_then(|email| email.rsplit_once('@'))
        .map_or(NO_DOMAIN, |(_, domain)| domain);
    let message_id = format!(
        "aplan-digest.{}.{}.{fingerprint:016x}@{domain}",
        digest.department.id, digest.to
    );
    let date = digest.to.and_time(NaiveTime::MIN).and_utc().timestamp();

    let mut builder = MessageBuilder::new()
        .to(recipient(digest))
        .subject(digest.subject.as_str())
        .date(date)
        .message_id(message_id)
        .header("X-Unsent", Raw::new("1"));
    if let Some(librarian) = &digest.librarian
        && let Some(email) = &librarian.email
    {
        builder = builder.from(Address::new_address(
            Some(librarian.name.as_str()),
            email.as_str(),
        ));
    }
    let body = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary),
        BodyPart::Multipart(vec![
            MimePart::new("text/plain", text),
            MimePart::new("text/html", html),
        ]),
    );
    Ok(builder.body(body).write_to_vec()?)
}

/// The Library Rep with their address; without one, a group named after them (or after
/// the role) with no address in it, which a mail client shows for the sender to fill in.
fn recipient(digest: &Digest) -> Address<'_> {
    let rep = &digest.rep;
    match &rep.email {
        Some(email) => Address::new_address(rep.name.as_deref(), email.as_str()),
        None => Address::new_group(
            Some(rep.name.as_deref().unwrap_or("Library Representative")),
            Vec::new(),
        ),
    }
}

/// A number that changes whenever any of `parts` does; the same for the same parts on
/// every run of this build.
fn fingerprint(parts: &[&str]) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// A MIME boundary made from the fingerprint that none of the parts contains.
fn boundary(fingerprint: u64, parts: &[&str]) -> String {
    (0u32..)
        .map(|n| format!("=_aplan_{fingerprint:016x}_{n}"))
        .find(|b| !parts.iter().any(|part| part.contains(b.as_str())))
        .expect("some boundary is in no part")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A boundary that a part holds would end the part there.
    #[test]
    fn the_boundary_is_in_no_part() {
        let taken = "=_aplan_00000000000000ff_0";
        let chosen = boundary(0xff, &[taken]);
        assert_eq!(chosen, "=_aplan_00000000000000ff_1");
    }
}
