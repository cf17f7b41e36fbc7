//! Counted words in generated sentences: "1 requirement", "2 requirements",
//! "0 requirements". English only needs the singular for exactly one.

/// `one` when `n` is 1, otherwise `many`: for a noun, or for a verb that
/// agrees with the count ("is"/"are", "meets"/"meet").
pub fn plural<'a>(n: impl Into<u64>, one: &'a str, many: &'a str) -> &'a str {
    if n.into() == 1 {
        one
    } else {
        many
    }
}

/// The count followed by its noun: "1 finding", "3 findings".
pub fn count(n: impl Into<u64> + Copy, one: &str, many: &str) -> String {
    format!("{} {}", n.into(), plural(n, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_zero_and_more_are_plural() {
        assert_eq!(count(0u32, "finding", "findings"), "0 findings");
        assert_eq!(count(1u32, "finding", "findings"), "1 finding");
        assert_eq!(count(2u32, "finding", "findings"), "2 findings");
        assert_eq!(plural(1u64, "is", "are"), "is");
        assert_eq!(plural(7u8, "is", "are"), "are");
    }
}
