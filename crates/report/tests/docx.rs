//! The Word report as Word sees it: the package's parts read back with a
//! zip reader and an XML parser, not with the code that wrote them.

use std::io::Read;

use chrono::{TimeZone, Utc};
use clausewise_core::report::{ReportOptions, ReportSection};
use clausewise_report::layout::Block;
use clausewise_report::{build, render_docx, Report, ReportInput, Template};
use clausewise_store::Store;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn demo_report(options: &ReportOptions) -> Report {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    let ws = store.workspace(id).unwrap();
    let findings = store.list_findings(id).unwrap();
    let kpis = store.list_kpis(id).unwrap();
    let engagement = store.engagement(id).unwrap();
    let input = ReportInput {
        generated: Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap(),
        ..ReportInput::of(&ws, &findings, &kpis).with_engagement(Some(&engagement))
    };
    build(&input, options)
}

/// The package's parts by name.
fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            (f.name().unwrap().to_string(), buf)
        })
        .collect()
}

fn text(part: &[u8]) -> &str {
    std::str::from_utf8(part).unwrap()
}

/// (style id, text) of every paragraph of the body, in order.
fn paragraphs(document: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(document).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or("")
                .to_owned();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect();
            (style, text)
        })
        .collect()
}

fn count_charts(report: &Report) -> usize {
    report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| {
            matches!(
                b,
                Block::Radar(_)
                    | Block::GapBars(_)
                    | Block::PairedBars(_)
                    | Block::Sparklines(_)
                    | Block::HeatMap(_)
            )
        })
        .count()
}

#[test]
fn the_word_report_has_the_pdf_s_sections_in_order_with_word_structure() {
    let options = ReportOptions {
        firm: "Whitfield Service Advisory".into(),
        ..ReportOptions::default()
    };
    let report = demo_report(&options);
    let out = render_docx(&report, None, None).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let parts = parts(&out.bytes);
    let document = text(&parts["word/document.xml"]);
    let paras = paragraphs(document);

    // Every section of the model, as Heading 1, in the model's order, each
    // with a bookmark.
    let h1: Vec<&str> = paras
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(h1, titles);
    assert_eq!(out.outline, titles);
    for section in &report.sections {
        let name = format!("section_{}", section.key.name().replace('-', "_"));
        assert!(
            document.contains(&format!("w:name=\"{name}\"")),
            "bookmark {name}"
        );
    }
    // Headings within sections keep their levels.
    let h2_model = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Heading { level: 2, .. }))
        .count();
    assert_eq!(
        paras.iter().filter(|(s, _)| s == "Heading2").count(),
        h2_model
    );
    // Every finding title is in the document.
    assert!(paras
        .iter()
        .any(|(_, t)| t.contains("No internal audit programme")));

    // The cover, then a table of contents field over the section titles,
    // marked for updating, with an entry per section pointing at its
    // bookmark.
    // (the firm's name first, as there is no logo).
    assert_eq!(
        paras[0],
        (
            "CwCoverFirm".to_owned(),
            "Whitfield Service Advisory".to_owned()
        )
    );
    assert_eq!(paras[1].0, "CwKicker");
    assert!(paras
        .iter()
        .any(|(s, t)| s == "Title" && t == "ISO/IEC 20000-1 readiness assessment"));
    assert!(document.contains("<w:instrText>TOC \\o &quot;1-1&quot; \\h</w:instrText>"));
    assert!(document.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\""));
    let entries: Vec<&str> = paras
        .iter()
        .filter(|(s, _)| s == "TOC1")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(entries, titles);
    assert!(document.contains("PAGEREF section_findings \\h"));

    // Running header and footer: title, firm, "Page X of Y" as fields.
    let header = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/header"))
        .map(|(_, b)| text(b).to_owned())
        .collect::<String>();
    assert!(header.contains("Whitfield Service Advisory"));
    let footer = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/footer"))
        .map(|(_, b)| text(b).to_owned())
        .collect::<String>();
    assert!(footer.contains(">PAGE<"), "{footer}");
    assert!(footer.contains(">NUMPAGES<"), "{footer}");
    assert!(footer.contains("Confidential"));
    // The cover page has its own (empty) header and footer.
    assert!(document.contains("<w:titlePg"));

    // Styles: the built-in set, including a table style.
    let styles = text(&parts["word/styles.xml"]);
    assert_eq!(styles.matches("w:styleId=\"Normal\"").count(), 1);
    assert!(styles.contains("DejaVu Sans"));
    for id in [
        "Normal", "Heading1", "Heading2", "Heading3", "Title", "CwTable",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "style {id}"
        );
    }
    assert!(document.contains("<w:tblStyle w:val=\"CwTable\""));
    // Column titles repeat on every page a table runs onto: one header row
    // per table with a header.
    let headed = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Table(t) if t.header))
        .count();
    assert_eq!(document.matches("<w:tblHeader />").count(), headed);

    // One picture per chart, each a PNG.
    let media: Vec<&Vec<u8>> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(|(_, b)| b)
        .collect();
    assert_eq!(media.len(), count_charts(&report));
    assert!(media.iter().all(|b| b.starts_with(b"\x89PNG")));

    // Document properties.
    let core = text(&parts["docProps/core.xml"]);
    let core = roxmltree::Document::parse(core).unwrap();
    let prop = |name: &str| {
        core.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .unwrap_or("")
            .to_owned()
    };
    assert_eq!(prop("title"), report.title);
    assert_eq!(prop("subject"), report.subject);
    assert_eq!(prop("creator"), report.author);
    assert!(prop("keywords").contains("gap assessment"));
    assert_eq!(prop("created"), "2026-11-25T09:30:00Z");
}

