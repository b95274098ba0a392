//! Text from plans made safe to print where a terminal or a CI log reads it; see
//! [`crate::sanitize::terminal`].

pub use crate::sanitize::terminal as clean;
