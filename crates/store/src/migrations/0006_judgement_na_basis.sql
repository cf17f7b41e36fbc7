-- Schema 6: the conformity judgement of a requirement beside its maturity
-- level, and why a not applicable requirement does not apply (no instances
-- in scope, or a claimed exclusion).

ALTER TABLE clause_response ADD COLUMN judgement TEXT NOT NULL DEFAULT 'not_judged'
    CHECK (judgement IN ('not_judged', 'conforms', 'not_yet_evidenced',
                         'minor_nonconformity', 'major_nonconformity'));
ALTER TABLE clause_response ADD COLUMN na_basis TEXT NOT NULL DEFAULT 'exclusion'
    CHECK (na_basis IN ('exclusion', 'no_instances'));
