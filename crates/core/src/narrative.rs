//! The consultant's own words for the report: a management summary, key
//! messages, conclusions, next steps, and a comment per clause group (4 to
//! 10). Each part is plain text with a small markdown subset: paragraphs,
//! bulleted and numbered lists, **bold** and *italic* ([`rich`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{Field, ValidationError};
use crate::Catalogue;

/// Longest part, in characters: room for a long summary, never a pasted
/// document.
pub const MAX_PART_CHARS: usize = 100_000;

/// One part of the narrative, by its key: "summary", "key_messages",
/// "conclusions", "next_steps", or "clause:4" … "clause:10".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Summary,
    KeyMessages,
    Conclusions,
    NextSteps,
    /// The comment on a clause group, by the clause's id ("4" … "10").
    Clause(String),
}

impl Part {
    /// The fixed parts, in the order the consultant writes them.
    pub const FIXED: [Part; 4] = [
        Part::Summary,
        Part::KeyMessages,
        Part::Conclusions,
        Part::NextSteps,
    ];

    pub fn key(&self) -> String {
        match self {
            Part::Summary => "summary".to_owned(),
            Part::KeyMessages => "key_messages".to_owned(),
            Part::Conclusions => "conclusions".to_owned(),
            Part::NextSteps => "next_steps".to_owned(),
            Part::Clause(id) => format!("clause:{id}"),
        }
    }

    /// The part a key names, checked against the catalogue: a clause
    /// comment belongs to a top-level clause (a clause group).
    pub fn parse(key: &str, catalogue: &Catalogue) -> Result<Part, ValidationError> {
        let part = match key {
            "summary" => Part::Summary,
            "key_messages" => Part::KeyMessages,
            "conclusions" => Part::Conclusions,
            "next_steps" => Part::NextSteps,
            other => match other.strip_prefix("clause:") {
                Some(id) if catalogue.clause(id).is_some_and(|c| c.parent.is_none()) => {
                    Part::Clause(id.to_owned())
                }
                _ => {
                    return Err(ValidationError::UnknownNarrativePart {
                        key: key.to_owned(),
                    })
                }
            },
        };
        Ok(part)
    }

    /// What the consultant sees it called.
    pub fn label(&self) -> String {
        match self {
            Part::Summary => "Management summary".to_owned(),
            Part::KeyMessages => "Key messages".to_owned(),
            Part::Conclusions => "Conclusions".to_owned(),
            Part::NextSteps => "Next steps".to_owned(),
            Part::Clause(id) => format!("Comment on clause {id}"),
        }
    }
}

/// A clause group's comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClauseComment {
    /// A top-level clause, "4" … "10".
    pub clause_id: String,
    pub text: String,
}

/// Everything the consultant wrote for the report of one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Narrative {
    #[serde(default)]
    pub summary: String,
    /// One message per list item or line.
    #[serde(default)]
    pub key_messages: String,
    #[serde(default)]
    pub conclusions: String,
    #[serde(default)]
    pub next_steps: String,
    /// In clause order; groups without a comment are left out.
    #[serde(default)]
    pub clause_comments: Vec<ClauseComment>,
}

impl Narrative {
    pub fn text(&self, part: &Part) -> &str {
        match part {
            Part::Summary => &self.summary,
            Part::KeyMessages => &self.key_messages,
            Part::Conclusions => &self.conclusions,
            Part::NextSteps => &self.next_steps,
            Part::Clause(id) => self
                .clause_comments
                .iter()
                .find(|c| &c.clause_id == id)
                .map_or("", |c| c.text.as_str()),
        }
    }

    /// Whether nothing is written at all.
    pub fn is_empty(&self) -> bool {
        Part::FIXED.iter().all(|p| self.text(p).trim().is_empty())
            && self
                .clause_comments
                .iter()
                .all(|c| c.text.trim().is_empty())
    }

    /// The comment on a clause group, if any was written.
    pub fn clause_comment(&self, clause_id: &str) -> Option<&str> {
        let text = self.text(&Part::Clause(clause_id.to_owned())).trim();
        (!text.is_empty()).then_some(text)
    }

