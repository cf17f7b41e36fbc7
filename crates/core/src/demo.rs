//! The demo client and assessment a new user sees on first start, so that
//! the app shows real content before anything is typed.

use crate::NewAssessment;

pub fn demo_assessment() -> NewAssessment {
    NewAssessment {
        client_name: "Nordwind Logistik GmbH".into(),
        title: "ISO/IEC 20000-1 readiness assessment".into(),
        scope: "IT services delivered by the central IT department to the logistics \
                business units in Hamburg, Łódź and São Paulo: service desk, managed \
                workplace, warehouse management platform and the customer shipment portal."
            .into(),
        assessors: "Dana Whitfield (lead), Jonas Müller".into(),
        target_level: crate::DEFAULT_TARGET_LEVEL,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_assessment_is_valid() {
        let demo = super::demo_assessment();
        assert_eq!(demo.validated().as_ref(), Ok(&demo));
    }
}
