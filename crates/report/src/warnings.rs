//! What the consultant is told about characters the report could not
//! print as typed.

use std::collections::BTreeSet;

use clausewise_core::text::{count, plural};

use crate::fonts::{self, REPLACEMENT};

/// The warnings for the characters no font printed: those of scripts that
/// need shaping, and the rest.
pub(crate) fn of(missing: &BTreeSet<char>) -> Vec<String> {
    let mut warnings = Vec::new();
    let (shaped, plain): (Vec<char>, Vec<char>) =
        missing.iter().partition(|&&c| fonts::needs_shaping(c));
    if !plain.is_empty() {
        warnings.push(unprintable_warning(&plain));
    }
    if !shaped.is_empty() {
        warnings.push(shaping_warning(&shaped));
    }
    warnings
}

/// "2 different characters (for example 服务) are …": characters no font
/// has.
fn unprintable_warning(chars: &[char]) -> String {
    let n = chars.len() as u64;
    let sample: String = chars.iter().take(12).collect();
    format!(
        "{} (for example {sample}) {} neither in the report's typeface, which covers Latin, \
         Greek and Cyrillic scripts, nor in any font installed on this computer; {} printed \
         as {REPLACEMENT}. Installing a font for that script (for example Noto Sans CJK for \
         Chinese, Japanese and Korean) and exporting again prints {}.",
        count(n, "character", "different characters"),
        plural(n, "is", "are"),
        plural(n, "it is", "they are"),
        plural(n, "it", "them"),
    )
}

/// Characters of scripts the report cannot set: letters that join or
/// change shape with their neighbours, or that are written from right to
/// left, would come out wrong, so they are replaced (see
/// [`fonts::needs_shaping`]).
fn shaping_warning(chars: &[char]) -> String {
    let n = chars.len() as u64;
    let sample: String = chars.iter().take(12).collect();
    format!(
        "{} (for example {sample}) {} to scripts that are written from right to left or whose \
         letters join or change order (such as Arabic, Hebrew, Devanagari or Khmer), which the \
         report cannot set yet; {} printed as {REPLACEMENT}.",
        count(n, "character", "different characters"),
        plural(n, "belongs", "belong"),
        plural(n, "it is", "they are"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_count_one_character_or_several() {
        assert_eq!(
            shaping_warning(&['ש']),
            "1 character (for example ש) belongs to scripts that are written from right to left \
             or whose letters join or change order (such as Arabic, Hebrew, Devanagari or \
             Khmer), which the report cannot set yet; it is printed as \u{FFFD}."
        );
        assert!(shaping_warning(&['ש', 'ب'])
            .starts_with("2 different characters (for example שب) belong to scripts"));
        assert!(shaping_warning(&['ש', 'ب']).ends_with("; they are printed as \u{FFFD}."));
        let one = unprintable_warning(&['服']);
        assert!(
            one.starts_with("1 character (for example 服) is neither in"),
            "{one}"
        );
        assert!(one.contains("; it is printed as \u{FFFD}."), "{one}");
        assert!(one.ends_with("exporting again prints it."), "{one}");
        let two = unprintable_warning(&['服', '务']);
        assert!(two.starts_with("2 different characters (for example 服务) are neither in"));
        assert!(two.ends_with("exporting again prints them."), "{two}");
    }
}
