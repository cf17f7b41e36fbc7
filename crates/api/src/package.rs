//! The assessment package: the assessment file together with the content of
//! its evidence files, as one zip archive with exactly two kinds of entry,
//! `assessment.json` and `files/<sha256>`. Reading one trusts nothing: names
//! outside that pattern, a name twice, content that does not match its
//! SHA-256 or size, a file the assessment lists that is missing, and a file
//! it does not list are all refused, and no entry is read past the size the
//! assessment gives it, so a zip bomb costs no more than an honest package.

use std::collections::HashSet;
use std::io::{Read, Seek, Write};
use std::path::Path;

use clausewise_core::transfer::{AssessmentFile, ImportOutcome, OnConflict, MAX_FILE_BYTES};
use clausewise_store::{check_export_target, FileSource, Store, StoreError};
use uuid::Uuid;

use crate::OpError;

/// The entry that holds the assessment itself.
pub const ASSESSMENT_ENTRY: &str = "assessment.json";
/// The folder of the file content, one entry per SHA-256.
pub const FILES_FOLDER: &str = "files/";
/// More entries than this cannot be an assessment package (an item holds
/// at most 100 files; a register of a few hundred items is already large).
pub const MAX_ENTRIES: usize = 20_000;

/// The most file content one package may carry in all (each file is at
/// most 256 MiB): an import is bounded in time by what it reads.
pub const MAX_PACKAGE_CONTENT: u64 = 8 * 1024 * 1024 * 1024;

/// True when `bytes` start like a zip archive (and so like a package).
pub fn is_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Writes the assessment and the content of every file it lists as a
/// package at `target` (through a temporary file: the target is the old
/// file or the complete package). Content is streamed from the database,
/// hash checked. Returns how many files it carries.
pub fn write_package(
    store: &Store,
    id: Uuid,
    target: &Path,
    database: &Path,
) -> Result<usize, OpError> {
    check_export_target(target, database)?;
    let file = store.read(|s| s.export_assessment(id))?;
    let save = |message: String| OpError::Save {
        what: "The assessment package",
        path: target.to_owned(),
        message,
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    if target.is_dir() {
        return Err(save("it is a folder".to_owned()));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".clausewise-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| save(crate::files::io_message(&e)))?;
    let mut zip = zip::ZipWriter::new(tmp);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    let zerr = |e: zip::result::ZipError| save(e.to_string());
    zip.start_file(ASSESSMENT_ENTRY, options).map_err(zerr)?;
    zip.write_all(file.to_json().as_bytes())
        .map_err(|e| save(crate::files::io_message(&e)))?;
    let hashes = file.file_hashes();
    let mut carried = 0;
    for (sha256, size) in &hashes {
        let name = file
            .evidence
            .iter()
            .flat_map(|e| &e.files)
            .find(|f| f.sha256 == *sha256)
            .map_or_else(|| sha256.clone(), |f| f.name.clone());
        let stored = file
            .evidence
            .iter()
            .flat_map(|e| &e.files)
            .any(|f| f.sha256 == *sha256 && f.stored);
        if !stored {
            // Listed without content here (imported without its files): the
            // package lists it the same way.
            continue;
        }
        let options = options.large_file(*size >= u64::from(u32::MAX));
        zip.start_file(format!("{FILES_FOLDER}{sha256}"), options)
            .map_err(zerr)?;
        store.read(|s| s.copy_file_content(sha256, &name, &mut zip))?;
        carried += 1;
    }
    let tmp = zip.finish().map_err(zerr)?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| save(crate::files::io_message(&e)))?;
    if let Some(permissions) = crate::files::default_permissions() {
        let _ = tmp.as_file().set_permissions(permissions);
    }
    tmp.persist(target)
        .map_err(|e| save(crate::files::io_message(&e.error)))?;
    Ok(carried)
}

/// Why a package cannot be read, in words for the consultant.
fn refuse(shown_as: &str, reason: impl std::fmt::Display) -> OpError {
    OpError::CannotImport {
        reason: format!("{shown_as} cannot be imported: {reason}"),
    }
}

/// The content of a package's files, read on demand by the import.
struct ZipFiles<'a, R: Read + Seek> {
    archive: &'a mut zip::ZipArchive<R>,
    /// The size the assessment gives each file.
    sizes: std::collections::HashMap<String, u64>,
    /// The files whose content the package carries.
    carried: HashSet<String>,
}

impl<R: Read + Seek> FileSource for ZipFiles<'_, R> {
    fn carries_files(&self) -> bool {
        true
    }

    fn has(&self, sha256: &str) -> bool {
        self.carried.contains(sha256)
    }

    fn open(&mut self, sha256: &str) -> Result<Box<dyn Read + '_>, String> {
        let limit = self.sizes.get(sha256).copied().unwrap_or(0);
        match self.archive.by_name(&format!("{FILES_FOLDER}{sha256}")) {
            // One byte past the size is enough to tell it is too long.
            Ok(entry) => Ok(Box::new(entry.take(limit + 1))),
            Err(zip::result::ZipError::FileNotFound) => {
                Err("its content is missing from the package".to_owned())
            }
            Err(e) => Err(format!("its content cannot be read from the package ({e})")),
        }
    }
}

