//! A firm's Word template (.docx or .dotx): its styles (fonts, colours,
//! heading and table styles) and its page setup are used for the Word
//! report. The styles part is taken as the template has it, so everything
//! Word stores there (latent styles, document defaults, linked character
//! styles) stays; the report's own styles the template lacks are added to
//! it from the built-in set.

use std::collections::BTreeSet;
use std::io::Read;

use super::{Page, PageMarginTw};

/// Largest template read (the styles of a real template are well below).
const MAX_TEMPLATE_BYTES: usize = 64 * 1024 * 1024;
const MAX_STYLES_XML: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("The template is not a Word document (.docx or .dotx): {0}.")]
    NotWord(String),
    #[error("The template has no styles to use. Save it from Word as a .docx or .dotx and choose it again.")]
    NoStyles,
    #[error("The template {0}.")]
    Unreadable(String),
    #[error("The template is larger than 64 MB; a template needs only its styles and page setup.")]
    TooLarge,
}

/// A template read and checked, ready to be applied.
#[derive(Debug, Clone)]
pub struct Template {
    styles_xml: String,
    ids: BTreeSet<String>,
    page: Option<Page>,
}

impl Template {
    pub fn read(bytes: &[u8]) -> Result<Template, TemplateError> {
        if bytes.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError::TooLarge);
        }
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| TemplateError::NotWord(e.to_string()))?;
        if zip.by_name("word/document.xml").is_err() {
            return Err(TemplateError::NotWord(
                "it has no Word document part".to_owned(),
            ));
        }
        let styles_xml = {
            let entry = zip
                .by_name("word/styles.xml")
                .map_err(|_| TemplateError::NoStyles)?;
            let mut s = String::new();
            entry
                .take(MAX_STYLES_XML)
                .read_to_string(&mut s)
                .map_err(|e| TemplateError::NotWord(format!("its styles cannot be read ({e})")))?;
            s
        };
        if !styles_xml.contains("</w:styles>") {
            return Err(TemplateError::NoStyles);
        }
        let ids = style_ids(&styles_xml);
        let page = docx_rs::read_docx(bytes)
            .ok()
            .and_then(|d| page_of(&d.document.section_property));
        Ok(Template {
            styles_xml,
            ids,
            page,
        })
    }

    /// The template's page size and margins, when it sets them.
    pub(crate) fn page(&self) -> Option<Page> {
        self.page
    }

    /// Whether the template defines the style with this id.
    pub fn has_style(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The template's styles part with the report's styles it lacks added
    /// from `ours` (a styles part as the writer built it), and the names of
    /// the standard styles it lacks.
    pub(crate) fn styles_with(&self, ours: &[u8]) -> (Vec<u8>, Vec<String>) {
        let ours = String::from_utf8_lossy(ours);
        let mut added = String::new();
        for style in style_elements(&ours) {
            if let Some(id) = attribute(style, "w:styleId") {
                if !self.ids.contains(id) {
                    added.push_str(style);
                }
            }
        }
        let missing = super::styles::STYLE_NAMES
            .iter()
            .filter(|(id, _, _)| !id.starts_with("Cw") && !self.ids.contains(*id))
            .map(|(_, name, _)| (*name).to_owned())
            .collect();
        let at = self
            .styles_xml
            .rfind("</w:styles>")
            .unwrap_or(self.styles_xml.len());
        let mut merged = String::with_capacity(self.styles_xml.len() + added.len());
        merged.push_str(&self.styles_xml[..at]);
        merged.push_str(&added);
        merged.push_str(&self.styles_xml[at..]);
        (merged.into_bytes(), missing)
    }
}

/// The built-in styles part without the bare "Normal" the writer always
/// puts first, so that the report's own "Normal" is the one Word uses.
pub(crate) fn without_bare_normal(styles: Vec<u8>) -> Vec<u8> {
    let xml = String::from_utf8_lossy(&styles).into_owned();
    let normals: Vec<&str> = style_elements(&xml)
        .into_iter()
        .filter(|s| attribute(s, "w:styleId") == Some("Normal"))
        .collect();
    if normals.len() < 2 {
        return styles;
    }
    let first = normals[0];
    // The element is a slice of `xml`: its offset locates it.
    let at = first.as_ptr() as usize - xml.as_ptr() as usize;
    let mut out = String::with_capacity(xml.len());
    out.push_str(&xml[..at]);
    out.push_str(&xml[at + first.len()..]);
    out.into_bytes()
}

/// The `<w:style …>…</w:style>` elements of a styles part.
fn style_elements(xml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:style ") {
        let tail = &rest[start..];
        let Some(open_end) = tail.find('>') else {
            break;
        };
        // A self-closed element ends with its opening tag.
        let len = if tail[..open_end].ends_with('/') {
            open_end + 1
        } else {
            match tail.find("</w:style>") {
                Some(end) => end + "</w:style>".len(),
                None => break,
            }
        };
        out.push(&tail[..len]);
        rest = &tail[len..];
    }
    out
}

fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let open = &element[..element.find('>')?];
    let at = open.find(&format!("{name}=\""))? + name.len() + 2;
    let len = open[at..].find('"')?;
    Some(&open[at..at + len])
}

fn style_ids(xml: &str) -> BTreeSet<String> {
    style_elements(xml)
        .into_iter()
        .filter_map(|s| attribute(s, "w:styleId"))
        .map(str::to_owned)
        .collect()
}

fn page_of(sp: &docx_rs::SectionProperty) -> Option<Page> {
    // The page size's fields are private; its serialised form has them.
    let size = serde_json::to_value(&sp.page_size).ok()?;
    let dim = |k: &str| size.get(k).and_then(serde_json::Value::as_u64);
    let (w, h) = (dim("w")?, dim("h")?);
    let sane = |v: u64| (4_000..=40_000).contains(&v);
    if !sane(w) || !sane(h) {
        return None;
    }
    let m = &sp.page_margin;
    let fits = |v: i32| (0..=8_000).contains(&v);
    if ![m.top, m.bottom, m.left, m.right, m.header, m.footer]
        .into_iter()
        .all(fits)
    {
        return None;
    }
    Some(Page {
        width: u32::try_from(w).ok()?,
        height: u32::try_from(h).ok()?,
        margin: PageMarginTw {
            top: m.top,
            bottom: m.bottom,
            left: m.left,
            right: m.right,
            header: m.header,
            footer: m.footer,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_elements_and_their_ids_are_found() {
        let xml = r#"<w:styles><w:docDefaults/><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:default="1" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="character" w:styleId="Empty"/></w:styles>"#;
        let ids: Vec<String> = style_ids(xml).into_iter().collect();
        assert_eq!(ids, ["Empty", "Heading1", "Normal"]);
        assert_eq!(
            attribute(style_elements(xml)[1], "w:type"),
            Some("paragraph")
        );
        assert!(Template::read(b"not a zip").is_err());
    }
}
