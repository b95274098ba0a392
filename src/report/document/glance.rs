//! "At a glance": the headline figures the Head of Department reads first, gathered from
//! the plan and the department's earlier plans: spend and its change, each usage measure
//! with its change and its trend over every year the repository holds, the LibQual+
//! dimensions below the minimum, last year's actions and this year's. Only figures that
//! were entered are here: nothing is counted as zero for being missing.

use std::collections::BTreeMap;

use serde::Serialize;

use super::figures;
use crate::model::{ActionStatus, Plan};

#[derive(Debug, Clone, Serialize)]
pub struct Glance {
    /// `£140,750`; `null` while no investment is entered.
    pub investment_total_text: Option<String>,
    /// The change on the previous plan's total: `+£3,200 (+2.3%)`; `null` unless both
    /// plans have investment figures.
    pub investment_change_text: Option<String>,
    /// The year the change is measured against.
    pub investment_previous_year: Option<i64>,
    pub usage: Vec<UsageGlance>,
    /// `LibQual+ 2016`, when the scores name their survey.
    pub libqual_survey: Option<String>,
    /// Whether LibQual+ scores were entered at all.
    pub libqual_entered: bool,
    /// The dimensions below the minimum acceptable score, worst first.
    pub libqual_below_minimum: Vec<LibQualGlance>,
    /// This year's actions.
    pub actions: usize,
    pub quick_wins: usize,
    /// Whether any figure (investment, usage or LibQual+) was entered.
    pub has_figures: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct UsageGlance {
    pub measure: String,
    pub value_text: String,
    /// `+31.5%` against the previous figure; `-` changes keep their sign.
    pub change_text: Option<String>,
    /// The measure's figure in every year the department's plans hold, oldest first.
    pub trend: Vec<TrendPoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub year: i64,
    pub value: f64,
    pub value_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LibQualGlance {
    pub dimension: String,
    /// `-0.40`.
    pub adequacy_gap_text: String,
}

/// The glance at `plan`, with `history` the department's other plans (any order; those
/// after `plan` are ignored) and `previous` the one its figures are compared with.
pub fn build(plan: &Plan, history: &[&Plan], previous: Option<&Plan>, currency: &str) -> Glance {
    let context = &plan.context;
    let year = *plan.year.get_ref();
    let total = (!context.investment.is_empty())
        .then(|| context.investment.iter().map(|i| i.amount).sum::<f64>());
    let previous_total = previous
        .filter(|p| !p.context.investment.is_empty())
        .map(|p| p.context.investment.iter().map(|i| i.amount).sum::<f64>());
    let investment_change_text = total.zip(previous_total).map(|(now, before)| {
        let change = now - before;
        let sign = if change > 0.0 { "+" } else { "" };
        let amount = format!("{sign}{}", figures::money(change, currency));
        if before == 0.0 {
            amount
        } else {
            format!(
                "{amount} ({})",
                figures::percent(change / before.abs() * 100.0)
            )
        }
    });
    let mut below: Vec<_> = context
        .libqual
        .iter()
        .filter(|l| l.adequacy_gap() < -0.005)
        .collect();
    below.sort_by(|a, b| a.adequacy_gap().total_cmp(&b.adequacy_gap()));
    let earlier: Vec<&Plan> = history
        .iter()
        .copied()
        .filter(|p| *p.year.get_ref() < year)
        .collect();
    Glance {
        investment_total_text: total.map(|t| figures::money(t, currency)),
        investment_change_text,
        investment_previous_year: previous_total.and(previous).map(|p| *p.year.get_ref()),
        usage: context
            .usage
            .iter()
            .map(|u| UsageGlance {
                measure: u.measure.clone(),
                value_text: figures::number(u.value),
                change_text: u
                    .previous
                    .filter(|p| *p != 0.0)
                    .map(|p| figures::percent((u.value - p) / p.abs() * 100.0)),
                trend: trend(&u.measure, plan, &earlier),
            })
            .collect(),
        libqual_survey: super::surveys(&context.libqual),
        libqual_entered: !context.libqual.is_empty(),
        libqual_below_minimum: below
            .into_iter()
            .map(|l| LibQualGlance {
                dimension: l.dimension.clone(),
                adequacy_gap_text: figures::gap(l.adequacy_gap()),
            })
            .collect(),
        actions: plan.actions.len(),
        quick_wins: plan
            .actions
            .iter()
            .filter(|a| a.quick_win && a.current_status() != ActionStatus::Dropped)
            .count(),
        has_figures: !(context.investment.is_empty()
            && context.usage.is_empty()
            && context.libqual.is_empty()),
    }
}

/// A usage measure's figure by year: each plan's own, and a plan's `previous` for the year
/// before it when no plan of that year gives the measure. Measures match by name, case and
/// spacing aside.
fn trend(measure: &str, plan: &Plan, earlier: &[&Plan]) -> Vec<TrendPoint> {
    let key = fold(measure);
    let mut own: BTreeMap<i64, f64> = BTreeMap::new();
    let mut before: BTreeMap<i64, f64> = BTreeMap::new();
    for p in earlier.iter().copied().chain([plan]) {
        let year = *p.year.get_ref();
        for u in p.context.usage.iter().filter(|u| fold(&u.measure) == key) {
            own.insert(year, u.value);
            if let Some(previous) = u.previous {
                before.insert(year - 1, previous);
            }
        }
    }
    for (year, value) in before {
        own.entry(year).or_insert(value);
    }
    own.into_iter()
        .map(|(year, value)| TrendPoint {
            year,
            value,
            value_text: figures::number(value),
        })
        .collect()
}

fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