    /// Every written part with its key, for storing.
    pub fn parts(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Part::FIXED
            .iter()
            .map(|p| (p.key(), self.text(p).to_owned()))
            .collect();
        out.extend(
            self.clause_comments
                .iter()
                .map(|c| (Part::Clause(c.clause_id.clone()).key(), c.text.clone())),
        );
        out.retain(|(_, t)| !t.trim().is_empty());
        out
    }

    /// Sets one part (an empty text removes a clause comment); clause
    /// comments stay in clause order.
    pub fn set(&mut self, part: &Part, text: String, catalogue: &Catalogue) {
        match part {
            Part::Summary => self.summary = text,
            Part::KeyMessages => self.key_messages = text,
            Part::Conclusions => self.conclusions = text,
            Part::NextSteps => self.next_steps = text,
            Part::Clause(id) => {
                self.clause_comments.retain(|c| &c.clause_id != id);
                if !text.trim().is_empty() {
                    self.clause_comments.push(ClauseComment {
                        clause_id: id.clone(),
                        text,
                    });
                }
                let order = |id: &str| {
                    catalogue
                        .clauses
                        .iter()
                        .position(|c| c.id == id)
                        .unwrap_or(usize::MAX)
                };
                self.clause_comments.sort_by_key(|c| order(&c.clause_id));
            }
        }
    }
}

