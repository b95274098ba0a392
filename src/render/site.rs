//! The pages of `aplan site` from the same templates and environment as `aplan render`:
//! each page is a `site-*.html` template, a plan page is `site-plan.html`, which extends
//! the meeting document's `plan.html` with the site's navigation and stylesheet, and the
//! one stylesheet is `site.css`. The charts are drawn by [`super::svg`].

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use super::{Renderer, TemplateError, svg};
use crate::report::site::Site;

/// The stylesheet every page links to.
pub const STYLESHEET: &str = "style.css";

/// One file of the site.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file's name in the output folder.
    pub file: String,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Stylesheet,
    Index,
    Timeline,
    Workload,
    Themes,
    Actions,
    Review,
    Activity,
    /// The plan at this position of [`Site::plans`].
    Plan(usize),
}

/// The site's report pages, in the order of its navigation.
const SECTIONS: &[(Kind, &str, &str)] = &[
    (Kind::Index, "index.html", "Overview"),
    (Kind::Timeline, "timeline.html", "Timeline"),
    (Kind::Workload, "workload.html", "Workload"),
    (Kind::Themes, "themes.html", "Themes"),
    (Kind::Actions, "actions.html", "Actions"),
    (Kind::Review, "review.html", "Review"),
    (Kind::Activity, "activity.html", "Activity"),
];

/// A link of the site's navigation.
#[derive(Debug, Serialize)]
struct NavLink {
    href: &'static str,
    label: &'static str,
    current: bool,
}

/// What every page shows of the site.
#[derive(Debug, Serialize)]
struct SiteInfo<'a> {
    library: &'a str,
    year: i64,
    today_text: String,
    stylesheet: &'static str,
}

/// Every file of the site: the stylesheet, the report pages, then the plans.
pub fn pages(site: &Site<'_>) -> Vec<Page> {
    let mut pages = vec![Page {
        file: STYLESHEET.to_owned(),
        kind: Kind::Stylesheet,
    }];
    pages.extend(SECTIONS.iter().map(|(kind, file, _)| Page {
        file: (*file).to_owned(),
        kind: *kind,
    }));
    pages.extend(site.plans.iter().enumerate().map(|(i, plan)| Page {
        file: plan.file.clone(),
        kind: Kind::Plan(i),
    }));
    pages
}

impl Renderer {
    /// One file of the site.
    pub fn site_page(&self, site: &Site<'_>, page: &Page) -> Result<String, TemplateError> {
        let info = SiteInfo {
            library: &site.library,
            year: site.year,
            today_text: site.overview.today_text.clone(),
            stylesheet: STYLESHEET,
        };
        let nav: Vec<NavLink> = SECTIONS
            .iter()
            .map(|(kind, href, label)| NavLink {
                href,
                label,
                current: *kind == page.kind,
            })
            .collect();
        let common = context! { site => Serde(&info), nav => Serde(&nav) };
        let data = match page.kind {
            Kind::Stylesheet => return self.render("site.css", common),
            Kind::Plan(i) => {
                let document = site.document(&site.plans[i]);
                let recent = site.recent_interactions(&site.plans[i]);
                let years = site.plans_across_years(&site.plans[i]);
                let common = context! {
                    recent_interactions => Serde(&recent),
                    plans_across_years => Serde(&years),
                    ..common
                };
                let ctx = context! { ..common, ..self.plan_context(&document)? };
                return self.render("site-plan.html", ctx);
            }
            Kind::Index => context! { page => Serde(&site.overview) },
            Kind::Timeline => context! {
                page => Serde(&site.timeline),
                chart => svg::timeline_strip(&site.timeline, site.year, site.today)
                    .map(Value::from_safe_string),
            },
            Kind::Workload => context! {
                page => Serde(&site.workload),
                chart => Value::from_safe_string(svg::workload_chart(&site.workload)),
            },
            Kind::Themes => context! { page => Serde(&site.themes) },
            Kind::Actions => context! { page => Serde(&site.actions) },
            Kind::Review => context! { page => Serde(&site.review) },
            Kind::Activity => context! {
                page => Serde(&site.activity),
                chart => Value::from_safe_string(svg::activity_heat_map(&site.activity)),
            },
        };
        let template = format!("site-{}", page.file);
        self.render(&template, context! { ..common, ..data })
    }
}
