# cli (de): jeder Satz, den der Befehl `vigil` ausgibt. Maschinenlesbares (Codes, URIs, JSON)
# steht nicht hier. Details von unten ($detail) sind auf Englisch.

## Fehler der Crates darunter, ihr englisches Detail in einem Satz

cli-error-failed = Fehlgeschlagen: { $detail }
cli-error-refused = Abgelehnt: { $detail }
cli-error-vault = Der Tresor ist nicht nutzbar: { $detail }
cli-error-io = Lesen oder Schreiben fehlgeschlagen: { $detail }
cli-error-duplicate = { $name } ist mit demselben Geheimnis schon in Vigil
cli-error-no-such-id = Kein Konto hat die ID { $id }
cli-error-invalid-uri = ungültige otpauth-URI: { $detail }
cli-error-invalid-export-uri = ungültige Export-URI: { $detail }
cli-service-error = Nicht lesbar: { $detail }
cli-bad-link = { $name }: ungültige Verknüpfung: { $detail }
cli-warning = Warnung: { $detail }
cli-warning-backup = Warnung: Die automatische Sicherung wurde nicht erstellt: { $detail }

## Konten finden

cli-error-no-match = Kein Konto passt zu '{ $query }'
cli-error-many-match = { $count ->
    [one] '{ $query }' passt zu { $count } Konto; bitte genauer angeben:
   *[other] '{ $query }' passt zu { $count } Konten; bitte genauer angeben:
}
    { $names }

## Hinzufügen, auflisten, umbenennen, entfernen

cli-error-add-source = Geben Sie --uri, --qr, --screen oder --clipboard an
cli-source-screen = Bildschirm
cli-source-clipboard = Zwischenablage
cli-added = { $name } hinzugefügt
cli-would-add = Würde { $name } hinzufügen
cli-skipped = { $name } übersprungen: schon in Vigil
cli-added-skipped = { $added } hinzugefügt, { $skipped } übersprungen
cli-clipboard-cleared = Der otpauth-Link wurde aus der Zwischenablage gelöscht.
cli-export-batch = Google-Authenticator-Exportcode { $index } von { $size }
cli-skipped-qr = QR-Code übersprungen: { $detail }
cli-error-uri-stdin = Die URI konnte nicht von der Standardeingabe gelesen werden: { $detail }
cli-error-uri-stdin-empty = --uri - liest die URI von der Standardeingabe, aber sie war leer
cli-error-next-on-totp = { $name } ist zeitbasiert; --next gilt nur für zählerbasierte Konten (HOTP)
cli-list-empty = Noch keine Konten. Fügen Sie eines hinzu mit: vigil add --uri 'otpauth://…'
cli-list-group-empty = Kein Konto ist in der Gruppe { $group }.
cli-list-issuer = ANBIETER
cli-list-label = NAME
cli-list-type = TYP
cli-list-digits = STELLEN
cli-list-period = DAUER
cli-list-secret-missing = Geheimnis fehlt im Schlüsselbund
cli-renamed = { $old } umbenannt in { $new }
cli-error-remove-needs-yes = { $name } wird ohne --yes nicht entfernt (seine Codes würden hier nicht mehr funktionieren)
cli-remove-prompt = { $name } entfernen? Seine Codes funktionieren dann in Vigil nicht mehr. [j/N]
cli-yes-short = j
cli-yes-long = ja
cli-kept = { $name } behalten.
cli-removed = { $name } entfernt

## Dateien, Import und Export

cli-error-cannot-read-file = { $path }: Die Datei kann nicht gelesen werden: { $detail }
cli-error-in-file = { $path }: { $detail }
cli-error-file-exists = { $path } existiert bereits; Vigil schreibt Geheimnisse nur in eine neue Datei: Wählen Sie einen anderen Namen
cli-error-cannot-write = { $path } kann nicht geschrieben werden: { $detail }
cli-error-cannot-write-into = In { $path } kann nicht geschrieben werden: { $detail }
cli-error-man-needs-folder = Man-Pages brauchen einen Ordner: vigil generate man --out DIR
cli-error-unknown-format = Unbekanntes Format '{ $name }'; die Formate sind { $formats }
cli-error-encrypted-no-terminal = { $path } ist verschlüsselt: Führen Sie dies in einem Terminal aus, um nach dem Passwort gefragt zu werden, oder geben Sie es mit --password-stdin auf der Standardeingabe an
cli-error-too-large = { $path }: { $size } ist zu groß für eine Sicherung (Vigil liest bis zu { $limit } MiB)
cli-size-mib = { $count } MiB
cli-size-bytes = { $count ->
    [one] { $count } Byte
   *[other] { $count } Bytes
}
cli-left-out = { $name } ausgelassen: { $reason }
cli-import-totals = { $added } hinzugefügt, { $skipped } übersprungen, { $left } ausgelassen (aus einer Sicherung von { $format })
cli-import-totals-dry-run = { $added } hinzuzufügen, { $skipped } übersprungen, { $left } ausgelassen (aus einer Sicherung von { $format })
cli-nothing-stored = Nichts wurde gespeichert (--dry-run).
cli-left-out-no-secret = { $name }: Sein Geheimnis ist nicht im Schlüsselbund; ausgelassen
cli-skipped-no-secret = { $name } übersprungen: Sein Geheimnis fehlt im Schlüsselbund
cli-wrote-aegis = { $count ->
    [one] { $count } Konto verschlüsselt nach { $path } geschrieben (ein Aegis-Tresor: Aegis und `vigil import` öffnen ihn)
   *[other] { $count } Konten verschlüsselt nach { $path } geschrieben (ein Aegis-Tresor: Aegis und `vigil import` öffnen ihn)
}
cli-warning-qr-file = Warnung: { $path } enthält das Geheimnis von { $name }; löschen Sie die Datei nach dem Scannen
cli-wrote-qr = QR-Code von { $name } nach { $path } geschrieben
cli-wrote = { $path } geschrieben
cli-warning-qr-files = Warnung: Diese Bilder enthalten Ihre Geheimnisse; löschen Sie sie nach dem Scannen
cli-warning-not-encrypted = Warnung: Dieser Export ist nicht verschlüsselt; wer ihn liest, kann Ihre Codes erzeugen
cli-error-secrets-to-terminal = Geheimnisse werden nicht im Terminal ausgegeben; leiten Sie in eine Datei um oder geben Sie --yes an