/// Reads a package from `reader` and imports it in one transaction.
pub fn import_package<R: Read + Seek>(
    store: &mut Store,
    reader: R,
    shown_as: &str,
    on_conflict: OnConflict,
) -> Result<ImportOutcome, OpError> {
    let mut archive = zip::ZipArchive::new(reader)
        .map_err(|e| refuse(shown_as, format!("it is not a readable package ({e}).")))?;
    if archive.has_duplicate_names() {
        return Err(refuse(shown_as, "one of its entries appears twice."));
    }
    if archive.len() > MAX_ENTRIES {
        return Err(refuse(
            shown_as,
            format!(
                "it has {} entries, more than a package can have.",
                archive.len()
            ),
        ));
    }
    let mut names = HashSet::new();
    let mut carried = HashSet::new();
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| refuse(shown_as, format!("entry {} cannot be read ({e}).", i + 1)))?;
        let name = entry
            .name()
            .map_err(|e| {
                refuse(
                    shown_as,
                    format!("entry {} has an unreadable name ({e}).", i + 1),
                )
            })?
            .into_owned();
        if !names.insert(name.clone()) {
            return Err(refuse(
                shown_as,
                format!("the entry “{name}” appears twice."),
            ));
        }
        if entry.encrypted() {
            return Err(refuse(
                shown_as,
                format!("the entry “{name}” is encrypted."),
            ));
        }
        if name == ASSESSMENT_ENTRY {
            continue;
        }
        match name.strip_prefix(FILES_FOLDER) {
            Some(hash) if clausewise_core::engagement::is_sha256(hash) => {
                carried.insert(hash.to_owned());
            }
            _ => {
                let shown: String = name.chars().take(80).collect();
                return Err(refuse(
                    shown_as,
                    format!("it holds “{shown}”, which is not part of an assessment package."),
                ));
            }
        }
    }
    let json = {
        let entry = archive.by_name(ASSESSMENT_ENTRY).map_err(|_| {
            refuse(
                shown_as,
                "it holds no assessment (assessment.json is missing).",
            )
        })?;
        let mut bytes = Vec::new();
        entry
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| refuse(shown_as, format!("its assessment cannot be read ({e}).")))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(refuse(shown_as, "its assessment is too large."));
        }
        bytes
    };
    let parsed = AssessmentFile::parse(&json, clausewise_core::Catalogue::builtin())
        .map_err(|problem| refuse(shown_as, problem))?;
    let listed: std::collections::HashMap<String, u64> = parsed.file_hashes().into_iter().collect();
    let total: u64 = listed.values().sum();
    if total > MAX_PACKAGE_CONTENT {
        return Err(refuse(
            shown_as,
            format!(
                "its files come to {}, more than the {} a package may carry.",
                clausewise_core::engagement::describe_size(total),
                clausewise_core::engagement::describe_size(MAX_PACKAGE_CONTENT)
            ),
        ));
    }
    if let Some(extra) = carried.iter().find(|h| !listed.contains_key(*h)) {
        return Err(refuse(
            shown_as,
            format!(
                "it carries a file ({}…) that its assessment does not list.",
                &extra[..12]
            ),
        ));
    }
    let mut files = ZipFiles {
        archive: &mut archive,
        sizes: listed,
        carried,
    };
    match store.import_assessment_with_files(&json, on_conflict, &mut files) {
        Ok(imported) => Ok(ImportOutcome::Imported {
            assessment: Box::new(imported.assessment),
            notice: imported.notice,
        }),
        Err(e @ StoreError::AlreadyExists { .. }) => Ok(ImportOutcome::Conflict {
            question: e.to_string(),
            can_replace: true,
        }),
        Err(e @ StoreError::SharedIds { .. }) => Ok(ImportOutcome::Conflict {
            question: e.to_string(),
            can_replace: false,
        }),
        Err(StoreError::File(problem)) => Err(refuse(shown_as, problem)),
        Err(e) => Err(e.into()),
    }
}

/// Imports the file at `path`, a package or a plain assessment file.
pub fn import_path(
    store: &mut Store,
    path: &Path,
    shown_as: &str,
    on_conflict: OnConflict,
) -> Result<ImportOutcome, OpError> {
    let meta = std::fs::metadata(path).map_err(|e| OpError::CannotImport {
        reason: format!("{shown_as} cannot be opened: {e}."),
    })?;
    if !meta.is_file() {
        return Err(OpError::CannotImport {
            reason: format!("{shown_as} is not a file."),
        });
    }
    let mut head = [0u8; 4];
    let mut f = std::fs::File::open(path).map_err(|e| OpError::CannotImport {
        reason: format!("{shown_as} cannot be opened: {e}."),
    })?;
    let n = f.read(&mut head).unwrap_or(0);
    if is_package(&head[..n]) {
        let f = std::fs::File::open(path).map_err(|e| OpError::CannotImport {
            reason: format!("{shown_as} cannot be opened: {e}."),
        })?;
        import_package(store, std::io::BufReader::new(f), shown_as, on_conflict)
    } else {
        crate::import::import_file(store, path, shown_as, on_conflict)
    }
}
