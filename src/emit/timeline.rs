//! The timeline in each of its formats: `table` for a terminal, `json` for other tools,
//! `ics` for a calendar. Each writes the same [`DepartmentTimeline`] rows.

pub mod ics;
pub mod table;
