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
    /// The template's default header and footer, with their pictures.
    header: Option<Artwork>,
    footer: Option<Artwork>,
}

/// A header or footer part of the template: its XML and what it refers
/// to (pictures, with their content).
#[derive(Debug, Clone)]
pub(crate) struct Artwork {
    xml: String,
    rels: Vec<Rel>,
}

#[derive(Debug, Clone)]
struct Rel {
    id: String,
    kind: String,
    target: String,
    external: bool,
    /// The picture, for an image relationship inside the package.
    picture: Option<Vec<u8>>,
}

const IMAGE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Largest header or footer part or picture taken from a template.
const MAX_ARTWORK_BYTES: u64 = 16 * 1024 * 1024;

type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

fn read_part(zip: &mut Zip<'_>, name: &str) -> Option<Vec<u8>> {
    let entry = zip.by_name(name).ok()?;
    let mut buf = Vec::new();
    entry.take(MAX_ARTWORK_BYTES).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// The relationships of a part (`word/_rels/<name>.rels`), by id.
fn relationships(zip: &mut Zip<'_>, part: &str) -> Vec<(String, String, String, bool)> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let Some(bytes) = read_part(zip, &format!("{dir}/_rels/{file}.rels")) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let Ok(doc) = roxmltree::Document::parse(&text) else {
        return Vec::new();
    };
    doc.descendants()
        .filter(|n| n.has_tag_name((PKG_RELS, "Relationship")))
        .filter_map(|n| {
            Some((
                n.attribute("Id")?.to_owned(),
                n.attribute("Type")?.to_owned(),
                n.attribute("Target")?.to_owned(),
                n.attribute("TargetMode") == Some("External"),
            ))
        })
        .collect()
}

/// A target relative to the `word/` folder as a package path.
fn in_word(target: &str) -> String {
    let mut parts: Vec<&str> = vec!["word"];
    for piece in target.trim_start_matches('/').split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    if target.starts_with('/') {
        parts.remove(0);
    }
    parts.join("/")
}

/// The relationship id of the body section's default header or footer
/// (`kind` "header" or "footer"); a reference without a type is the
/// default one.
fn default_reference(doc: &roxmltree::Document<'_>, kind: &str) -> Option<String> {
    let sect = doc
        .descendants()
        .rfind(|n| n.has_tag_name((WML, "sectPr")))?;
    let tag = format!("{kind}Reference");
    sect.children()
        .find(|n| {
            n.has_tag_name((WML, tag.as_str()))
                && n.attribute((WML, "type")).unwrap_or("default") == "default"
        })?
        .attribute((OFFICE_RELS, "id"))
        .map(str::to_owned)
}

/// The template's default header and footer, its document part read once.
fn artworks(zip: &mut Zip<'_>) -> (Option<Artwork>, Option<Artwork>) {
    let Some(document) =
        read_part(zip, "word/document.xml").and_then(|b| String::from_utf8(b).ok())
    else {
        return (None, None);
    };
    let Ok(doc) = roxmltree::Document::parse(&document) else {
        return (None, None);
    };
    let rels = relationships(zip, "word/document.xml");
    let mut part = |kind: &str| {
        let rid = default_reference(&doc, kind)?;
        let (_, _, target, _) = rels.iter().find(|(id, ..)| *id == rid)?;
        artwork(zip, &in_word(target))
    };
    let header = part("header");
    let footer = part("footer");
    (header, footer)
}

