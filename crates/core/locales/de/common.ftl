# Datumsangaben, Zahlen und Wörter, die der ganze Bericht nutzt.

month = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
}
# Ausgeschriebenes Datum: 2. Dezember 2026.
date-long = { $day }. { $month } { $year }
# Für die Tests der Meldungstabelle.
test-count = { $n ->
    [one] { $n } Feststellung
   *[other] { $n } Feststellungen
}
# Standard-Vertraulichkeitsvermerk.
confidential = Vertraulich
# Wo nichts erfasst wurde.
none-dash = –
# Ein Tag allein, vor dem Ende eines Zeitraums: die „3.“ in „3.–5. März 2026“.
date-day = { $day }.
# Tag und Monat, vor dem Ende eines Zeitraums im selben Jahr: „28. Februar“.
date-day-month = { $day }. { $month }
fieldwork-from = ab { $date }
fieldwork-until = bis { $date }
# Das Ende einer Aufzählung: „A und B“, „A, B und C“.
list-and = { $init } und { $last }
# Seitenzahl in der Fußzeile.
page-of = Seite { $page } von { $total }
