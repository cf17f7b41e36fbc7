//! The languages the report is written in, and the one message table
//! every fixed text of the report comes from.
//!
//! Messages are Fluent files under `crates/core/locales/<lang>/`, one per
//! part of the report, compiled into the program. English is the reference:
//! every message it has, German and French have too (a test of this module
//! compares them), and a message looked up but missing is recorded, so the
//! report's tests can fail on it. Plurals follow each language's own rules
//! (French counts 0 as singular); numbers are formatted here, with the
//! language's decimal separator.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The code used on the command line (`--lang de`) and in files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, as a chooser lists it.
    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
        }
    }

    /// A code ("de", "DE", "de-CH", "fr_FR") read as one of the languages.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let base = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    /// The decimal separator of numbers written in this language.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De | Lang::Fr => ',',
        }
    }

    /// A number with `places` decimals, in this language: 2.5, 2,5.
    pub fn decimal(self, value: f64, places: usize) -> String {
        self.with_separator(&format!("{value:.places$}"))
    }

    /// A number (or a size, "1.2 MB") written with a decimal point, with
    /// this language's separator instead.
    pub fn with_separator(self, english: &str) -> String {
        match self.decimal_separator() {
            '.' => english.to_owned(),
            sep => english.replace('.', &sep.to_string()),
        }
    }

    /// A share as a percentage with no decimals: 67 %, or 67% in English.
    pub fn percent(self, share: f64) -> String {
        let n = (share * 100.0).round();
        match self {
            Lang::En => format!("{n:.0}%"),
            Lang::De => format!("{n:.0}\u{A0}%"),
            Lang::Fr => format!("{n:.0}\u{202F}%"),
        }
    }

    /// A score to one decimal, or "–" without one: 2.4, 2,4.
    pub fn score(self, value: Option<f64>) -> String {
        value.map_or_else(
            || "–".to_owned(),
            |v| self.decimal(crate::scoring::round_score(v), 1),
        )
    }

    /// A change of score with its sign: +0.4, −0,2, ±0.0.
    pub fn delta(self, value: f64) -> String {
        self.with_separator(&crate::progress::format_delta(value))
    }

    /// What joins a label and what it labels: ": ", in French " : " with
    /// a no-break space.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{A0}: ",
            Lang::En | Lang::De => ": ",
        }
    }

    /// What joins two clauses of a sentence: "; ", in French " ; ".
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{A0}; ",
            Lang::En | Lang::De => "; ",
        }
    }

    /// A noun's label inside a sentence: lower case, except in German,
    /// whose nouns keep their capital ("(external supplier)", "(Externer
    /// Lieferant)").
    pub fn in_sentence(self, label: &str) -> String {
        match self {
            Lang::De => label.to_owned(),
            Lang::En | Lang::Fr => label.to_lowercase(),
        }
    }

    /// A text in the language's quotation marks: “A”, „A“, « A ».
    pub fn quoted(self, text: &str) -> String {
        match self {
            Lang::En => format!("\u{201C}{text}\u{201D}"),
            Lang::De => format!("\u{201E}{text}\u{201C}"),
            Lang::Fr => format!("\u{AB}\u{A0}{text}\u{A0}\u{BB}"),
        }
    }

    /// Items joined as a list: "A, B and C" (English "A, B, and C").
    pub fn list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => text(
                self,
                "list-and",
                &[
                    ("init", Arg::Text(init.join(", "))),
                    ("last", Arg::Text(last.clone())),
                    ("n", Arg::from(items.len())),
                ],
            ),
        }
    }

    /// A date written out: 2 December 2026, 2. Dezember 2026, 2 décembre 2026.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = text(
            self,
            "month",
            &[("month", Arg::from(i64::from(date.month())))],
        );
        text(
            self,
            "date-long",
            &[
                ("day", Arg::from(i64::from(date.day()))),
                ("month", Arg::Text(month)),
                ("year", Arg::Text(date.year().to_string())),
            ],
        )
    }

    /// A short date: 2 Dec 2026, 02.12.2026, 02/12/2026.
    pub fn short_date(self, date: chrono::NaiveDate) -> String {
        match self {
            Lang::En => date.format("%-d %b %Y").to_string(),
            Lang::De => date.format("%d.%m.%Y").to_string(),
            Lang::Fr => date.format("%d/%m/%Y").to_string(),
        }
    }
}

