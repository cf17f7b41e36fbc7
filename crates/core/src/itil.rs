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

pub fn is_practice(name: &str) -> bool {
    PRACTICES.contains(&name)
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
}
