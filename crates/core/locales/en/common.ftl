# Dates, numbers and words the whole report shares.

month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# A date written out: 2 December 2026.
date-long = { $day } { $month } { $year }
# Used by the tests of the message table.
test-count = { $n ->
    [one] { $n } finding
   *[other] { $n } findings
}
# The default confidentiality label.
confidential = Confidential
# Where nothing was recorded.
none-dash = –
# A day alone, before a range's end: the "3" of "3–5 March 2026".
date-day = { $day }
# Day and month, before a range's end in the same year: "28 February".
date-day-month = { $day } { $month }
fieldwork-from = from { $date }
fieldwork-until = until { $date }
# The end of a list: "A and B", "A, B, and C".
list-and = { $n ->
    [2] { $init } and { $last }
   *[other] { $init }, and { $last }
}
# The page number in the running footer.
page-of = Page { $page } of { $total }