/// A part's text as the consultant typed it, checked: line endings made
/// uniform, trimmed at the ends, at most [`MAX_PART_CHARS`] characters, no
/// control or invisible characters.
pub fn validated_text(text: &str) -> Result<String, ValidationError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    crate::validation::optional_text(Field::Narrative, &text)
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// A block of the consultant's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RichBlock {
    Paragraph(Vec<Inline>),
    /// A list; numbered when `ordered`, each item one paragraph.
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// The consultant's text as blocks: paragraphs (a blank line between them;
/// a single line break stays a line break), lists ("- " or "* ", "1. "),
/// **bold**, *italic*. Everything else markdown has (headings, links,
/// code, HTML) is printed as the text it is.
pub fn rich(text: &str) -> Vec<RichBlock> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    let mut blocks = Vec::new();
    let mut inlines: Vec<Inline> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let (mut bold, mut italic) = (0u32, 0u32);
    let push_text = |inlines: &mut Vec<Inline>, text: &str, bold: u32, italic: u32| {
        let (b, i) = (bold > 0, italic > 0);
        match inlines.last_mut() {
            Some(last) if last.bold == b && last.italic == i => last.text.push_str(text),
            _ => inlines.push(Inline {
                text: text.to_owned(),
                bold: b,
                italic: i,
            }),
        }
    };
    let flush = |inlines: &mut Vec<Inline>,
                 list: &mut Option<(bool, Vec<Vec<Inline>>)>,
                 blocks: &mut Vec<RichBlock>| {
        let done: Vec<Inline> = std::mem::take(inlines);
        if done.iter().all(|i| i.text.trim().is_empty()) {
            return;
        }
        match list {
            Some((_, items)) => match items.last_mut() {
                Some(item) if !item.is_empty() => {
                    item.push(Inline {
                        text: "\n".to_owned(),
                        bold: false,
                        italic: false,
                    });
                    item.extend(done);
                }
                Some(item) => item.extend(done),
                None => items.push(done),
            },
            None => blocks.push(RichBlock::Paragraph(done)),
        }
    };
    for event in Parser::new_ext(text, Options::empty()) {
        match event {
            Event::Start(Tag::List(start)) => {
                flush(&mut inlines, &mut list, &mut blocks);
                if list.is_none() {
                    list = Some((start.is_some(), Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut inlines, &mut list, &mut blocks);
                // Nested lists are flattened into the outer one.
                if let Some((ordered, items)) = list.take() {
                    let items: Vec<Vec<Inline>> =
                        items.into_iter().filter(|i| !i.is_empty()).collect();
                    if !items.is_empty() {
                        blocks.push(RichBlock::List { ordered, items });
                    }
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut inlines, &mut list, &mut blocks);
                if let Some((_, items)) = &mut list {
                    items.push(Vec::new());
                }
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::Paragraph) => {
                flush(&mut inlines, &mut list, &mut blocks);
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => {}
            Event::End(TagEnd::Heading(_)) => flush(&mut inlines, &mut list, &mut blocks),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push_text(&mut inlines, &t, bold, italic);
            }
            Event::SoftBreak | Event::HardBreak => push_text(&mut inlines, "\n", bold, italic),
            Event::Rule => flush(&mut inlines, &mut list, &mut blocks),
            _ => {}
        }
    }
    flush(&mut inlines, &mut list, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Inline {
        Inline {
            text: text.to_owned(),
            bold: false,
            italic: false,
        }
    }

    #[test]
    fn the_markdown_subset_becomes_paragraphs_lists_and_styles() {
        let blocks = rich(
            "The SMS is **well founded** but *not yet* audited.\nSecond line.\n\n\
             - Internal audit first\n- Then **management review**\n\n\
             1. Plan\n2. Do\n\n# Not a heading\n\nЛогистика 物流 🙂",
        );
        assert_eq!(
            blocks[0],
            RichBlock::Paragraph(vec![
                plain("The SMS is "),
                Inline {
                    text: "well founded".into(),
                    bold: true,
                    italic: false
                },
                plain(" but "),
                Inline {
                    text: "not yet".into(),
                    bold: false,
                    italic: true
                },
                plain(" audited.\nSecond line."),
            ])
        );
        assert_eq!(
            blocks[1],
            RichBlock::List {
                ordered: false,
                items: vec![
                    vec![plain("Internal audit first")],
                    vec![
                        plain("Then "),
                        Inline {
                            text: "management review".into(),
                            bold: true,
                            italic: false
                        }
                    ],
                ]
            }
        );
        assert_eq!(
            blocks[2],
            RichBlock::List {
                ordered: true,
                items: vec![vec![plain("Plan")], vec![plain("Do")]]
            }
        );
        assert_eq!(
            blocks[3],
            RichBlock::Paragraph(vec![plain("Not a heading")])
        );
        assert_eq!(
            blocks[4],
            RichBlock::Paragraph(vec![plain("Логистика 物流 🙂")])
        );
        assert!(rich("   \n\n ").is_empty());
    }

    #[test]
    fn parts_are_checked_and_texts_limited() {
        let cat = Catalogue::builtin();
        assert_eq!(Part::parse("summary", cat).unwrap(), Part::Summary);
        assert_eq!(
            Part::parse("clause:9", cat).unwrap(),
            Part::Clause("9".into())
        );
        assert!(Part::parse("clause:9.2", cat).is_err());
        assert!(Part::parse("clause:99", cat).is_err());
        assert!(Part::parse("preface", cat).is_err());
        assert_eq!(validated_text(" a\r\nb  \n\n").unwrap(), "a\nb");
        assert!(validated_text(&"x".repeat(MAX_PART_CHARS + 1)).is_err());
        assert!(validated_text(&"x".repeat(MAX_PART_CHARS)).is_ok());
        assert!(validated_text("bell\u{7}").is_err());

        let mut n = Narrative::default();
        assert!(n.is_empty());
        n.set(&Part::Clause("9".into()), "Audit".into(), cat);
        n.set(&Part::Clause("4".into()), "Context".into(), cat);
        n.set(&Part::Summary, "Summary".into(), cat);
        assert_eq!(
            n.clause_comments
                .iter()
                .map(|c| c.clause_id.as_str())
                .collect::<Vec<_>>(),
            ["4", "9"]
        );
        assert_eq!(n.clause_comment("9"), Some("Audit"));
        assert_eq!(n.parts().len(), 3);
        n.set(&Part::Clause("9".into()), String::new(), cat);
        assert_eq!(n.clause_comment("9"), None);
    }
}
