//! Helpers shared by the store's test files.

use clausewise_store::Store;

/// An assessment with nothing recorded yet.
pub fn blank(store: &mut Store) -> uuid::Uuid {
    store
        .create_assessment(&clausewise_core::NewAssessment {
            client_name: "Nordwind Logistik GmbH".into(),
            title: "Blank".into(),
            scope: String::new(),
            assessors: String::new(),
            target_level: 3,
            starts_on: None,
            ends_on: None,
        })
        .expect("blank assessment")
        .id
}