#[test]
fn sections_left_out_of_the_pdf_are_left_out_of_the_word_report() {
    let options = ReportOptions {
        excluded: vec![
            ReportSection::Contents,
            ReportSection::Itil,
            ReportSection::Charts,
        ],
        ..ReportOptions::default()
    };
    let report = demo_report(&options);
    let out = render_docx(&report, None, None).unwrap();
    let parts = parts(&out.bytes);
    let document = text(&parts["word/document.xml"]);
    assert!(!document.contains("TOC \\o"));
    assert!(!out.outline.iter().any(|t| t.contains("ITIL")));
    assert!(!out.outline.iter().any(|t| t == "Maturity at a glance"));
}

/// A firm's template made the way Word saves one: its own Normal and
/// Heading 1 (a distinctive font and colour), nothing else of ours.
fn firm_template() -> Vec<u8> {
    use docx_rs::{
        Docx, Footer, Header, PageMargin, Paragraph, Pic, Run, RunFonts, Style, StyleType,
    };
    // The firm's logo in the header, its registered address in the footer.
    let mut logo = Vec::new();
    {
        use image::{ImageBuffer, Rgb};
        let img: ImageBuffer<Rgb<u8>, Vec<u8>> =
            ImageBuffer::from_pixel(40, 20, Rgb([200, 24, 122]));
        img.write_to(
            &mut std::io::Cursor::new(&mut logo),
            image::ImageFormat::Png,
        )
        .unwrap();
    }
    let docx = Docx::new()
        .header(Header::new().add_paragraph(Paragraph::new().add_run(
            Run::new().add_image(Pic::new_with_dimensions(logo, 40, 20).size(508_000, 254_000)),
        )))
        .footer(Footer::new().add_paragraph(
            Paragraph::new().add_run(Run::new().add_text("Whitfield Advisory GmbH · Hamburg")),
        ))
        .add_style(
            Style::new("Normal", StyleType::Paragraph)
                .name("Normal")
                .fonts(RunFonts::new().ascii("Georgia").hi_ansi("Georgia")),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New"))
                .color("C0187A")
                .size(40),
        )
        .page_size(12_240, 15_840)
        .page_margin(
            PageMargin::new()
                .top(1_000)
                .bottom(1_000)
                .left(1_800)
                .right(1_800)
                .header(500)
                .footer(500),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Firm template")));
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).unwrap();
    out.into_inner()
}

