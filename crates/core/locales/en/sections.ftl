# The report's section titles.

section-contents = Contents
section-management-summary = Management summary
section-summary = Executive summary
section-progress = Progress since baseline
section-method = Scope and method
section-charts = Maturity at a glance
section-execution = Practices against the management system
section-clauses = Clause-by-clause results
section-findings = Findings in detail
section-roadmap = Improvement roadmap
section-conclusions = Conclusions and next steps
section-kpis = Service KPIs
section-documents = Documented information register
section-not-applicable = Requirements marked not applicable
section-itil = Appendix: requirements and ITIL 4 practices
section-evidence = Appendix: evidence index
