# Les titres des sections du rapport.

section-contents = Sommaire
section-management-summary = Synthèse de direction
section-summary = Synthèse des résultats
section-progress = Progrès depuis l'évaluation de référence
section-method = Domaine d'application et méthode
section-charts = Vue d'ensemble de la maturité
section-execution = Pratiques et système de management
section-clauses = Résultats article par article
section-findings = Constats détaillés
section-roadmap = Feuille de route d'amélioration
section-conclusions = Conclusions et prochaines étapes
section-kpis = KPI des services
section-documents = Registre des informations documentées
section-not-applicable = Exigences déclarées non applicables
section-itil = Annexe : exigences et pratiques ITIL 4
section-evidence = Annexe : index des preuves
