//! Exports as a reader sees them: the workbook read with calamine, CSV with
//! the csv crate, and files on disk.

use chrono::Utc;
use clausewise_api::{export, files, sheets, OpError};
use clausewise_core::catalogue::Catalogue;
use clausewise_core::export::{CsvDelimiter, ExportFormat};
use clausewise_core::response::ResponseEdit;
use clausewise_core::Rating;
use clausewise_report::ReportInput;
use clausewise_store::Store;
use files::write_file;
use uuid::Uuid;

fn demo() -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let a = store.create_demo().unwrap();
    (store, a.id)
}

#[test]
fn nothing_half_written_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.pdf");
    write_file(&target, b"%PDF-old").unwrap();
    write_file(&target, b"%PDF-new").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-new");

    let missing = dir.path().join("no-such-folder").join("report.pdf");
    let err = write_file(&missing, b"%PDF").unwrap_err();
    assert!(err.contains("does not exist"), "{err}");
    let err = write_file(dir.path(), b"%PDF").unwrap_err();
    assert!(err.contains("folder"), "{err}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.pdf")]);
}

#[test]
fn the_workbook_opens_with_the_expected_sheets_rows_and_header() {
    use calamine::{Data, Reader, Xlsx};
    let (store, id) = demo();
    let ws = store.workspace(id).unwrap();
    let findings = store.list_findings(id).unwrap();
    let kpis = store.list_kpis(id).unwrap();
    let engagement = store.engagement(id).unwrap();
    let narrative = store.narrative(id).unwrap();
    let input = ReportInput {
        catalogue: Catalogue::builtin(),
        assessment: &ws.assessment,
        client_name: &ws.client_name,
        responses: &ws.responses,
        findings: &findings,
        kpis: &kpis,
        documents: &ws.documents,
        practices: &ws.practices,
        generated: Utc::now(),
        progress: None,
        engagement: Some(&engagement),
        narrative: Some(&narrative),
        assessed_by: &[],
    };
    let bytes = sheets::xlsx(&input).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec![
            "Clause results",
            "Findings and roadmap",
            "KPIs",
            "KPI measurements",
            "ITIL practices",
            "Evidence",
            "Parties 8.2.3",
            "Report text"
        ]
    );
    // The consultant's words, a row per part written, as written.
    let text = book.worksheet_range("Report text").unwrap();
    assert_eq!(text.height(), 1 + narrative.parts().len());
    assert_eq!(
        text.get((1, 0)),
        Some(&Data::String("Management summary".into()))
    );
    assert_eq!(
        text.get((1, 1)),
        Some(&Data::String(narrative.summary.clone()))
    );
    assert!((1..text.height())
        .any(|r| text.get((r, 0))
            == Some(&Data::String("Comment on 9 Performance evaluation".into()))));
    // The evidence register, one row per item, files with their SHA-256.
    let sheet = book.worksheet_range("Evidence").unwrap();
    assert_eq!(sheet.height(), 1 + engagement.evidence.len());
    let sample = engagement
        .evidence
        .iter()
        .position(|e| e.code == "E-12")
        .unwrap();
    let row = sample + 1;
    assert_eq!(sheet.get((row, 0)), Some(&Data::String("E-12".into())));
    assert_eq!(sheet.get((row, 10)), Some(&Data::Float(61.0)));
    assert_eq!(sheet.get((row, 12)), Some(&Data::Float(4.0)));
    assert_eq!(
        sheet.get((row, 14)),
        Some(&Data::String(
            engagement.evidence[sample].files[0].sha256.clone()
        ))
    );
    // The 8.2.3 matrix: a process per row, a party per column.
    let matrix = book.worksheet_range("Parties 8.2.3").unwrap();
    assert_eq!(matrix.height(), 1 + engagement.matrix.processes.len());
    assert_eq!(matrix.width(), 2 + engagement.matrix.parties.len());
    for (r, p) in engagement.matrix.processes.iter().enumerate() {
        for (c, on) in p.operated_by.iter().enumerate() {
            let cell = matrix.get((r + 1, c + 2)).cloned().unwrap_or(Data::Empty);
            assert_eq!(
                cell == Data::String("●".into()),
                *on,
                "{} × {c}",
                p.clause_id
            );
        }
    }
    // Every KPI with its newest figures and whether it is met or acted
    // upon, as core judges it.
    let sheet = book.worksheet_range("KPIs").unwrap();
    assert!(!kpis.is_empty());
    assert_eq!(sheet.height(), 1 + kpis.len());
    let header: Vec<String> = (0..17)
        .map(|c| sheet.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(
        header,
        [
            "KPI",
            "Newest value",
            "Newest period",
            "Unit",
            "Target",
            "Tolerance",
            "Direction",
            "Status",
            "Acted upon",
            "Measurements",
            "Owner",
            "Service",
            "Definition",
            "Source",
            "Drives findings",
            "Decision",
            "Clauses"
        ]
    );
    for (r, k) in kpis.iter().enumerate() {
        let row = r + 1;
        assert_eq!(sheet.get((row, 0)), Some(&Data::String(k.name.clone())));
        match k.value() {
            Some(v) => assert_eq!(sheet.get((row, 1)), Some(&Data::Float(v))),
            None => assert_eq!(sheet.get((row, 1)), Some(&Data::Empty)),
        }
        assert_eq!(
            sheet.get((row, 7)),
            Some(&Data::String(k.status_label().into()))
        );
        let flag = if k.not_acted_upon(&findings) {
            Data::String("Not acted upon".into())
        } else {
            Data::Empty
        };
        assert_eq!(sheet.get((row, 8)), Some(&flag), "{}", k.name);
        assert_eq!(
            sheet.get((row, 16)).map(|d| d.to_string()),
            Some(k.clause_ids.join(", "))
        );
    }
    // The series: one row per measured period, with its status.
    let series = book.worksheet_range("KPI measurements").unwrap();
    let measured: usize = kpis.iter().map(|k| k.measurements.len()).sum();
    assert!(measured >= 40, "{measured}");
    assert_eq!(series.height(), 1 + measured);
    let first = &kpis[0];
    assert_eq!(series.get((1, 0)), Some(&Data::String(first.name.clone())));
    assert_eq!(
        series.get((1, 1)),
        Some(&Data::String(first.measurements[0].period.clone()))
    );
    assert_eq!(
        series.get((1, 2)),
        Some(&Data::Float(first.measurements[0].value))
    );
    // The practice profile: all 34 practices.
    let practices = book.worksheet_range("ITIL practices").unwrap();
    assert_eq!(practices.height(), 1 + 34);
    assert_eq!(
        practices.get((0, 3)),
        Some(&Data::String("Governance maturity".into()))
    );
    let clauses = book.worksheet_range("Clause results").unwrap();
    assert_eq!(clauses.height(), 1 + 77);
    assert_eq!(clauses.get((0, 0)), Some(&Data::String("Clause".into())));
    let row_41 = (0..clauses.height())
        .find(|&r| clauses.get((r, 0)) == Some(&Data::String("4.1".into())))
        .unwrap();
    let level = ws
        .responses
        .iter()
        .find(|r| r.clause_id == "4.1")
        .unwrap()
        .rating
        .level()
        .unwrap();
    assert_eq!(
        clauses.get((row_41, 4)),
        Some(&Data::Float(f64::from(level)))
    );
    // Conformity as it stands (the open major at 9.2 makes it one), why a
    // requirement does not apply, and the lowest requirement a mean hides.
    let row_of = |id: &str| {
        (0..clauses.height())
            .find(|&r| clauses.get((r, 0)) == Some(&Data::String(id.into())))
            .unwrap()
    };
    let header: Vec<String> = (0..14)
        .map(|c| clauses.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(
        &header[11..],
        ["Conformity", "Why not applicable", "Lowest requirement"]
    );
    assert_eq!(
        clauses.get((row_of("9.2"), 11)).unwrap().to_string(),
        "Major nonconformity"
    );
    assert_eq!(
        clauses.get((row_of("8.3.4.2"), 12)).unwrap().to_string(),
        "No instances in scope"
    );
    assert_eq!(clauses.get((row_of("8.3.4.2"), 11)), Some(&Data::Empty));
    assert_eq!(
        clauses.get((row_of("9"), 13)).unwrap().to_string(),
        "9.2 at level 0"
    );
    let sheet = book.worksheet_range("Findings and roadmap").unwrap();
    assert_eq!(sheet.height(), 1 + findings.len());
    let titles: Vec<String> = (1..sheet.height())
        .map(|r| sheet.get((r, 4)).unwrap().to_string())
        .collect();
    for f in &findings {
        assert!(titles.contains(&f.title), "{} missing", f.title);
    }

    let csv = sheets::csv(&input, sheets::Table::Findings).unwrap();
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().get(4), Some("Title"));
    assert_eq!(reader.records().count(), findings.len());
    // Not a follow-up: no progress table.
    assert_eq!(sheets::csv(&input, sheets::Table::Progress), None);
}

