# review (de): die Prüfseite des Dienstes für das Prüfteam (nicht für Kunden). $reason und die
# Notiz einer Entscheidung sind Text des Dienstes bzw. des Prüfteams, wie geschrieben.

review-title = Vigil-Prüfung
review-heading = Gesperrte Konten
review-none = Kein Konto ist gesperrt.
review-state-active = Aktiv
review-state-locked-pending-verification = Gesperrt: Der Kunde muss die markierte Aktivität bestätigen oder abstreiten
review-state-locked-pending-review = Gesperrt: wartet auf eine Entscheidung des Prüfteams
review-state-reason = Grund: { $reason }
review-when = Wann
review-what = Was
review-where = Wo
review-why = Warum markiert
review-customer-said = Antwort des Kunden
review-place = { $country } · { $ip }
review-verdict-mine = Das war ich
review-verdict-not-mine = Das war ich nicht
review-documents = Dokumente (herunterladen mit der API und dem Prüfschlüssel):
review-document = { $path } ({ $type })
review-document-size = { $count ->
    [one] { $count } Byte
   *[other] { $count } Bytes
}
review-note = Notiz an den Kunden (wird ihm in der App und in der E-Mail gezeigt)
review-unlock = Entsperren
review-keep-locked = Gesperrt lassen