/// A value a message is given: a count (which also picks the plural) or a
/// text printed as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Count(i64),
    Text(String),
    /// A clause, printed as its number and its title in the language:
    /// "8.7.1 Service availability management".
    Clause(String),
    /// An item of documented information of a clause, in the language.
    Document {
        clause_id: String,
        item: String,
    },
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Count(n)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Count(i64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Count(i64::from(n))
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

/// A message to be written in whichever language: its key and values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The message in a language.
    pub fn in_lang(&self, lang: Lang) -> String {
        text(lang, self.key, &self.args)
    }
}

/// The message files of each language, in the order they are read.
const FILES: [(&str, [&str; 3]); 7] = [
    (
        "common",
        [
            include_str!("../locales/en/common.ftl"),
            include_str!("../locales/de/common.ftl"),
            include_str!("../locales/fr/common.ftl"),
        ],
    ),
    (
        "labels",
        [
            include_str!("../locales/en/labels.ftl"),
            include_str!("../locales/de/labels.ftl"),
            include_str!("../locales/fr/labels.ftl"),
        ],
    ),
    (
        "verdicts",
        [
            include_str!("../locales/en/verdicts.ftl"),
            include_str!("../locales/de/verdicts.ftl"),
            include_str!("../locales/fr/verdicts.ftl"),
        ],
    ),
    (
        "report",
        [
            include_str!("../locales/en/report.ftl"),
            include_str!("../locales/de/report.ftl"),
            include_str!("../locales/fr/report.ftl"),
        ],
    ),
    (
        "sections",
        [
            include_str!("../locales/en/sections.ftl"),
            include_str!("../locales/de/sections.ftl"),
            include_str!("../locales/fr/sections.ftl"),
        ],
    ),
    (
        "tables",
        [
            include_str!("../locales/en/tables.ftl"),
            include_str!("../locales/de/tables.ftl"),
            include_str!("../locales/fr/tables.ftl"),
        ],
    ),
    (
        "catalogue",
        [
            include_str!("../locales/en/catalogue.ftl"),
            include_str!("../locales/de/catalogue.ftl"),
            include_str!("../locales/fr/catalogue.ftl"),
        ],
    ),
];

fn index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::De => 1,
        Lang::Fr => 2,
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Lang::ALL.map(make_bundle));
    &all[index(lang)]
}

fn make_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The report is left-to-right in every language it is written in; the
    // values need no isolation marks (which the PDF would print).
    bundle.set_use_isolating(false);
    for (name, sources) in FILES {
        let resource = FluentResource::try_new(sources[index(lang)].to_owned())
            .unwrap_or_else(|(_, e)| panic!("{}/{name}.ftl does not parse: {e:?}", lang.code()));
        if let Err(e) = bundle.add_resource(resource) {
            panic!("{}/{name}.ftl repeats a message: {e:?}", lang.code());
        }
    }
    bundle
}

thread_local! {
    static MISSING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The messages looked up on this thread but missing (or failing to
/// format) since the last call, and forgets them.
pub fn take_missing() -> Vec<String> {
    MISSING.with(|m| std::mem::take(&mut *m.borrow_mut()))
}

fn missing(what: String) {
    // Kept for the tests to read; bounded, so a long-running app that
    // never reads them cannot grow without end.
    MISSING.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < 1000 {
            m.push(what);
        }
    });
}

/// A message in a language, with its values. A message the language
/// lacks is taken from English, and recorded as missing.
pub fn text(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let (key, attribute) = match key.split_once('.') {
        Some((k, a)) => (k, Some(a)),
        None => (key, None),
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Count(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Text(s) => fluent_args.set(*name, FluentValue::String(Cow::Owned(s.clone()))),
            Arg::Clause(id) => {
                let title = clause_title(lang, crate::Catalogue::builtin(), id);
                let shown = if title.is_empty() {
                    id.clone()
                } else {
                    format!("{id} {title}")
                };
                fluent_args.set(*name, FluentValue::String(Cow::Owned(shown)));
            }
            Arg::Document { clause_id, item } => {
                let shown = document_item(lang, crate::Catalogue::builtin(), clause_id, item);
                fluent_args.set(*name, FluentValue::String(Cow::Owned(shown)));
            }
        }
    }
    let lookup = |lang: Lang| {
        let bundle = bundle(lang);
        let message = bundle.get_message(key)?;
        let pattern = match attribute {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            missing(format!("{}: {key}: {errors:?}", lang.code()));
        }
        Some(out.into_owned())
    };
    if let Some(out) = lookup(lang) {
        return out;
    }
    let full = attribute.map_or_else(|| key.to_owned(), |a| format!("{key}.{a}"));
    missing(format!("{}: {full}", lang.code()));
    if lang != Lang::En {
        if let Some(out) = lookup(Lang::En) {
            return out;
        }
    }
    full
}

