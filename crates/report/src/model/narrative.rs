//! The consultant's own words: the management summary (their summary and
//! key messages), conclusions and next steps, and the comment on each
//! clause group, printed as written (paragraphs, lists, bold, italic).

use clausewise_core::narrative::{rich, Inline, RichBlock};

use super::Ctx;
use crate::layout::{Block, Span};
use clausewise_core::tr;

/// The consultant's runs of text, each set on exactly where it was typed.
fn spans(inlines: &[Inline]) -> Vec<Span> {
    inlines
        .iter()
        .map(|i| {
            let span = if i.bold {
                Span::bold(&i.text)
            } else {
                Span::plain(&i.text)
            };
            let span = if i.italic { span.italic() } else { span };
            span.glued()
        })
        .collect()
}

/// The consultant's text as report blocks.
pub(super) fn written(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for block in rich(text) {
        match block {
            RichBlock::Paragraph(inlines) => out.push(Block::spans(spans(&inlines))),
            RichBlock::List { ordered, items } => {
                for (n, item) in items.iter().enumerate() {
                    out.push(Block::ListItem {
                        marker: if ordered {
                            format!("{}.", n + 1)
                        } else {
                            "•".to_owned()
                        },
                        spans: spans(item),
                    });
                }
                out.push(Block::Spacer(4.0));
            }
        }
    }
    out
}

/// Key messages: one per line (list markers typed or not), each a bullet.
fn messages(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = text
        .lines()
        .map(str::trim)
        .map(|l| {
            l.strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .or_else(|| l.strip_prefix("• "))
                .or_else(|| {
                    let digits = l.find(|c: char| !c.is_ascii_digit())?;
                    (digits > 0)
                        .then(|| l[digits..].strip_prefix(". "))
                        .flatten()
                })
                .unwrap_or(l)
                .trim()
        })
        .filter(|l| !l.is_empty())
        .map(|l| {
            let inlines: Vec<Inline> = rich(l)
                .into_iter()
                .flat_map(|b| match b {
                    RichBlock::Paragraph(i) => i,
                    RichBlock::List { items, .. } => items.into_iter().flatten().collect(),
                })
                .collect();
            Block::ListItem {
                marker: "•".to_owned(),
                spans: spans(&inlines),
            }
        })
        .collect();
    if !out.is_empty() {
        out.push(Block::Spacer(4.0));
    }
    out
}

impl Ctx<'_> {
    /// Whether the consultant wrote anything for this section.
    pub(super) fn key_messages_written(&self) -> bool {
        self.input
            .narrative
            .is_some_and(|n| !n.summary.trim().is_empty() || !n.key_messages.trim().is_empty())
    }

    pub(super) fn conclusions_written(&self) -> bool {
        self.input
            .narrative
            .is_some_and(|n| !n.conclusions.trim().is_empty() || !n.next_steps.trim().is_empty())
    }

    pub(super) fn key_messages(&self) -> Vec<Block> {
        let Some(n) = self.input.narrative else {
            return Vec::new();
        };
        let mut out = written(&n.summary);
        let list = messages(&n.key_messages);
        if !list.is_empty() {
            if !out.is_empty() {
                out.push(Block::h2(tr!(self.lang, "narrative-key-messages")));
            }
            out.extend(list);
        }
        out
    }

    pub(super) fn conclusions(&self) -> Vec<Block> {
        let Some(n) = self.input.narrative else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if !n.conclusions.trim().is_empty() {
            out.push(Block::h2(tr!(self.lang, "narrative-conclusions")));
            out.extend(written(&n.conclusions));
        }
        if !n.next_steps.trim().is_empty() {
            out.push(Block::h2(tr!(self.lang, "narrative-next-steps")));
            out.extend(written(&n.next_steps));
        }
        out
    }

    /// The consultant's comments on the clause groups, each under the
    /// clause's number and title.
    pub(super) fn clause_comments(&self) -> Vec<Block> {
        let Some(n) = self.input.narrative else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for c in &n.clause_comments {
            if c.text.trim().is_empty() {
                continue;
            }
            if out.is_empty() {
                out.push(Block::h2(tr!(self.lang, "narrative-comments-by-clause")));
            }
            out.push(Block::h3(format!(
                "{} {}",
                c.clause_id,
                self.clause_title(&c.clause_id)
            )));
            out.extend(written(&c.text));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_messages_become_list_items() {
        let blocks = written("Intro **bold** and *slanted*.\n\n1. One\n2. Two");
        assert!(matches!(&blocks[0], Block::Paragraph { spans, .. } if spans.len() == 5));
        assert!(matches!(&blocks[2], Block::ListItem { marker, .. } if marker == "2."));
        let m = messages("- First\n\n2. Second\nThird **one**");
        let texts: Vec<String> = m
            .iter()
            .filter_map(|b| match b {
                Block::ListItem { spans, .. } => {
                    Some(spans.iter().map(|s| s.text.as_str()).collect())
                }
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["First", "Second", "Third one"]);
    }
}
