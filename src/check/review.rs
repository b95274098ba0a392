//! What a review of the process holds: a file named after its year, and someone to see
//! each agreed improvement through. Unique ids are [`super::ids`]'s, references to staff
//! [`super::references`]'s.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::review::{ImprovementStatus, Review};

pub fn check(review: &Review, path: &str, out: &mut Vec<Diagnostic>) {
    if review.year.is_none() {
        let name = path.rsplit('/').next().unwrap_or(path);
        out.push(
            Diagnostic::new(
                Code::NotAYear,
                review.file,
                None,
                format!("`{name}` is not named after a year; reviews live at reviews/<year>.toml"),
            )
            .with_hint("name the file after the plan year it reviews, such as reviews/2017.toml"),
        );
    }
    for improvement in &review.improvements {
        if *improvement.status.get_ref() == ImprovementStatus::Agreed && improvement.owner.is_none()
        {
            out.push(
                Diagnostic::new(
                    Code::ImprovementWithoutOwner,
                    review.file,
                    Some(improvement.status.span()),
                    format!(
                        "improvement `{}` is agreed, but nobody owns it",
                        improvement.id.get_ref()
                    ),
                )
                .with_hint("add `owner = \"<staff id>\"`: whoever sees it through before next year's plans"),
            );
        }
    }
}
