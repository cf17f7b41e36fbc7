//! The 34 ITIL 4 management practices, by the names catalogue files use.

pub const PRACTICES: [&str; 34] = [
    // General management practices
    "Architecture management",
    "Continual improvement",
    "Information security management",
    "Knowledge management",
    "Measurement and reporting",
    "Organizational change management",
    "Portfolio management",
    "Project management",
    "Relationship management",
    "Risk management",
    "Service financial management",
    "Strategy management",
    "Supplier management",
    "Workforce and talent management",
    // Service management practices
    "Availability management",
    "Business analysis",
    "Capacity and performance management",
    "Change enablement",
    "Incident management",
    "IT asset management",
    "Monitoring and event management",
    "Problem management",
    "Release management",
    "Service catalogue management",
    "Service configuration management",
    "Service continuity management",
    "Service design",
    "Service desk",
    "Service level management",
    "Service request management",
    "Service validation and testing",
    // Technical management practices
    "Deployment management",
    "Infrastructure and platform management",
    "Software development and management",
];

/// Names a catalogue may still use for a practice, with the name ITIL 4 gives
/// it now: "Change control" was renamed "Change enablement" in 2020.
const FORMER_NAMES: [(&str, &str); 1] = [("Change control", "Change enablement")];

/// The practice a catalogue means by `name`, in its canonical spelling:
/// letter case and surrounding spaces do not matter, and a former name
/// stands for the practice's current one.
pub fn canonical(name: &str) -> Option<&'static str> {
    let name = name.trim();
    PRACTICES
        .iter()
        .copied()
        .find(|p| p.eq_ignore_ascii_case(name))
        .or_else(|| {
            FORMER_NAMES
                .iter()
                .find(|(former, _)| former.eq_ignore_ascii_case(name))
                .map(|(_, current)| *current)
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_unique() {
        let mut names = super::PRACTICES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 34);
    }

    #[test]
    fn names_are_read_in_any_letter_case_and_by_their_former_name() {
        use super::canonical;
        assert_eq!(canonical("Service desk"), Some("Service desk"));
        assert_eq!(canonical("SERVICE DESK"), Some("Service desk"));
        assert_eq!(
            canonical("  it asset management "),
            Some("IT asset management")
        );
        assert_eq!(canonical("Change control"), Some("Change enablement"));
        assert_eq!(canonical("change Control"), Some("Change enablement"));
        assert_eq!(canonical("Incident Mgmt"), None);
        assert_eq!(canonical(""), None);
        for (former, current) in super::FORMER_NAMES {
            assert!(super::PRACTICES.contains(&current), "{current}");
            assert_eq!(canonical(former), Some(current));
        }
    }
}