#[test]
fn a_follow_ups_workbook_and_csv_show_the_progress_since_the_baseline() {
    let (mut store, baseline) = demo();
    let id = store
        .start_follow_up(
            baseline,
            &clausewise_core::FollowUpInput {
                title: "Follow-up 2027".into(),
                copy_levels: true,
            },
        )
        .unwrap()
        .id;
    // 9.2 Internal audit: level 0 in the demo, now 3.
    store
        .edit_response(id, "9.2", &ResponseEdit::Rating(Rating::Level { level: 3 }))
        .unwrap();
    // The workbook of a follow-up has a third sheet, baseline against now.
    use calamine::{Data, Reader, Xlsx};
    let ws = store.workspace(id).unwrap();
    let progress = store.progress(id).unwrap();
    let input = ReportInput::of(&ws, &[], &[]).with_progress(progress.as_ref());
    let bytes = sheets::xlsx(&input).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec![
            "Clause results",
            "Findings and roadmap",
            "Progress since baseline",
            "KPIs",
            "KPI measurements",
            "ITIL practices",
            "Evidence",
            "Parties 8.2.3"
        ]
    );
    let sheet = book.worksheet_range("Progress since baseline").unwrap();
    assert_eq!(sheet.height(), 1 + 77);
    let row = (0..sheet.height())
        .find(|&r| sheet.get((r, 0)) == Some(&Data::String("9.2".into())))
        .unwrap();
    assert_eq!(sheet.get((row, 3)), Some(&Data::Float(0.0)));
    assert_eq!(sheet.get((row, 4)), Some(&Data::Float(3.0)));
    assert_eq!(sheet.get((row, 5)), Some(&Data::Float(3.0)));
    assert_eq!(sheet.get((row, 6)), Some(&Data::String("Improved".into())));
    let csv = sheets::csv(&input, sheets::Table::Progress).unwrap();
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().get(6), Some("Trend"));
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 77);
    let audit = rows.iter().find(|r| r.get(0) == Some("9.2")).unwrap();
    assert_eq!(
        (audit.get(3), audit.get(4), audit.get(5), audit.get(6)),
        (Some("0"), Some("3"), Some("3"), Some("Improved"))
    );
}