/// A header or footer part of the template, with its pictures.
fn artwork(zip: &mut Zip<'_>, path: &str) -> Option<Artwork> {
    let xml = String::from_utf8(read_part(zip, path)?).ok()?;
    let rels = relationships(zip, path)
        .into_iter()
        .map(|(id, kind, target, external)| {
            let picture = (kind == IMAGE_REL && !external)
                .then(|| {
                    let base = path.rsplit_once('/').map_or("word", |(d, _)| d);
                    let full = if base == "word" {
                        in_word(&target)
                    } else {
                        format!("{base}/{target}")
                    };
                    read_part(zip, &full)
                })
                .flatten()
                .filter(|b| crate::is_png_or_jpeg(b));
            Rel {
                id,
                kind,
                target,
                external,
                picture,
            }
        })
        .collect();
    Some(Artwork { xml, rels })
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
        // The reader stops with a panic on some malformed parts; a template
        // it cannot read simply keeps the built-in page setup.
        let page = std::panic::catch_unwind(|| docx_rs::read_docx(bytes))
            .ok()
            .and_then(Result::ok)
            .and_then(|d| page_of(&d.document.section_property));
        let (header, footer) = artworks(&mut zip);
        Ok(Template {
            styles_xml,
            ids,
            page,
            header,
            footer,
        })
    }

    /// Puts the template's header and footer artwork around the report's
    /// running header and footer (`xml` as the writer built it). Returns
    /// what could not be carried over.
    pub(crate) fn apply_artwork(&self, xml: &mut docx_rs::XMLDocx) -> Vec<String> {
        let mut warnings = Vec::new();
        let document = String::from_utf8_lossy(&xml.document).into_owned();
        let doc_rels = String::from_utf8_lossy(&xml.document_rels).into_owned();
        for (kind, art) in [("header", &self.header), ("footer", &self.footer)] {
            let Some(art) = art else { continue };
            let Some(index) = default_part_index(&document, &doc_rels, kind) else {
                continue;
            };
            let (parts, rels) = if kind == "header" {
                (&mut xml.headers, &mut xml.header_rels)
            } else {
                (&mut xml.footers, &mut xml.footer_rels)
            };
            let Some(ours) = parts.get(index) else {
                continue;
            };
            let root = if kind == "header" { "w:hdr" } else { "w:ftr" };
            let Some(merged) = merge(&art.xml, &String::from_utf8_lossy(ours), root) else {
                warnings.push(format!(
                    "The template's {kind} could not be read, so the built-in one is used."
                ));
                continue;
            };
            let mut out =
                String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
            out.push_str(&format!("<Relationships xmlns=\"{PKG_RELS}\">"));
            let mut skipped = 0;
            for (n, rel) in art.rels.iter().enumerate() {
                let target = if rel.kind == IMAGE_REL && !rel.external {
                    match &rel.picture {
                        Some(bytes) => {
                            let name = format!("template-{kind}-{}", n + 1);
                            xml.media.push((name.clone(), bytes.clone()));
                            format!("media/{name}.png")
                        }
                        None => {
                            skipped += 1;
                            continue;
                        }
                    }
                } else {
                    rel.target.clone()
                };
                out.push_str(&format!(
                    "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"{}/>",
                    super::xml_escape(&rel.id),
                    super::xml_escape(&rel.kind),
                    super::xml_escape(&target),
                    if rel.external {
                        " TargetMode=\"External\""
                    } else {
                        ""
                    }
                ));
            }
            out.push_str("</Relationships>");
            if skipped > 0 {
                warnings.push(format!(
                    "{skipped} picture(s) of the template's {kind} are not PNG or JPEG images and \
                     were left out."
                ));
            }
            parts[index] = merged.into_bytes();
            if index < rels.len() {
                rels[index] = out.into_bytes();
            }
        }
        warnings
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
        // A template is expected to style body text, the title and the
        // headings; the rest (header, footer, contents, the report's own
        // styles) may come from the built-in set without a word.
        let expected = [
            super::styles::BODY,
            super::styles::TITLE,
            super::styles::HEADING[0],
            super::styles::HEADING[1],
            super::styles::HEADING[2],
        ];
        let missing = super::styles::STYLE_NAMES
            .iter()
            .filter(|(id, _, _)| expected.contains(id) && !self.ids.contains(*id))
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

/// Which of the written headers (or footers) is the default one: the part
/// the body's section refers to as "default", by its number.
fn default_part_index(document: &str, rels: &str, kind: &str) -> Option<usize> {
    let doc = roxmltree::Document::parse(document).ok()?;
    let rid = default_reference(&doc, kind)?;
    let rels = roxmltree::Document::parse(rels).ok()?;
    let target = rels
        .descendants()
        .find(|n| n.attribute("Id") == Some(rid.as_str()))?
        .attribute("Target")?;
    let number: usize = target
        .strip_prefix(kind)?
        .strip_suffix(".xml")?
        .parse()
        .ok()?;
    number.checked_sub(1)
}

/// The template's part with the report's paragraphs added at its end.
fn merge(template: &str, ours: &str, root: &str) -> Option<String> {
    let close = format!("</{root}>");
    let open = ours.find(&format!("<{root}"))?;
    let inner_start = open + ours[open..].find('>')? + 1;
    let inner_end = ours.rfind(&close)?;
    let mut inner = ours.get(inner_start..inner_end)?.to_owned();
    // Paragraph ids of the writer need a namespace the template may not
    // declare; Word does without them.
    const ID: &str = " w14:paraId=\"";
    while let Some(at) = inner.find(ID) {
        let start = at + ID.len();
        let end = start + inner[start..].find('"')? + 1;
        inner.replace_range(at..end, "");
    }
    let at = template.rfind(&close)?;
    let mut out = String::with_capacity(template.len() + inner.len());
    out.push_str(&template[..at]);
    out.push_str(&inner);
    out.push_str(&template[at..]);
    // What comes out must still be well-formed XML.
    roxmltree::Document::parse(&out).ok()?;
    Some(out)
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

    #[test]
    fn a_template_with_damaged_parts_still_gives_its_styles() {
        use std::io::Write;
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            zip.start_file("word/document.xml", opts).unwrap();
            zip.write_all(b"<w:document><w:body><w:sectPr><w:headerRef")
                .unwrap();
            zip.start_file("word/styles.xml", opts).unwrap();
            zip.write_all(
                br#"<w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#,
            )
            .unwrap();
            zip.start_file("word/_rels/document.xml.rels", opts)
                .unwrap();
            zip.write_all(b"<Relationships><Relationship Id=").unwrap();
            zip.finish().unwrap();
        }
        let t = Template::read(buf.get_ref()).expect("the styles are usable");
        assert!(t.has_style("Heading1"));
        assert!(t.page().is_none());
        assert!(t.header.is_none() && t.footer.is_none());
    }
}
