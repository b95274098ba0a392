//! A value read from a file, with the bytes it was written at.

use std::ops::Range;

use serde::{Serialize, Serializer};

/// A value with its byte span in the file it was read from, serialized as the value alone.
///
/// The model holds hundreds of these for every plan, so the span is kept in two 32-bit
/// offsets rather than a `Range<usize>`: files are at most [`crate::repo::MAX_FILE_SIZE`]
/// bytes, and a span past 4 GiB (which no file aplan reads can have) is cut at the limit.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    span: Span,
    value: T,
}

/// The bytes a table or value was written at, kept as [`Spanned`] keeps them.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    start: u32,
    end: u32,
}

/// An offset as the 32 bits a span keeps.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span {
            start: offset(range.start),
            end: offset(range.end),
        }
    }
}

impl<T> Spanned<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Spanned {
            span: span.into(),
            value,
        }
    }

    /// The bytes the value was written at.
    pub fn span(&self) -> Range<usize> {
        self.span.range()
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_kept_as_written() {
        let spanned = Spanned::new(3..17, "history".to_owned());
        assert_eq!(spanned.span(), 3..17);
        assert_eq!(spanned.get_ref(), "history");
    }

    #[test]
    fn a_span_past_four_gigabytes_is_cut_at_the_limit() {
        let far = u32::MAX as usize + 10;
        assert_eq!(Spanned::new(5..far, ()).span(), 5..u32::MAX as usize);
    }
}