/// Whether a language has a message (for texts with a fallback of their
/// own, like the titles of a catalogue that is not the built-in one).
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// The ids of every message and attribute a language has, file by file.
pub fn keys(lang: Lang) -> Vec<(&'static str, Vec<String>)> {
    use fluent_syntax::ast;
    FILES
        .iter()
        .map(|(name, sources)| {
            let resource =
                fluent_syntax::parser::parse(sources[index(lang)]).unwrap_or_else(|(_, e)| {
                    panic!("{}/{name}.ftl does not parse: {e:?}", lang.code())
                });
            let mut out = Vec::new();
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    if m.value.is_some() {
                        out.push(m.id.name.to_owned());
                    }
                    for a in m.attributes {
                        out.push(format!("{}.{}", m.id.name, a.id.name));
                    }
                }
            }
            (*name, out)
        })
        .collect()
}

/// A message with its values, in a language:
/// `tr!(lang, "findings-intro", n = 3, client = name)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:expr) => {
        $crate::i18n::text($lang, $key, &[])
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// The name of a unit enum value in files ("major_nonconformity"): what
/// the labels of the domain's values are looked up by, and what messages
/// choose their words by.
pub fn serde_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A clause's title in a language: the built-in catalogue's own
/// translation, or the catalogue's title as written (English, or a
/// catalogue's own language).
pub fn clause_title(lang: Lang, catalogue: &crate::Catalogue, id: &str) -> String {
    let own = catalogue.clause(id).map_or("", |c| c.title.as_str());
    translated(lang, catalogue, &format!("clause-{}", key_part(id)), own)
}

/// A maturity level's name in a language.
pub fn level_name(lang: Lang, catalogue: &crate::Catalogue, level: u8) -> String {
    let own = catalogue
        .maturity_levels
        .iter()
        .find(|l| l.level == level)
        .map_or("", |l| l.name.as_str());
    translated(lang, catalogue, &format!("level-{level}"), own)
}

/// What a maturity level looks like, in a language.
pub fn level_descriptor(lang: Lang, catalogue: &crate::Catalogue, level: u8) -> String {
    let own = catalogue
        .maturity_levels
        .iter()
        .find(|l| l.level == level)
        .map_or("", |l| l.descriptor.as_str());
    translated(lang, catalogue, &format!("level-{level}-descriptor"), own)
}

/// An item of documented information a clause expects, in a language.
pub fn document_item(
    lang: Lang,
    catalogue: &crate::Catalogue,
    clause_id: &str,
    item: &str,
) -> String {
    let position = catalogue
        .clause(clause_id)
        .and_then(|c| c.documented_information.iter().position(|d| d == item));
    match position {
        Some(i) => translated(
            lang,
            catalogue,
            &format!("document-{}-{}", key_part(clause_id), i + 1),
            item,
        ),
        None => item.to_owned(),
    }
}

/// A clause id as part of a message id: 8.7.1 is 8_7_1.
fn key_part(id: &str) -> String {
    id.replace('.', "_")
}

fn translated(lang: Lang, catalogue: &crate::Catalogue, key: &str, own: &str) -> String {
    let builtin = crate::Catalogue::builtin();
    if lang == Lang::En || catalogue.id != builtin.id {
        return own.to_owned();
    }
    if has(lang, key) {
        t(lang, key)
    } else {
        missing(format!("{}: {key}", lang.code()));
        own.to_owned()
    }
}