#[test]
fn csv_comes_comma_or_semicolon_separated_with_matching_decimals() {
    use clausewise_core::export::CsvDelimiter as Delimiter;
    use sheets::{csv, csv_with, Table};
    let (store, id) = demo();
    let ws = store.workspace(id).unwrap();
    let findings = store.list_findings(id).unwrap();
    let kpis = store.list_kpis(id).unwrap();
    let input = ReportInput::of(&ws, &findings, &kpis);
    for table in [Table::Clauses, Table::Findings, Table::Kpis] {
        assert_eq!(
            csv(&input, table),
            csv_with(&input, table, Delimiter::Comma)
        );
    }
    let semi = csv_with(&input, Table::Clauses, Delimiter::Semicolon).unwrap();
    assert!(semi.starts_with(&[0xEF, 0xBB, 0xBF]));
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&semi[3..]);
    assert_eq!(reader.headers().unwrap().len(), 14);
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 77);
    // Clause 4's rolled-up score has a decimal comma; notes keep their
    // commas inside quoted fields.
    let four = rows.iter().find(|r| &r[0] == "4").unwrap();
    assert!(four[4].contains(','), "{four:?}");
    let comma = csv(&input, Table::Clauses).unwrap();
    let mut reader = ::csv::Reader::from_reader(&comma[3..]);
    let four_comma = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "4")
        .unwrap();
    assert_eq!(four[4].replace(',', "."), four_comma[4]);
    for (a, b) in rows.iter().zip(reader.records()) {
        let _ = (a, b);
    }
    let kpi_csv = csv_with(&input, Table::Kpis, Delimiter::Semicolon).unwrap();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&kpi_csv[3..]);
    assert_eq!(reader.records().count(), kpis.len());
}

#[test]
fn a_failed_save_names_what_was_being_saved_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("clausewise.db");
    let missing = dir.path().join("no-such-folder").join("Nordwind.xlsx");
    for format in ExportFormat::ALL {
        let err = files::write_export(&missing, &database, b"x", format.what()).unwrap_err();
        assert!(matches!(err, OpError::Save { .. }));
        let expected = format!(
            "{} could not be saved to {}: the folder does not exist. Choose another folder, or \
             free some space and try again.",
            format.what(),
            missing.display()
        );
        assert_eq!(err.to_string(), expected);
    }
    let err = files::write_export(&database, &database, b"x", "The workbook").unwrap_err();
    assert!(err.to_string().contains("database"), "{err}");
}

#[test]
fn every_format_is_built_from_one_read_with_a_name_to_suggest() {
    let (store, id) = demo();
    for format in ExportFormat::ALL {
        let built = export::export(&store, id, format, CsvDelimiter::Comma);
        if format == ExportFormat::CsvProgress {
            let err = built.unwrap_err();
            assert_eq!(
                err.to_string(),
                "“ISO/IEC 20000-1 readiness assessment” has no baseline, so there is no progress to export."
            );
            continue;
        }
        let file = built.unwrap();
        assert!(!file.bytes.is_empty(), "{format:?}");
        assert!(
            file.suggested_name()
                .starts_with("Nordwind Logistik GmbH - ISO IEC 20000-1 readiness assessment"),
            "{}",
            file.suggested_name()
        );
        assert!(file.suggested_name().ends_with(format.extension()));
    }
    let file = export::export(&store, id, ExportFormat::CsvFindings, CsvDelimiter::Comma).unwrap();
    assert!(
        file.suggested_stem.ends_with(" - findings"),
        "{}",
        file.suggested_stem
    );
    let back = clausewise_core::transfer::AssessmentFile::parse(
        &export::export(&store, id, ExportFormat::Clausewise, CsvDelimiter::Comma)
            .unwrap()
            .bytes,
        clausewise_core::Catalogue::builtin(),
    )
    .unwrap();
    assert_eq!(back.assessment.id, id);
}
