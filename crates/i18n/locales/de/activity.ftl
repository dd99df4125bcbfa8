# Orte stehen nach „·“, in Klammern oder nach einem Doppelpunkt, da Ländernamen (CLDR) ohne Artikel kommen.
# Ereignisse, Gründe und Kontozustände in Worten (App, CLI und E-Mails des Dienstes).

activity-place-city = { $city }, { $country }
activity-device = { $browser } auf { $os }
activity-with-device = { $text } · { $device }

event-sign-in = Angemeldet
event-sign-in-from = Angemeldet · { $place }
event-sign-in-failed = { $count ->
    [one] Fehlgeschlagene Anmeldung
   *[other] { $count } fehlgeschlagene Anmeldungen
}
event-sign-in-failed-from = { $count ->
    [one] Fehlgeschlagene Anmeldung · { $place }
   *[other] { $count } fehlgeschlagene Anmeldungen · { $place }
}
event-sign-out = Abgemeldet
event-sign-out-from = Abgemeldet · { $place }
event-order = Bestellung { $reference } · { $amount } { $currency }
event-booking = Buchung { $reference } · { $what } · { $when }
event-email-changed = E-Mail-Adresse geändert
event-email-changed-from = E-Mail-Adresse geändert · { $place }
event-phone-changed = Telefonnummer geändert
event-phone-changed-from = Telefonnummer geändert · { $place }
event-address-changed = Postanschrift geändert
event-address-changed-from = Postanschrift geändert · { $place }
event-password-changed = Passwort geändert
event-password-changed-from = Passwort geändert · { $place }
event-card-added = Karte hinzugefügt: { $brand } mit Endziffern { $last4 }
event-card-added-from = Karte hinzugefügt: { $brand } mit Endziffern { $last4 } · { $place }
event-account-unlocked = Konto entsperrt
event-account-locked = Konto gesperrt
event-account-state-changed = Kontostatus geändert
event-document-received = Dokument zur Prüfung erhalten

duration-under-a-minute = weniger als eine Minute
duration-minutes = { $count ->
    [one] eine Minute
   *[other] { $count } Minuten
}
duration-hours = { $count ->
    [one] eine Stunde
   *[other] { $count } Stunden
}

reason-new-country-too-soon = Anmeldung ({ $here }) { $duration } nach einer Anmeldung ({ $before })
reason-new-country-too-soon-vague = Anmeldung aus einem neuen Land kurz nach einer Anmeldung aus einem anderen
reason-impossible-travel = Anmeldung ({ $here }) zu kurz nach einer Anmeldung ({ $before }), um dorthin gereist zu sein
reason-impossible-travel-vague = Zwei Anmeldungen, zu weit voneinander entfernt für die Zeit dazwischen
reason-card-after-flagged-sign-in = Innerhalb eines Tages nach einer ungewöhnlichen Anmeldung wurde eine Karte hinzugefügt
reason-cards-in-window = Innerhalb eines Tages wurde eine dritte Karte hinzugefügt
reason-new-country = Erste Anmeldung seit 90 Tagen aus diesem Land: { $here }
reason-new-country-vague = Erste Anmeldung aus einem neuen Land seit 90 Tagen
reason-new-device = Erste Anmeldung mit { $device } seit 90 Tagen
reason-new-device-vague = Erste Anmeldung mit diesem Gerät seit 90 Tagen
reason-account-changes = E-Mail, Telefon, Anschrift oder Passwort wurden an einem Tag mehrmals geändert
reason-too-many-failed-codes = Viele falsche Codes hintereinander eingegeben
reason-other = Eine weitere Regel: { $rule }

state-active = aktiv
state-locked-pending-verification = gesperrt: Bestätigen Sie die markierte Aktivität (das war ich) oder senden Sie ein Dokument zur Prüfung
state-locked-pending-review = gesperrt: Der Dienst prüft es

# Wie weit die Uhr dieses Computers abweicht, laut einem verknüpften Dienst („2 Minuten nach“).
offset-seconds = { $count ->
    [one] { $count } Sekunde
   *[other] { $count } Sekunden
}
offset-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
offset-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
offset-hours-minutes = { $hours } { $minutes }
offset-behind = { $amount } nach
offset-ahead = { $amount } vor
