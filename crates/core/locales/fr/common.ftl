# Dates, nombres et mots communs à l'ensemble du rapport.

month = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
# Une date en toutes lettres : 2 décembre 2026, 1er mars 2026.
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
# Utilisé par les tests de la table des messages.
test-count = { $n ->
    [one] { $n } constat
   *[other] { $n } constats
}
# La mention de confidentialité par défaut.
confidential = Confidentiel
# Là où rien n'a été enregistré.
none-dash = –
# Un jour seul, avant la fin d'une période : le « 3 » de « 3–5 mars 2026 ».
date-day = { $day ->
    [1] 1er
   *[other] { $day }
}
# Jour et mois, avant la fin d'une période de la même année : « 28 février ».
date-day-month = { $day ->
    [1] 1er
   *[other] { $day }
} { $month }
fieldwork-from = à partir du { $date }
fieldwork-until = jusqu'au { $date }
# La fin d'une liste : « A et B », « A, B et C » (sans virgule de série).
list-and = { $n ->
    [2] { $init } et { $last }
   *[other] { $init } et { $last }
}
# Le numéro de page dans le pied de page.
page-of = Page { $page } sur { $total }
