//! Writes the demo assessment's report: `cargo run -p clausewise-report
//! --example demo_report -- OUT.pdf [EXTRA_FINDINGS]`.

use clausewise_core::catalogue::Catalogue;
use clausewise_core::report::ReportOptions;
use clausewise_report::{build, render, ReportInput};
use clausewise_store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "demo-report.pdf".to_owned());
    let extra: usize = args.next().map_or(Ok(0), |n| n.parse())?;
    let mut store = Store::open_in_memory()?;
    let a = store.create_demo_with(extra)?;
    let ws = store.workspace(a.id)?;
    let findings = store.list_findings(a.id)?;
    let kpis = store.list_kpis(a.id)?;
    let input = ReportInput {
        catalogue: Catalogue::builtin(),
        assessment: &ws.assessment,
        client_name: &ws.client_name,
        responses: &ws.responses,
        findings: &findings,
        kpis: &kpis,
        documents: &ws.documents,
        practices: &ws.practices,
        generated: chrono::Utc::now(),
        progress: None,
        engagement: None,
        narrative: None,
        assessed_by: &[],
    };
    let options = ReportOptions {
        firm: "Whitfield Service Advisory".into(),
        ..ReportOptions::default()
    };
    let t = std::time::Instant::now();
    let mut rendered = render(&build(&input, &options), None)?;
    let first = t.elapsed();
    let mut times = Vec::new();
    for _ in 0..15 {
        let t = std::time::Instant::now();
        rendered = render(&build(&input, &options), None)?;
        times.push(t.elapsed());
    }
    times.sort();
    eprintln!(
        "{} pages, {} bytes; first {:?} (fonts parsed), then min {:?} median {:?}",
        rendered.pages,
        rendered.bytes.len(),
        first,
        times[0],
        times[times.len() / 2]
    );
    for w in &rendered.warnings {
        eprintln!("warning: {w}");
    }
    std::fs::write(&out, &rendered.bytes)?;
    Ok(())
}