/// A message without values.
pub fn t(lang: Lang, key: &str) -> String {
    text(lang, key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_of_english_and_no_other() {
        let english = keys(Lang::En);
        for lang in [Lang::De, Lang::Fr] {
            let other = keys(lang);
            for ((file, en), (_, theirs)) in english.iter().zip(&other) {
                if *file == "catalogue" {
                    continue;
                }
                let untranslated: Vec<&String> =
                    en.iter().filter(|k| !theirs.contains(k)).collect();
                assert!(
                    untranslated.is_empty(),
                    "{}/{file}.ftl lacks {untranslated:?}",
                    lang.code()
                );
                let extra: Vec<&String> = theirs.iter().filter(|k| !en.contains(k)).collect();
                assert!(
                    extra.is_empty(),
                    "{}/{file}.ftl has {extra:?}, which English has not",
                    lang.code()
                );
            }
        }
    }

    /// Every variable any message uses.
    fn variables() -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, sources) in FILES {
            for source in sources {
                for (i, _) in source.match_indices('$') {
                    let name: String = source[i + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if !name.is_empty() && !out.contains(&name) {
                        out.push(name);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_message_formats_in_every_language() {
        // Every message formats without errors with a value for each
        // variable, whichever plural or choice it takes.
        let names = variables();
        for value in [0, 1, 2, 5, 21] {
            let args: Vec<(&str, Arg)> = names
                .iter()
                .map(|v| (v.as_str(), Arg::Count(value)))
                .collect();
            for lang in Lang::ALL {
                for (_, keys) in keys(lang) {
                    for key in keys {
                        assert!(!text(lang, &key, &args).is_empty() || key.ends_with("-empty"));
                    }
                }
            }
        }
        let problems = take_missing();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_builtin_catalogue_is_translated_whole() {
        let c = crate::Catalogue::builtin();
        for lang in [Lang::De, Lang::Fr] {
            let mut keys = Vec::new();
            for clause in &c.clauses {
                keys.push(format!("clause-{}", key_part(&clause.id)));
                for i in 1..=clause.documented_information.len() {
                    keys.push(format!("document-{}-{i}", key_part(&clause.id)));
                }
            }
            for l in &c.maturity_levels {
                keys.push(format!("level-{}", l.level));
                keys.push(format!("level-{}-descriptor", l.level));
            }
            let lacking: Vec<&String> = keys.iter().filter(|k| !has(lang, k)).collect();
            assert!(
                lacking.is_empty(),
                "{}/catalogue.ftl lacks {lacking:?}",
                lang.code()
            );
            let theirs = &keys_of(lang, "catalogue");
            let extra: Vec<&String> = theirs.iter().filter(|k| !keys.contains(k)).collect();
            assert!(
                extra.is_empty(),
                "{}/catalogue.ftl has {extra:?}",
                lang.code()
            );
        }
    }

    fn keys_of(lang: Lang, file: &str) -> Vec<String> {
        keys(lang)
            .into_iter()
            .find(|(f, _)| *f == file)
            .map(|(_, k)| k)
            .unwrap_or_default()
    }

    #[test]
    fn plurals_follow_each_language() {
        let n = |lang, k: i64| text(lang, "test-count", &[("n", Arg::Count(k))]);
        assert_eq!(n(Lang::En, 0), "0 findings");
        assert_eq!(n(Lang::En, 1), "1 finding");
        assert_eq!(n(Lang::De, 1), "1 Feststellung");
        assert_eq!(n(Lang::De, 2), "2 Feststellungen");
        // French counts 0 and 1 alike.
        assert_eq!(n(Lang::Fr, 0), "0 constat");
        assert_eq!(n(Lang::Fr, 2), "2 constats");
        assert!(take_missing().is_empty());
    }

    #[test]
    fn a_missing_message_falls_back_to_english_and_is_recorded() {
        take_missing();
        assert_eq!(t(Lang::De, "no-such-message"), "no-such-message");
        assert_eq!(take_missing(), vec!["de: no-such-message".to_owned()]);
        assert!(take_missing().is_empty());
    }

    #[test]
    fn numbers_and_dates_in_each_language() {
        assert_eq!(Lang::En.decimal(2.45, 1), "2.5");
        assert_eq!(Lang::De.decimal(2.25, 2), "2,25");
        assert_eq!(Lang::Fr.decimal(3.0, 1), "3,0");
        assert_eq!(Lang::En.percent(0.666), "67%");
        assert_eq!(Lang::De.percent(0.5), "50\u{A0}%");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(Lang::En.date(d), "2 March 2026");
        assert_eq!(Lang::De.date(d), "2. März 2026");
        assert_eq!(Lang::Fr.date(d), "2 mars 2026");
        assert_eq!(Lang::De.short_date(d), "02.03.2026");
        assert!(take_missing().is_empty());
    }

    #[test]
    fn codes_read_with_regions_and_any_case() {
        assert_eq!(Lang::parse("DE"), Some(Lang::De));
        assert_eq!(Lang::parse("fr_CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("es"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
