-- Schema 12: the language a client's reports are written in, remembered
-- from the last report exported for that client (none: English).

ALTER TABLE client ADD COLUMN report_lang TEXT
    CHECK (report_lang IS NULL OR report_lang IN ('en', 'de', 'fr'));