## Passwörter

cli-password-prompt = Passwort für { $what }:
cli-password-again = Zur Sicherheit noch einmal:
cli-error-password-stdin = Das Passwort konnte nicht von der Standardeingabe gelesen werden: { $detail }
cli-error-password-unreadable = Das Passwort konnte nicht gelesen werden: { $detail }
cli-error-password-empty = Das Passwort für { $what } ist leer
cli-error-password-no-terminal = Kein Terminal, um nach einem Passwort zu fragen: Geben Sie eine Zeile auf der Standardeingabe mit --password-stdin an
cli-error-passwords-differ = Die beiden Passwörter sind verschieden; nichts wurde geschrieben

## Aktivität und Sitzungen

cli-not-linked = nicht verknüpft: { $detail }
cli-linked-on-add = Mit seiner Aktivität bei { $host } verknüpft (ansehen mit `vigil activity`; --no-link überspringt dies)
cli-linked = { $name } mit seiner Aktivität bei { $host } verknüpft
cli-unlinked = Verknüpfung von { $name } aufgehoben
cli-error-runtime = Die Netzwerkumgebung kann nicht gestartet werden: { $detail }
cli-error-not-linked-hint = { $name } ist mit keinem Aktivitätsverlauf verknüpft (vigil link { $label } URL)
cli-error-not-linked = { $name } ist mit keinem Aktivitätsverlauf verknüpft
cli-error-no-feed-read = Kein Aktivitätsverlauf konnte gelesen werden
cli-none-linked = Kein Konto ist mit einem Aktivitätsverlauf verknüpft.
cli-account-state = Konto { $state }
cli-you-said-mine = Ihre Antwort: Das war ich
cli-you-said-not-mine = Ihre Antwort: Das war ich nicht
cli-was-this-you = Waren Sie das?  vigil verdict { $id } mine | not-mine
cli-error-no-such-event = Die Aktivität keines verknüpften Kontos hat ein Ereignis { $event }
cli-error-event-maybe-unread = Ereignis { $event } wurde nicht gefunden, aber manche Aktivität konnte nicht gelesen werden, es kann also dort sein: { $detail }
cli-error-event-ambiguous = Ereignis { $event } ist in der Aktivität von { $names }; geben Sie mit --account an, welches gemeint ist
cli-recorded-mine = „Das war ich“ für { $name } gespeichert. Das Konto ist { $state }.
cli-recorded-not-mine = „Das war ich nicht“ für { $name } gespeichert. Das Konto ist { $state }.
cli-error-no-sessions-read = Keine Sitzungen konnten gelesen werden
cli-password-reset-required = Die Website fragt bei der nächsten Anmeldung nach einem neuen Passwort
cli-no-sessions = Nirgends angemeldet
cli-session-times = seit { $since }, zuletzt gesehen { $seen }
cli-session-times-last-code = seit { $since }, zuletzt gesehen { $seen } · der letzte Code kam von hier
cli-not-you-sign-out = Nicht Sie?  vigil sign-out { $account } { $session }
cli-signed-out = { $device } ({ $session }) von { $name } abgemeldet; die Website wurde informiert.
cli-session-ended-already = Sitzung { $session } von { $name } war bereits beendet ({ $state }).
cli-secured = { $count ->
    [one] { $name } gesichert: { $count } Sitzung abgemeldet, und die Website fragt bei der nächsten Anmeldung nach einem neuen Passwort. Das Konto ist { $state }.
   *[other] { $name } gesichert: { $count } Sitzungen abgemeldet, und die Website fragt bei der nächsten Anmeldung nach einem neuen Passwort. Das Konto ist { $state }.
}