#[test]
fn a_template_s_styles_and_page_setup_are_used() {
    let template = Template::read(&firm_template()).unwrap();
    assert!(template.has_style("Heading1"));
    let report = demo_report(&ReportOptions::default());
    let out = render_docx(&report, None, Some(&template)).unwrap();
    let parts = parts(&out.bytes);
    let styles = text(&parts["word/styles.xml"]);
    let doc = roxmltree::Document::parse(styles).unwrap();
    let style = |id: &str| {
        let all: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .collect();
        assert_eq!(all.len(), 1, "one style {id}");
        all[0]
    };
    let h1 = style("Heading1");
    let font = h1
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .and_then(|n| n.attribute((W, "ascii")));
    assert_eq!(font, Some("Courier New"));
    let colour = h1
        .descendants()
        .find(|n| n.has_tag_name((W, "color")))
        .and_then(|n| n.attribute((W, "val")));
    assert_eq!(colour, Some("C0187A"));
    // The report's own styles the template lacks come from the built-in set.
    style("CwTable");
    style("CwTableText");
    // The standard ones it lacks are named in a warning.
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert!(out.warnings[0].contains("heading 2"), "{}", out.warnings[0]);
    // Its page setup (US Letter, wide margins) is the report's.
    let document = text(&parts["word/document.xml"]);
    assert!(document.contains("w:w=\"12240\""), "page width");
    assert!(document.contains("w:left=\"1800\""), "left margin");

    // The template's header artwork (its logo) and footer text stay, with
    // the report's running header and "Page X of Y" after them.
    let rels_of = |part: &str| {
        let (dir, file) = part.rsplit_once('/').unwrap();
        text(&parts[&format!("{dir}/_rels/{file}.rels")]).to_owned()
    };
    let header = parts
        .keys()
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .find(|n| text(&parts[*n]).contains("<w:drawing"))
        .expect("a header with the template's picture")
        .clone();
    let header_xml = text(&parts[&header]);
    roxmltree::Document::parse(header_xml).expect("well-formed header");
    assert!(header_xml.contains("ISO/IEC 20000-1 readiness assessment"));
    let rels = rels_of(&header);
    assert!(rels.contains("media/template-header-1.png"), "{rels}");
    assert!(parts["word/media/template-header-1.png"].starts_with(b"\x89PNG"));
    let footer = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/footer"))
        .map(|(_, b)| text(b))
        .find(|t| t.contains("Whitfield Advisory GmbH"))
        .expect("the template's footer");
    assert!(footer.contains(">PAGE<") && footer.contains(">NUMPAGES<"));
    roxmltree::Document::parse(footer).expect("well-formed footer");

    // What is not a Word document is refused with a clear message.
    let err = Template::read(b"PK\x03\x04 not really").unwrap_err();
    assert!(err
        .to_string()
        .starts_with("The template is not a Word document"));
}

#[test]
fn the_firm_colour_sets_titles_and_column_titles() {
    let report = demo_report(&ReportOptions {
        accent: Some("#8A1538".into()),
        ..ReportOptions::default()
    });
    let out = render_docx(&report, None, None).unwrap();
    let parts = parts(&out.bytes);
    let styles = text(&parts["word/styles.xml"]);
    let doc = roxmltree::Document::parse(styles).unwrap();
    let h1 = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("Heading1"))
        .unwrap();
    let colour = h1
        .descendants()
        .find(|n| n.has_tag_name((W, "color")))
        .and_then(|n| n.attribute((W, "val")));
    assert_eq!(colour, Some("8A1538"));
    assert!(text(&parts["word/document.xml"]).contains("w:fill=\"8A1538\""));
}

#[test]
fn text_in_any_script_and_line_breaks_survive() {
    let mut report = demo_report(&ReportOptions::default());
    report.sections[0].blocks.push(Block::text(
        "Привет · 你好 · مرحبا · 🙂 & <tags>\nsecond line",
    ));
    let out = render_docx(&report, None, None).unwrap();
    let parts = parts(&out.bytes);
    let paras = paragraphs(text(&parts["word/document.xml"]));
    assert!(paras
        .iter()
        .any(|(_, t)| t == "Привет · 你好 · مرحبا · 🙂 & <tags>second line"));
    assert!(text(&parts["word/document.xml"]).contains("<w:br w:type=\"textWrapping\""));
}
